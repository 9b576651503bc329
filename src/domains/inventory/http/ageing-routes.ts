import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { ageingSummary } from '../ageing/ageing-summary.ts';
import { exportAgeing } from '../ageing/export-ageing.ts';
import { ageBuckets } from '../ageing/fifo.ts';
import { listAgeingSkus } from '../ageing/list-ageing-skus.ts';
import { listClearance } from '../ageing/list-clearance.ts';
import { page, shopParams, tags } from './schemas.ts';

const today = () => new Date().toISOString().slice(0, 10);
const days = z.coerce.number().int().min(1).max(3650);

/** asOf (default today, UTC) and the sales windows, "30,90" by default. */
const reportQuery = {
  asOf: z.iso.date().optional(),
  windows: z
    .string()
    .regex(/^\d{1,4}(,\d{1,4}){0,3}$/)
    .optional()
    .transform((s) => (s ? s.split(',').map(Number) : [30, 90]))
    .pipe(z.array(z.number().int().min(1).max(3650))),
  search: z.string().max(100).optional(),
};

const thresholds = {
  olderThanDays: days.default(90),
  coverAboveDays: days.default(180),
};

export function registerAgeingRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'stock:read');

  r.get(
    `${base}/stock/ageing`,
    { schema: { tags, params: shopParams, querystring: z.object(reportQuery) }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        ageingSummary(trx, request.shop.id, { ...request.query, asOf: request.query.asOf ?? today() }),
      ),
  );

  r.get(
    `${base}/stock/ageing/skus`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          ...reportQuery,
          warehouseId: z.uuid().optional(),
          bucket: z.enum(ageBuckets).optional(),
          olderThanDays: days.default(90),
          ...page,
        }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        listAgeingSkus(trx, request.shop.id, { ...request.query, asOf: request.query.asOf ?? today() }),
      ),
  );

  r.get(
    `${base}/stock/clearance`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          asOf: reportQuery.asOf,
          search: reportQuery.search,
          windowDays: days.default(90),
          warehouseId: z.uuid().optional(),
          ...thresholds,
          ...page,
        }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        listClearance(trx, request.shop.id, { ...request.query, asOf: request.query.asOf ?? today() }),
      ),
  );

  r.get(
    `${base}/stock/ageing/export`,
    {
      schema: { tags, params: shopParams, querystring: z.object({ ...reportQuery, ...thresholds }) },
      preHandler: read,
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? today();
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      exportAgeing(db, request.shop.id, { ...request.query, asOf }, request.locale, stream).catch((e) =>
        stream.destroy(e),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="${request.shop.slug}-stock-ageing-${asOf}.xlsx"`,
        )
        .send(stream);
    },
  );
}
