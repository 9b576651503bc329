import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { bulkSchema, bulkUpdateOrders } from '../bulk-update-orders.ts';
import { changeOrderStatus, changeStatusSchema } from '../change-status.ts';
import { createOrder, createOrderSchema } from '../create-order.ts';
import { getOrder } from '../get-order.ts';
import { listOrders, listOrdersQuery } from '../list-orders.ts';

const shopParams = z.object({ shop: z.string() });
const orderParams = shopParams.extend({ id: z.uuid() });
const tags = ['orders'];

export function registerOrderRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'orders:read');
  const write = shopGuard(db, 'orders:write');

  r.get(
    `${base}/orders`,
    { schema: { tags, params: shopParams, querystring: listOrdersQuery }, preHandler: read },
    (request) => withShop(db, request.shop.id, (trx) => listOrders(trx, request.shop.id, request.query)),
  );

  r.get(
    `${base}/orders/:id`,
    { schema: { tags, params: orderParams }, preHandler: read },
    async (request) => {
      const order = await withShop(db, request.shop.id, (trx) =>
        getOrder(trx, request.shop.id, request.params.id),
      );
      if (!order) throw appError('NOT_FOUND', 'orders.notFound');
      return order;
    },
  );

  r.post(
    `${base}/orders`,
    { schema: { tags, params: shopParams, body: createOrderSchema }, preHandler: write },
    async (request, reply) => {
      const shopId = request.shop.id;
      const order = await withShop(db, shopId, async (trx) => {
        const id = await createOrder(trx, shopId, request.shop.actor, request.body);
        return getOrder(trx, shopId, id);
      });
      return reply.status(201).send(order);
    },
  );

  r.post(
    `${base}/orders/:id/status`,
    { schema: { tags, params: orderParams, body: changeStatusSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        changeOrderStatus(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.post(
    `${base}/orders/bulk`,
    { schema: { tags, params: shopParams, body: bulkSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        bulkUpdateOrders(trx, request.shop.id, request.shop.actor, request.body),
      ),
  );
}
