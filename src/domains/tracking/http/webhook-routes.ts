import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { findShopBySlug } from '../../shops/index.ts';
import { isCarrierCode } from '../numbers/index.ts';
import { receiveCarrierWebhook, receiveSeventeenTrackWebhook } from '../webhooks/receive.ts';

const tags = ['tracking'];
const rateLimit = { max: 600, timeWindow: '1 minute' };

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function shopIdOf(db: Kysely<DB>, slug: string) {
  const shop = await findShopBySlug(db, slug);
  if (!shop) throw appError('NOT_FOUND', 'tracking.shopNotFound');
  return shop.id;
}

/**
 * Public webhook endpoints (no session): a carrier/forwarder pushing events with Cunkou's HMAC
 * scheme, and 17TRACK pushing its TRACKING_UPDATED/TRACKING_STOPPED notifications. JSON bodies are
 * kept as the raw string so the signature is checked over the exact bytes that were signed.
 */
export function registerWebhookRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/webhooks/tracking/:shop/:carrier',
      {
        schema: { tags, params: z.object({ shop: z.string(), carrier: z.string() }) },
        config: { rateLimit },
      },
      async (request) => {
        const { shop, carrier } = request.params as { shop: string; carrier: string };
        if (!isCarrierCode(carrier))
          throw appError('NOT_FOUND', 'tracking.webhook.unknownCarrier', { carrier });
        const shopId = await shopIdOf(db, shop);
        return receiveCarrierWebhook(
          db,
          deps.config,
          shopId,
          carrier,
          {
            timestamp: header(request.headers['x-cunkou-timestamp']),
            signature: header(request.headers['x-cunkou-signature']),
            delivery: header(request.headers['x-cunkou-delivery']),
          },
          typeof request.body === 'string' ? request.body : '',
        );
      },
    );
    scope.post(
      '/api/webhooks/17track/:shop',
      { schema: { tags, params: z.object({ shop: z.string() }) }, config: { rateLimit } },
      async (request) => {
        const shopId = await shopIdOf(db, (request.params as { shop: string }).shop);
        return receiveSeventeenTrackWebhook(
          db,
          deps.config,
          shopId,
          header(request.headers.sign),
          typeof request.body === 'string' ? request.body : '',
        );
      },
    );
  });
}
