import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { createSender, deleteSender, listSenders, senderSchema, updateSender } from '../senders.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['shipping'];

/** Sender addresses: everyone who ships reads them, logistics managers maintain them. */
export function registerSenderRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/shipping/senders';
  const read = shopGuard(db, 'shipping:read');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(base, { schema: { tags, params: shopParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, async (trx) => ({ items: await listSenders(trx, request.shop.id) })),
  );
  r.post(
    base,
    { schema: { tags, params: shopParams, body: senderSchema }, preHandler: manage },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withShop(db, request.shop.id, (trx) => createSender(trx, request.shop.id, request.body))),
  );
  r.put(
    `${base}/:id`,
    { schema: { tags, params: idParams, body: senderSchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateSender(trx, request.shop.id, request.params.id, request.body),
      ),
  );
  r.delete(
    `${base}/:id`,
    { schema: { tags, params: idParams }, preHandler: manage },
    async (request, reply) => {
      await withShop(db, request.shop.id, (trx) => deleteSender(trx, request.shop.id, request.params.id));
      return reply.status(204).send();
    },
  );
}
