import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import {
  createAccount,
  createAccountSchema,
  deleteAccount,
  getAccount,
  listAccounts,
  updateAccount,
  updateAccountSchema,
} from '../accounts.ts';
import { cancelLabel } from '../cancel-order.ts';
import { labelFileById } from '../fetch-label.ts';
import { labelView } from '../labels-store.ts';
import { pullOpenLabels, pullTracking } from '../pull-tracking.ts';
import { testConnection } from '../test-connection.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const labelsQuery = z.object({
  key: z.string().max(200).optional(),
  trackingNumber: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const tags = ['carriers'];

/**
 * Carrier accounts are managed by logistics:manage (owner, operator) and read by everyone with
 * shipping:read; cancelling a label and pulling its tracking are shipping:write (the warehouse).
 */
export function registerCarrierRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'shipping:read');
  const write = shopGuard(db, 'shipping:write');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(`${base}/carrier-accounts`, { schema: { tags, params: shopParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => listAccounts(trx, request.shop.id, request.locale)),
  );

  r.post(
    `${base}/carrier-accounts`,
    { schema: { tags, params: shopParams, body: createAccountSchema }, preHandler: manage },
    async (request, reply) => {
      const shopId = request.shop.id;
      const account = await withShop(db, shopId, (trx) =>
        createAccount(trx, deps.config, shopId, request.shop.actor, request.body, request.locale),
      );
      return reply.status(201).send(account);
    },
  );

  r.get(`${base}/carrier-accounts/:id`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) =>
      getAccount(trx, request.shop.id, request.params.id, request.locale),
    ),
  );

  r.patch(
    `${base}/carrier-accounts/:id`,
    { schema: { tags, params: idParams, body: updateAccountSchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateAccount(
          trx,
          deps.config,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          request.body,
          request.locale,
        ),
      ),
  );

  r.delete(
    `${base}/carrier-accounts/:id`,
    { schema: { tags, params: idParams }, preHandler: manage },
    async (request, reply) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteAccount(trx, request.shop.id, request.shop.actor, request.params.id),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    `${base}/carrier-accounts/:id/test`,
    { schema: { tags, params: idParams }, preHandler: manage },
    (request) => testConnection(deps, request.shop.id, request.params.id, request.locale),
  );

  r.get(
    `${base}/carrier-labels`,
    { schema: { tags, params: shopParams, querystring: labelsQuery }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        let q = trx
          .selectFrom('carrier_labels')
          .selectAll()
          .where('shop_id', '=', request.shop.id)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(request.query.limit);
        if (request.query.key) q = q.where('idempotency_key', '=', request.query.key);
        if (request.query.trackingNumber) q = q.where('tracking_number', '=', request.query.trackingNumber);
        return { items: (await q.execute()).map(labelView) };
      }),
  );

  r.get(
    `${base}/carrier-labels/:id`,
    { schema: { tags, params: idParams }, preHandler: read },
    async (request) => {
      const row = await withShop(db, request.shop.id, (trx) =>
        trx
          .selectFrom('carrier_labels')
          .selectAll()
          .where('shop_id', '=', request.shop.id)
          .where('id', '=', request.params.id)
          .executeTakeFirst(),
      );
      if (!row) throw appError('NOT_FOUND', 'carriers.label.notFound');
      return labelView(row);
    },
  );

  r.get(
    `${base}/carrier-labels/:id/label.pdf`,
    { schema: { tags, params: idParams }, preHandler: read },
    async (request, reply) => {
      const found = await labelFileById(deps, request.shop.id, request.params.id);
      if (!found) throw appError('NOT_FOUND', 'carriers.label.notFound');
      const name = found.row.tracking_number.replace(/[^A-Za-z0-9_-]/g, '');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${name}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(found.pdf);
    },
  );

  r.post(
    `${base}/carrier-labels/:id/cancel`,
    { schema: { tags, params: idParams }, preHandler: write },
    (request) => cancelLabel(deps, request.shop.id, request.params.id),
  );

  r.post(
    `${base}/carrier-labels/tracking/pull`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({ days: z.number().int().min(1).max(365).optional() }).optional(),
      },
      preHandler: write,
    },
    (request) => pullOpenLabels(deps, request.shop.id, { days: request.body?.days ?? 60 }),
  );

  r.post(
    `${base}/carrier-labels/:id/tracking/pull`,
    { schema: { tags, params: idParams }, preHandler: write },
    (request) => pullTracking(deps, request.shop.id, request.params.id),
  );
}
