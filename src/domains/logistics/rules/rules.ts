import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { ruleStrategies } from '../tables.ts';
import { type RuleConditions, ruleConditionsSchema } from './conditions.ts';

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  priority: z.number().int().min(0).max(1_000_000),
  active: z.boolean().default(true),
  conditions: ruleConditionsSchema.default({}),
  strategy: z.enum(ruleStrategies),
  maxDays: z.number().int().min(1).max(365).nullable().default(null),
  serviceId: z.uuid().nullable().default(null),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export interface RuleView {
  id: string;
  name: string;
  priority: number;
  active: boolean;
  conditions: RuleConditions;
  strategy: (typeof ruleStrategies)[number];
  maxDays: number | null;
  serviceId: string | null;
}

async function checkArgs(trx: Tx, shopId: string, r: Pick<RuleInput, 'strategy' | 'maxDays' | 'serviceId'>) {
  if ((r.strategy === 'fixed' && !r.serviceId) || (r.strategy === 'cheapest_within_days' && !r.maxDays))
    throw appError('VALIDATION_FAILED', 'logistics.fixedServiceRequired', undefined, {
      issues: [issue(r.strategy === 'fixed' ? 'serviceId' : 'maxDays', 'common.required')],
    });
  // A rule may only name one of this shop's services (never another shop's id).
  if (r.serviceId) {
    const own = await trx
      .selectFrom('logistics_services')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('id', '=', r.serviceId)
      .executeTakeFirst();
    if (!own)
      throw appError('VALIDATION_FAILED', 'logistics.serviceNotFound', undefined, {
        issues: [issue('serviceId', 'logistics.serviceNotFound')],
      });
  }
}

/** Rules in the order they are tried: priority, then age. */
export async function listRules(trx: Tx, shopId: string): Promise<RuleView[]> {
  const rows = await trx
    .selectFrom('logistics_assignment_rules')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    priority: r.priority,
    active: r.active,
    conditions: r.conditions as unknown as RuleConditions,
    strategy: r.strategy,
    maxDays: r.max_days,
    serviceId: r.service_id,
  }));
}

export async function getRule(trx: Tx, shopId: string, id: string): Promise<RuleView> {
  const rule = (await listRules(trx, shopId)).find((r) => r.id === id);
  if (!rule) throw appError('NOT_FOUND', 'logistics.ruleNotFound');
  return rule;
}

export async function createRule(trx: Tx, shopId: string, actor: Actor, input: RuleInput): Promise<RuleView> {
  await checkArgs(trx, shopId, input);
  const id = newId();
  await trx
    .insertInto('logistics_assignment_rules')
    .values({
      shop_id: shopId,
      id,
      name: input.name,
      priority: input.priority,
      active: input.active,
      conditions: JSON.stringify(input.conditions),
      strategy: input.strategy,
      max_days: input.maxDays,
      service_id: input.serviceId,
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.rule.create',
    entityType: 'logistics_rule',
    entityId: id,
    changes: input,
  });
  return getRule(trx, shopId, id);
}

export async function updateRule(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: RuleInput,
): Promise<RuleView> {
  await checkArgs(trx, shopId, input);
  const r = await trx
    .updateTable('logistics_assignment_rules')
    .set({
      name: input.name,
      priority: input.priority,
      active: input.active,
      conditions: JSON.stringify(input.conditions),
      strategy: input.strategy,
      max_days: input.maxDays,
      service_id: input.serviceId,
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r.numUpdatedRows) throw appError('NOT_FOUND', 'logistics.ruleNotFound');
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.rule.update',
    entityType: 'logistics_rule',
    entityId: id,
    changes: input,
  });
  return getRule(trx, shopId, id);
}

export async function deleteRule(trx: Tx, shopId: string, actor: Actor, id: string) {
  const r = await trx
    .deleteFrom('logistics_assignment_rules')
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r.numDeletedRows) throw appError('NOT_FOUND', 'logistics.ruleNotFound');
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.rule.delete',
    entityType: 'logistics_rule',
    entityId: id,
  });
}
