import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { shopGuard } from '../../shops/index.ts';
import { assignService } from '../rules/assign-service.ts';
import { failedConditions } from '../rules/conditions.ts';
import { createRule, deleteRule, getRule, listRules, ruleInputSchema, updateRule } from '../rules/rules.ts';
import { assignBodySchema } from './parcel-schema.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const tags = ['logistics'];

/** Assignment rules CRUD, "test this rule against an order" and "assign for an order" (dry run). */
export function registerRuleRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/logistics';
  const read = shopGuard(db, 'shipping:read');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(`${base}/rules`, { schema: { tags, params: shopParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, async (trx) => ({ items: await listRules(trx, request.shop.id) })),
  );
  r.post(
    `${base}/rules`,
    { schema: { tags, params: shopParams, body: ruleInputSchema }, preHandler: manage },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withShop(db, request.shop.id, (trx) =>
            createRule(trx, request.shop.id, request.shop.actor, request.body),
          ),
        ),
  );
  r.put(
    `${base}/rules/:id`,
    { schema: { tags, params: idParams, body: ruleInputSchema }, preHandler: manage },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        updateRule(trx, request.shop.id, request.shop.actor, request.params.id, request.body),
      ),
  );
  r.delete(
    `${base}/rules/:id`,
    { schema: { tags, params: idParams }, preHandler: manage },
    async (request, reply) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteRule(trx, request.shop.id, request.shop.actor, request.params.id),
      );
      return reply.status(204).send();
    },
  );
  // Which conditions of this rule fail for the order, and what it would pick if it matched.
  r.post(
    `${base}/rules/:id/test`,
    { schema: { tags, params: idParams, body: assignBodySchema }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        const rule = await getRule(trx, request.shop.id, request.params.id);
        const failed = failedConditions(rule.conditions, request.body);
        const result = await assignService(trx, request.shop.id, request.body, request.locale, rule);
        return {
          matches: failed.length === 0,
          failedConditions: failed,
          ...(failed.length ? {} : { result }),
        };
      }),
  );
  // The whole rule set for an order, as shipments would run it (nothing is saved).
  r.post(
    `${base}/assign`,
    { schema: { tags, params: shopParams, body: assignBodySchema }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        assignService(trx, request.shop.id, request.body, request.locale),
      ),
  );
}
