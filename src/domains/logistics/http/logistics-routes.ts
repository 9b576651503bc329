import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { getCard, listCards } from '../cards.ts';
import { importRateCard } from '../import-rate-card.ts';
import { quoteRates } from '../quote-rates.ts';
import {
  createService,
  deleteService,
  findService,
  listServices,
  serviceInputSchema,
  servicePatchSchema,
  updateService,
} from '../services.ts';
import { parcelBodySchema, toParcelQuery } from './parcel-schema.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const cardParams = idParams.extend({ cardId: z.uuid() });
const tags = ['logistics'];
const maxSheetBytes = 20 * 1024 * 1024;

/** Services, their rate cards (price-sheet import) and rate shopping. Reads: shipping:read; changes: logistics:manage. */
export function registerLogisticsRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/logistics';
  const read = shopGuard(db, 'shipping:read');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(`${base}/services`, { schema: { tags, params: shopParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, async (trx) => ({ items: await listServices(trx, request.shop.id) })),
  );

  r.post(
    `${base}/services`,
    { schema: { tags, params: shopParams, body: serviceInputSchema }, preHandler: manage },
    async (request, reply) => {
      const s = await withShop(db, request.shop.id, (trx) =>
        createService(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(s);
    },
  );

  r.get(`${base}/services/:id`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, async (trx) => {
      const s = await findService(trx, request.shop.id, request.params.id);
      if (!s) throw appError('NOT_FOUND', 'logistics.serviceNotFound');
      return { ...s, cards: await listCards(trx, request.shop.id, s.id) };
    }),
  );

  r.patch(
    `${base}/services/:id`,
    { schema: { tags, params: idParams, body: servicePatchSchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateService(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.delete(
    `${base}/services/:id`,
    { schema: { tags, params: idParams }, preHandler: manage },
    async (request, reply) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteService(trx, request.shop.id, request.shop.actor, request.params.id),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    `${base}/services/:id/rate-cards`,
    { schema: { tags, params: idParams }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        if (!(await findService(trx, request.shop.id, request.params.id)))
          throw appError('NOT_FOUND', 'logistics.serviceNotFound');
        return { items: await listCards(trx, request.shop.id, request.params.id) };
      }),
  );

  r.get(
    `${base}/services/:id/rate-cards/:cardId`,
    { schema: { tags, params: cardParams }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        getCard(trx, request.shop.id, request.params.id, request.params.cardId),
      ),
  );

  // Multipart: the .xlsx as `file`; `preview=true` (form field before the file, or query) validates only.
  r.post(
    `${base}/services/:id/rate-cards`,
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ preview: z.enum(['true', 'false']).optional() }),
        consumes: ['multipart/form-data'],
      },
      preHandler: manage,
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: maxSheetBytes } });
      if (!part)
        throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
          issues: [issue('file', 'common.required')],
        });
      const field = part.fields.preview;
      const previewField =
        field && !Array.isArray(field) && 'value' in field ? String(field.value) : undefined;
      const bytes = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE')
          throw appError('FILE_TOO_LARGE', 'upload.tooLargeMb', { fileName: part.filename, mb: 20 });
        throw e;
      });
      const preview = (previewField ?? request.query.preview) === 'true';
      const result = await withShop(db, request.shop.id, (trx) =>
        importRateCard(trx, request.shop.id, request.shop.actor, request.params.id, {
          bytes,
          fileName: part.filename || 'price-sheet.xlsx',
          preview,
        }),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  r.post(
    `${base}/quote`,
    { schema: { tags, params: shopParams, body: parcelBodySchema }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        quoteRates(trx, request.shop.id, toParcelQuery(request.body), request.locale),
      ),
  );
}
