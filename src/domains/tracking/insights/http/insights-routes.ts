import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../../platform/db/schema.ts';
import { withShop } from '../../../../platform/db/tenant.ts';
import type { App } from '../../../../platform/http/app.ts';
import { shopGuard } from '../../../shops/index.ts';
import { actOnException, exceptionActionSchema } from '../act-on-exception.ts';
import {
  createExceptionRule,
  deleteExceptionRule,
  exceptionRuleSchema,
  listExceptionRules,
  updateExceptionRule,
} from '../exception-rules.ts';
import { getJourneyDetail } from '../get-journey.ts';
import { listExceptions, listExceptionsQuery } from '../list-exceptions.ts';
import { listJourneys, listJourneysQuery } from '../list-journeys.ts';
import { performanceQuery, transitPerformance } from '../performance.ts';

const shopParams = z.object({ shop: z.string() });
const tags = ['tracking'];

/**
 * Tracking insights for the admin: journeys (list, detail), the exceptions worklist and actions on
 * it, stuck thresholds per route, and transit performance. Everyone who reads shipping reads all of
 * it; acting on exceptions is shipping work; thresholds are logistics settings.
 */
export function registerInsightsRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/tracking';
  const read = shopGuard(db, 'shipping:read');
  const write = shopGuard(db, 'shipping:write');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(
    `${base}/journeys`,
    { schema: { tags, params: shopParams, querystring: listJourneysQuery }, preHandler: read },
    (request) => withShop(db, request.shop.id, (trx) => listJourneys(trx, request.shop.id, request.query)),
  );

  r.get(
    `${base}/journeys/:key`,
    {
      schema: { tags, params: shopParams.extend({ key: z.string().trim().min(1).max(200) }) },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        getJourneyDetail(trx, request.shop.id, request.shop.slug, request.params.key),
      ),
  );

  r.get(
    `${base}/exceptions`,
    { schema: { tags, params: shopParams, querystring: listExceptionsQuery }, preHandler: read },
    (request) => withShop(db, request.shop.id, (trx) => listExceptions(trx, request.shop.id, request.query)),
  );

  r.post(
    `${base}/exceptions/:journeyId/actions`,
    {
      schema: { tags, params: shopParams.extend({ journeyId: z.uuid() }), body: exceptionActionSchema },
      preHandler: write,
    },
    async (request, reply) => {
      const out = await withShop(db, request.shop.id, (trx) =>
        actOnException(trx, request.shop.id, request.shop.actor, request.params.journeyId, request.body),
      );
      return reply.status(201).send(out);
    },
  );

  r.get(`${base}/exception-rules`, { schema: { tags, params: shopParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => listExceptionRules(trx, request.shop.id)),
  );

  r.post(
    `${base}/exception-rules`,
    { schema: { tags, params: shopParams, body: exceptionRuleSchema }, preHandler: manage },
    async (request, reply) => {
      const rule = await withShop(db, request.shop.id, (trx) =>
        createExceptionRule(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(rule);
    },
  );

  r.put(
    `${base}/exception-rules/:id`,
    {
      schema: { tags, params: shopParams.extend({ id: z.uuid() }), body: exceptionRuleSchema },
      preHandler: manage,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateExceptionRule(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );

  r.delete(
    `${base}/exception-rules/:id`,
    { schema: { tags, params: shopParams.extend({ id: z.uuid() }) }, preHandler: manage },
    async (request, reply) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteExceptionRule(trx, request.shop.id, request.shop.actor, request.params.id),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    `${base}/performance`,
    { schema: { tags, params: shopParams, querystring: performanceQuery }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) => transitPerformance(trx, request.shop.id, request.query)),
  );
}
