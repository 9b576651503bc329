import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { applyStocktake } from '../apply-stocktake.ts';
import { createTransfer } from '../create-transfer.ts';
import { getStocktake } from '../get-stocktake.ts';
import { listTransfers } from '../list-transfers.ts';
import { receiveTransfer } from '../receive-transfer.ts';
import { recordStocktake } from '../record-stocktake.ts';
import { labelsFor } from './labels.ts';
import {
  idParams,
  page,
  receiveTransferBody,
  shopParams,
  stocktakeBody,
  tags,
  transferBody,
} from './schemas.ts';

/** Transfers between warehouses (head-haul, FBA inbound) and stocktakes. */
export function registerTransferRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'stock:read');
  const write = shopGuard(db, 'stock:write');

  r.get(
    `${base}/transfers`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({ status: z.enum(['in_transit', 'received']).optional(), ...page }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        const result = await listTransfers(trx, request.shop.id, request.query);
        // SKUs and warehouse codes beside the ids, for the admin's transfer list.
        const labels = await labelsFor(trx, request.shop.id, {
          variantIds: result.items.flatMap((t) => t.lines.map((l) => l.variantId)),
          warehouseIds: result.items.flatMap((t) => [t.fromWarehouseId, t.toWarehouseId]),
        });
        return {
          ...result,
          items: result.items.map((t) => ({
            ...t,
            fromWarehouseCode: labels.warehouse.get(t.fromWarehouseId) ?? null,
            toWarehouseCode: labels.warehouse.get(t.toWarehouseId) ?? null,
            lines: t.lines.map((l) => ({ ...l, sku: labels.sku.get(l.variantId) ?? null })),
          })),
        };
      }),
  );

  r.post(
    `${base}/transfers`,
    { schema: { tags, params: shopParams, body: transferBody }, preHandler: write },
    async (request, reply) => {
      const t = await withShop(db, request.shop.id, (trx) =>
        createTransfer(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(t);
    },
  );

  r.post(
    `${base}/transfers/:id/receive`,
    { schema: { tags, params: idParams, body: receiveTransferBody }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        receiveTransfer(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.post(
    `${base}/stocktakes`,
    { schema: { tags, params: shopParams, body: stocktakeBody }, preHandler: write },
    async (request, reply) => {
      const st = await withShop(db, request.shop.id, (trx) =>
        recordStocktake(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(st);
    },
  );

  r.post(
    `${base}/stocktakes/:id/apply`,
    { schema: { tags, params: idParams }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        applyStocktake(trx, request.shop.id, request.shop.actor, request.params.id),
      ),
  );

  r.get(`${base}/stocktakes/:id`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => getStocktake(trx, request.shop.id, request.params.id)),
  );
}
