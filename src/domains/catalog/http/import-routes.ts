import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newId } from '../../../kernel/ids.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { exportProducts } from '../import/export-products.ts';
import { importErrorsFile, importStatus, runImportJob, startImport } from '../import/import-jobs.ts';
import { saveUpload } from './save-upload.ts';

const shopParams = z.object({ shop: z.string() });
const jobParams = shopParams.extend({ id: z.uuid() });
const columnsSchema = z.record(z.string(), z.string());
const tags = ['import-export'];

export function registerImportRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'catalog:read');
  const write = shopGuard(db, 'catalog:write');
  /** Preview and commit run the same job; the importing user's language words the errors. */
  const run = async (
    request: FastifyRequest,
    jobId: string,
    columns: Record<string, string>,
    mode: 'preview' | 'all_or_nothing' | 'valid_rows',
  ) => {
    const { default_currency } = await db
      .selectFrom('shops')
      .select('default_currency')
      .where('id', '=', request.shop.id)
      .executeTakeFirstOrThrow();
    const shop = { id: request.shop.id, defaultCurrency: default_currency };
    return runImportJob(db, dataDir, shop, request.shop.actor, jobId, columns, mode, request.locale);
  };

  r.post(
    `${base}/imports`,
    { schema: { tags, params: shopParams, consumes: ['multipart/form-data'] }, preHandler: write },
    async (request, reply) => {
      const upload = await saveUpload(request, join(dataDir, 'tmp'));
      return reply
        .status(201)
        .send(await startImport(db, dataDir, request.shop.id, request.shop.actor, upload));
    },
  );

  r.post(
    `${base}/imports/:id/preview`,
    { schema: { tags, params: jobParams, body: z.object({ columns: columnsSchema }) }, preHandler: write },
    async (request) => {
      const result = await run(request, request.params.id, request.body.columns, 'preview');
      return {
        totalRows: result.totalRows,
        validRows: result.totalRows - result.failed,
        wouldCreate: result.created,
        wouldUpdate: result.updated,
        errors: result.errors,
      };
    },
  );

  r.post(
    `${base}/imports/:id/commit`,
    {
      schema: {
        tags,
        params: jobParams,
        body: z.object({
          columns: columnsSchema,
          mode: z.enum(['all_or_nothing', 'valid_rows']),
          saveMappingAs: z.string().min(1).max(100).optional(),
        }),
      },
      preHandler: write,
    },
    async (request) => {
      const { columns, mode, saveMappingAs } = request.body;
      if (saveMappingAs) await saveMapping(request.shop.id, saveMappingAs, columns);
      const result = await run(request, request.params.id, columns, mode);
      return {
        status: result.status,
        totalRows: result.totalRows,
        created: result.created,
        updated: result.updated,
        failed: result.failed,
        errors: result.errors,
        errorsUrl: result.errorsUrl,
      };
    },
  );

  r.get(`${base}/imports/:id`, { schema: { tags, params: jobParams }, preHandler: read }, (request) =>
    importStatus(db, request.shop.id, request.params.id),
  );

  r.get(
    `${base}/imports/:id/errors`,
    { schema: { tags, params: jobParams }, preHandler: read },
    async (request, reply) => {
      const file = await importErrorsFile(db, request.shop.id, request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(createReadStream(file.path));
    },
  );

  const saveMapping = (shopId: string, name: string, columns: Record<string, string>) =>
    withShop(db, shopId, (trx) =>
      trx
        .insertInto('import_mappings')
        .values({ shop_id: shopId, id: newId(), name: name.trim(), columns: JSON.stringify(columns) })
        .onConflict((oc) => oc.columns(['shop_id', 'name']).doUpdateSet({ columns: JSON.stringify(columns) }))
        .execute(),
    );

  r.get(
    `${base}/import-mappings`,
    { schema: { tags, params: shopParams }, preHandler: read },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) =>
        trx
          .selectFrom('import_mappings')
          .select(['id', 'name', 'columns'])
          .where('shop_id', '=', request.shop.id)
          .orderBy('name')
          .execute(),
      ),
    }),
  );
  r.post(
    `${base}/import-mappings`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({ name: z.string().min(1).max(100), columns: columnsSchema }),
      },
      preHandler: write,
    },
    async (request, reply) => {
      await saveMapping(request.shop.id, request.body.name, request.body.columns);
      return reply.status(201).send({ ok: true });
    },
  );

  r.get(
    `${base}/products/export`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
      preHandler: read,
    },
    async (request, reply) => {
      const { format } = request.query;
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      exportProducts(db, request.shop.id, format, stream).catch((e) => stream.destroy(e));
      return reply
        .header(
          'content-type',
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="${request.shop.slug}-products.${format}"`)
        .send(stream);
    },
  );
}
