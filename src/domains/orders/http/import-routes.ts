import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError, issue, localizeIssue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { importOrders } from '../import/import-orders.ts';

const fieldsSchema = z.object({
  channelAccountId: z.uuid(),
  format: z.enum(['amazon', 'amazon-unshipped', 'shopee', 'tiktok', 'aliexpress', 'generic']),
  mappingName: z.string().max(100).optional(),
  allOrNothing: z.enum(['true', 'false']).optional(),
  /** 'true': import in a transaction that is rolled back; answers counts, errors and a sample. */
  preview: z.enum(['true', 'false']).optional(),
});

/**
 * POST /order-imports: multipart with the fields channelAccountId, format (and mappingName for
 * generic) BEFORE the file part, as browsers send form fields in order. The file is streamed to
 * disk, imported (or previewed: rolled back, with a sample of the first orders), and removed; the
 * answer is the import result with messages in the reader's language.
 */
export function registerOrderImportRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/shops/:shop/order-imports',
    {
      schema: { tags: ['orders'], params: z.object({ shop: z.string() }), consumes: ['multipart/form-data'] },
      preHandler: shopGuard(db, 'orders:write'),
    },
    async (request) => {
      const part = await request.file();
      if (!part)
        throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
          issues: [issue('file', 'common.required')],
        });
      const raw = Object.fromEntries(
        Object.entries(part.fields).flatMap(([k, v]) =>
          v && !Array.isArray(v) && 'value' in v ? [[k, String(v.value)]] : [],
        ),
      );
      const fields = fieldsSchema.parse(raw);
      const dir = join(deps.config.dataDir, 'tmp');
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${newId()}.upload`);
      try {
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated)
          throw appError('FILE_TOO_LARGE', 'upload.tooLarge', { fileName: part.filename });
        const result = await importOrders(db, {
          shopId: request.shop.id,
          actor: request.shop.actor,
          channelAccountId: fields.channelAccountId,
          file: { path, fileName: part.filename || 'orders' },
          format: fields.format,
          mappingName: fields.mappingName,
          allOrNothing: fields.allOrNothing === 'true',
          preview: fields.preview === 'true',
          concurrency: deps.database.engine === 'postgres' ? 2 : 1,
        });
        return { ...result, errors: result.errors.map((e) => localizeIssue(request.locale, e)) };
      } finally {
        await rm(path, { force: true });
      }
    },
  );
}
