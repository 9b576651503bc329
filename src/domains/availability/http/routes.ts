import { PassThrough } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { fillShopeeTemplate } from '../fill-shopee-template.ts';
import { listAvailableStock } from '../list-available-stock.ts';
import { listStockFiles, markStockFileUploaded } from '../mark-uploaded.ts';
import { pushStock } from '../push-stock.ts';
import { contentTypeOf, createStockFile, writeStockFile } from '../stock-files.ts';
import { getStockRulesView, saveStockRules, stockRulesSchema } from '../stock-rules.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['availability'];
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/**
 * Available-to-sell per channel account. Reading (and downloading an upload file) needs
 * stock:read; changing what a channel shows — rules, pushes, confirming an upload — is a selling
 * decision and needs channels:manage (owner, operator), like connecting the channel itself.
 */
export function registerAvailabilityRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/channel-accounts/:id';
  const read = shopGuard(db, 'stock:read');
  const manage = shopGuard(db, 'channels:manage');

  r.get(`${base}/stock-rules`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => getStockRulesView(trx, request.shop.id, request.params.id)),
  );
  r.put(
    `${base}/stock-rules`,
    { schema: { tags, params: idParams, body: stockRulesSchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        saveStockRules(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.get(
    `${base}/available-stock`,
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({
          sku: z.string().max(100).optional(),
          changed: flag,
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        listAvailableStock(trx, request.shop.id, request.params.id, request.query),
      ),
  );

  r.post(
    `${base}/stock-pushes`,
    {
      schema: {
        tags,
        params: idParams,
        body: z
          .object({
            full: z.boolean().optional(),
            skus: z.array(z.string().min(1).max(100)).max(10_000).optional(),
          })
          .default({}),
      },
      preHandler: manage,
    },
    (request) => pushStock(deps, request.shop.id, request.shop.actor, request.params.id, request.body),
  );

  r.get(
    `${base}/stock-file`,
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ format: z.enum(['amazon', 'shopee']), full: flag }),
      },
      preHandler: read,
    },
    async (request, reply) => {
      const file = await withShop(db, request.shop.id, (trx) =>
        createStockFile(
          trx,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          request.query.format,
          request.query.full ?? false,
        ),
      );
      const stream = new PassThrough();
      writeStockFile(file.format, file.items, stream).catch((e) => stream.destroy(e));
      return reply
        .header('content-type', contentTypeOf(file.format))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-stock-file-id', file.id)
        .header('x-stock-file-items', String(file.items.length))
        .header('access-control-expose-headers', 'x-stock-file-id, x-stock-file-items')
        .send(stream);
    },
  );

  // The seller's own Shopee "Sales Info" template in, the same file with Stock filled out.
  r.post(
    `${base}/stock-file/shopee-template`,
    { schema: { tags, params: idParams, consumes: ['multipart/form-data'] }, preHandler: read },
    async (request, reply) => {
      const part = await request.file();
      if (!part)
        throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
          issues: [issue('file', 'common.required')],
        });
      const data = await part.toBuffer();
      const file = await withShop(db, request.shop.id, (trx) =>
        fillShopeeTemplate(trx, request.shop.id, request.shop.actor, request.params.id, data),
      );
      const name = (part.filename || 'mass_update_sales_info.xlsx').replace(/\.xlsx$/i, '');
      return reply
        .header('content-type', contentTypeOf('shopee'))
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${name}-cunkou.xlsx`)}`,
        )
        .header('x-stock-file-id', file.id)
        .header('x-stock-file-items', String(file.items.length))
        .send(file.buffer);
    },
  );

  r.get(`${base}/stock-files`, { schema: { tags, params: idParams }, preHandler: read }, async (request) => ({
    items: await withShop(db, request.shop.id, (trx) =>
      listStockFiles(trx, request.shop.id, request.params.id),
    ),
  }));

  r.post(
    '/api/shops/:shop/channel-stock-files/:id/uploaded',
    { schema: { tags, params: idParams }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        markStockFileUploaded(trx, request.shop.id, request.shop.actor, request.params.id),
      ),
  );
}
