import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { getConnection, saveCredentials } from '../connection.ts';
import { credentialsBodySchema } from '../credentials.ts';
import { listSyncRuns, syncRunsQuerySchema } from '../list-sync-runs.ts';
import {
  CALLBACK_PATH,
  completeShopeeAuthorization,
  createShopeeAuthorization,
} from '../shopee/authorize.ts';
import { syncAccount } from '../sync/run-sync.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['connectors'];

/** Channel API connections: credentials (sealed), Shopee authorisation, sync now, sync runs. */
export function registerConnectorRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/channel-accounts/:id';
  const manage = shopGuard(db, 'channels:manage');
  const read = shopGuard(db, 'orders:read');

  r.put(
    `${base}/credentials`,
    { schema: { tags, params: idParams, body: credentialsBodySchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        saveCredentials(
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
  r.get(`${base}/connection`, { schema: { tags, params: idParams }, preHandler: manage }, (request) =>
    withShop(db, request.shop.id, (trx) =>
      getConnection(trx, request.shop.id, request.params.id, request.locale),
    ),
  );
  r.post(
    `${base}/shopee-authorization`,
    { schema: { tags, params: idParams }, preHandler: manage },
    (request) => createShopeeAuthorization(deps, request.shop.id, request.shop.actor, request.params.id),
  );
  r.post(`${base}/sync`, { schema: { tags, params: idParams }, preHandler: manage }, (request) =>
    syncAccount(deps, request.shop.id, request.params.id, { trigger: 'manual', locale: request.locale }),
  );
  r.get(
    `${base}/sync-runs`,
    { schema: { tags, params: idParams, querystring: syncRunsQuerySchema }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        listSyncRuns(trx, request.shop.id, request.params.id, request.query, request.locale),
      ),
  );

  // Outside /api/shops/:shop: Shopee sends the seller's browser here. The signed, one-time,
  // expiring state is the only authority; the browser then lands on the connection page.
  r.get(
    CALLBACK_PATH,
    {
      schema: {
        tags,
        querystring: z.object({
          state: z.string().max(2000),
          code: z.string().max(500),
          shop_id: z.string().regex(/^\d{1,20}$/),
        }),
      },
    },
    async (request, reply) => {
      const done = await completeShopeeAuthorization(deps, {
        state: request.query.state,
        code: request.query.code,
        shopId: request.query.shop_id,
      });
      const shop = await db
        .selectFrom('shops')
        .select('slug')
        .where('id', '=', done.shopId)
        .executeTakeFirst();
      return reply.redirect(
        `/admin/shops/${encodeURIComponent(shop?.slug ?? '')}/channels/${done.accountId}/connection?authorised=1`,
      );
    },
  );
}
