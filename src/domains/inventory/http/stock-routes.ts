import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { adjustStock } from '../adjust-stock.ts';
import { listMovements } from '../list-movements.ts';
import { listStockLevels } from '../list-stock-levels.ts';
import { receiveStock } from '../receive-stock.ts';
import { resolveVariant } from '../resolve.ts';
import { movementKinds } from '../tables.ts';
import { labelsFor } from './labels.ts';
import { adjustmentBody, page, receiptBody, shopParams, tags } from './schemas.ts';

export function registerStockRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'stock:read');
  const write = shopGuard(db, 'stock:write');

  r.get(
    `${base}/stock`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          sku: z.string().max(100).optional(),
          warehouseId: z.uuid().optional(),
          warehouseCode: z.string().max(40).optional(),
          lowStock: z.coerce.number().int().optional(),
          ...page,
        }),
      },
      preHandler: read,
    },
    (request) => withShop(db, request.shop.id, (trx) => listStockLevels(trx, request.shop.id, request.query)),
  );

  r.get(
    `${base}/stock/movements`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          variantId: z.uuid().optional(),
          sku: z.string().max(100).optional(),
          warehouseId: z.uuid().optional(),
          kind: z.enum(movementKinds).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          ...page,
        }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        const { sku, ...query } = request.query;
        const variantId = sku
          ? (await resolveVariant(trx, request.shop.id, { sku }, 'sku')).variantId
          : query.variantId;
        const result = await listMovements(trx, request.shop.id, { ...query, variantId });
        // The admin's ledger shows SKU, warehouse code and who booked it, not bare ids.
        const labels = await labelsFor(trx, request.shop.id, {
          variantIds: result.items.map((m) => m.variantId),
          warehouseIds: result.items.map((m) => m.warehouseId),
          userIds: result.items.flatMap((m) => (m.actorUserId ? [m.actorUserId] : [])),
        });
        return {
          ...result,
          items: result.items.map((m) => ({
            ...m,
            sku: labels.sku.get(m.variantId) ?? null,
            warehouseCode: labels.warehouse.get(m.warehouseId) ?? null,
            actorEmail: m.actorUserId ? (labels.user.get(m.actorUserId) ?? null) : null,
          })),
        };
      }),
  );

  r.post(
    `${base}/stock/receipts`,
    { schema: { tags, params: shopParams, body: receiptBody }, preHandler: write },
    async (request, reply) => {
      const result = await withShop(db, request.shop.id, (trx) =>
        receiveStock(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  r.post(
    `${base}/stock/adjustments`,
    { schema: { tags, params: shopParams, body: adjustmentBody }, preHandler: write },
    async (request, reply) => {
      const result = await withShop(db, request.shop.id, (trx) =>
        adjustStock(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
}
