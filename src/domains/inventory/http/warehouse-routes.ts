import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { createWarehouse } from '../create-warehouse.ts';
import { listWarehouses } from '../list-warehouses.ts';
import { updateWarehouse } from '../update-warehouse.ts';
import { idParams, shopParams, tags, warehouseBody } from './schemas.ts';

export function registerWarehouseRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'stock:read');
  const write = shopGuard(db, 'stock:write');

  r.get(
    `${base}/warehouses`,
    {
      schema: { tags, params: shopParams, querystring: z.object({ active: z.stringbool().optional() }) },
      preHandler: read,
    },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) =>
        listWarehouses(trx, request.shop.id, { activeOnly: request.query.active }),
      ),
    }),
  );

  r.post(
    `${base}/warehouses`,
    { schema: { tags, params: shopParams, body: warehouseBody }, preHandler: write },
    async (request, reply) => {
      const w = await withShop(db, request.shop.id, (trx) =>
        createWarehouse(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(w);
    },
  );

  r.patch(
    `${base}/warehouses/:id`,
    { schema: { tags, params: idParams, body: warehouseBody.partial() }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateWarehouse(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );
}
