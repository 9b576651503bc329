import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { addHoldsSchema, addOrderHolds } from '../add-order-holds.ts';
import {
  channelAccountPatchSchema,
  channelAccountSchema,
  createChannelAccount,
  listChannelAccounts,
  updateChannelAccount,
} from '../channel-accounts.ts';
import { createSkuMapping, skuMappingSchema } from '../create-sku-mapping.ts';
import { importMappingSchema, listImportMappings, saveImportMapping } from '../import/import-mappings.ts';
import { listSkuMappings, skuMappingQueue } from '../sku-mapping-queue.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['orders'];

/** Channel accounts, SKU mappings (and their queue), saved column mappings for generic imports. */
export function registerChannelRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'orders:read');
  const write = shopGuard(db, 'orders:write');

  r.get(
    `${base}/channel-accounts`,
    { schema: { tags, params: shopParams }, preHandler: read },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) => listChannelAccounts(trx, request.shop.id)),
    }),
  );
  r.post(
    `${base}/channel-accounts`,
    { schema: { tags, params: shopParams, body: channelAccountSchema }, preHandler: write },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withShop(db, request.shop.id, (trx) =>
            createChannelAccount(trx, request.shop.id, request.shop.actor, request.body),
          ),
        ),
  );
  r.patch(
    `${base}/channel-accounts/:id`,
    { schema: { tags, params: idParams, body: channelAccountPatchSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateChannelAccount(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.get(
    `${base}/sku-mappings/queue`,
    { schema: { tags, params: shopParams }, preHandler: read },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) => skuMappingQueue(trx, request.shop.id)),
    }),
  );
  r.get(
    `${base}/sku-mappings`,
    {
      schema: { tags, params: shopParams, querystring: z.object({ q: z.string().max(100).optional() }) },
      preHandler: read,
    },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) =>
        listSkuMappings(trx, request.shop.id, request.query.q),
      ),
    }),
  );
  r.post(
    `${base}/sku-mappings`,
    { schema: { tags, params: shopParams, body: skuMappingSchema }, preHandler: write },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withShop(db, request.shop.id, (trx) =>
            createSkuMapping(trx, request.shop.id, request.shop.actor, request.body),
          ),
        ),
  );

  // Bulk "put on hold" for the inbox (compliance / manual); lifting goes through POST /orders/bulk.
  r.post(
    `${base}/orders/holds`,
    { schema: { tags, params: shopParams, body: addHoldsSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        addOrderHolds(trx, request.shop.id, request.shop.actor, request.body),
      ),
  );

  r.get(
    `${base}/order-import-mappings`,
    { schema: { tags, params: shopParams }, preHandler: read },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) => listImportMappings(trx, request.shop.id)),
    }),
  );
  r.post(
    `${base}/order-import-mappings`,
    { schema: { tags, params: shopParams, body: importMappingSchema }, preHandler: write },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withShop(db, request.shop.id, (trx) => saveImportMapping(trx, request.shop.id, request.body)),
        ),
  );
}
