import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type Tx, withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { cancelRma, cancelRmaSchema } from '../cancel-rma.ts';
import { createRma, createRmaSchema } from '../create-rma.ts';
import { getRma } from '../get-rma.ts';
import { listRmas, listRmasQuery } from '../list-rmas.ts';
import { receiveRma, receiveRmaSchema } from '../receive-rma.ts';
import { refundRma, refundRmaSchema } from '../refund-rma.ts';
import { releaseQuarantine, releaseQuarantineSchema } from '../release-quarantine.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['returns'];

const detail = async (trx: Tx, shopId: string, id: string) => {
  const rma = await getRma(trx, shopId, id);
  if (!rma) throw appError('NOT_FOUND', 'returns.notFound');
  return rma;
};

/**
 * Returns (RMA). Customer service opens and refunds them (orders:write); the warehouse receives
 * goods and settles quarantine (stock:write); everyone who reads orders reads returns.
 */
export function registerReturnRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'orders:read');
  const write = shopGuard(db, 'orders:write');
  const stock = shopGuard(db, 'stock:write');

  r.post(
    `${base}/orders/:id/returns`,
    { schema: { tags, params: idParams, body: createRmaSchema }, preHandler: write },
    async (request, reply) => {
      const shopId = request.shop.id;
      const rma = await withShop(db, shopId, async (trx) => {
        const id = await createRma(trx, shopId, request.shop.actor, request.params.id, request.body);
        return detail(trx, shopId, id);
      });
      return reply.status(201).send(rma);
    },
  );

  r.get(
    `${base}/returns`,
    { schema: { tags, params: shopParams, querystring: listRmasQuery }, preHandler: read },
    (request) => withShop(db, request.shop.id, (trx) => listRmas(trx, request.shop.id, request.query)),
  );

  r.get(`${base}/returns/:id`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => detail(trx, request.shop.id, request.params.id)),
  );

  r.post(
    `${base}/returns/:id/receipts`,
    { schema: { tags, params: idParams, body: receiveRmaSchema }, preHandler: stock },
    async (request, reply) => {
      const shopId = request.shop.id;
      const out = await withShop(db, shopId, async (trx) => {
        const result = await receiveRma(trx, shopId, request.shop.actor, request.params.id, request.body);
        return { ...result, return: await detail(trx, shopId, request.params.id) };
      });
      return reply.status(out.replayed ? 200 : 201).send(out);
    },
  );

  r.post(
    `${base}/returns/:id/refund`,
    { schema: { tags, params: idParams, body: refundRmaSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        await refundRma(trx, request.shop.id, request.shop.actor, request.params.id, request.body);
        return detail(trx, request.shop.id, request.params.id);
      }),
  );

  r.post(
    `${base}/returns/:id/cancel`,
    { schema: { tags, params: idParams, body: cancelRmaSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        await cancelRma(trx, request.shop.id, request.shop.actor, request.params.id, request.body);
        return detail(trx, request.shop.id, request.params.id);
      }),
  );

  r.post(
    `${base}/returns/:id/quarantine-release`,
    { schema: { tags, params: idParams, body: releaseQuarantineSchema }, preHandler: stock },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        await releaseQuarantine(trx, request.shop.id, request.shop.actor, request.params.id, request.body);
        return detail(trx, request.shop.id, request.params.id);
      }),
  );
}
