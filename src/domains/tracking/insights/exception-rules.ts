import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { isCountryCode } from '../../../kernel/countries.ts';
import { appError, issue } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { defaultThresholds } from './defaults.ts';
import { routeModes, ruleKinds, type TrackingExceptionRulesTable } from './tables.ts';

export const exceptionRuleSchema = z.object({
  kind: z.enum(ruleKinds).default('stuck'),
  /** ISO 3166-1 alpha-2, or '*' for every destination. */
  destinationCountry: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .default('*'),
  mode: z.enum(routeModes).default('*'),
  days: z.number().int().min(1).max(365),
  source: z.string().trim().max(500).nullish(),
  validFrom: z.coerce.date().nullish(),
  validTo: z.coerce.date().nullish(),
});
export type ExceptionRuleInput = z.infer<typeof exceptionRuleSchema>;

type RuleRow = Selectable<TrackingExceptionRulesTable>;

const view = (r: RuleRow) => ({
  id: r.id,
  kind: r.kind,
  destinationCountry: r.destination_country,
  mode: r.mode,
  days: r.days,
  source: r.source,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

function check(input: ExceptionRuleInput) {
  const issues = [];
  if (input.destinationCountry !== '*' && !isCountryCode(input.destinationCountry)) {
    issues.push(
      issue('destinationCountry', 'trackingInsights.rule.country', { value: input.destinationCountry }),
    );
  }
  if (input.validFrom && input.validTo && input.validTo <= input.validFrom) {
    issues.push(issue('validTo', 'trackingInsights.rule.validTo'));
  }
  if (issues.length)
    throw appError('VALIDATION_FAILED', 'trackingInsights.rule.invalid', undefined, { issues });
}

async function assertUnique(trx: Tx, shopId: string, input: ExceptionRuleInput, exceptId?: string) {
  let q = trx
    .selectFrom('tracking_exception_rules')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('kind', '=', input.kind)
    .where('destination_country', '=', input.destinationCountry)
    .where('mode', '=', input.mode);
  q = input.validFrom ? q.where('valid_from', '=', input.validFrom) : q.where('valid_from', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) {
    throw appError('CONFLICT', 'trackingInsights.rule.duplicate', {
      route: `${input.destinationCountry}/${input.mode}`,
    });
  }
}

/** The shop's own thresholds plus the built-in defaults they override. */
export async function listExceptionRules(trx: Tx, shopId: string) {
  const rows = await trx
    .selectFrom('tracking_exception_rules')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('kind')
    .orderBy('destination_country')
    .orderBy('mode')
    .execute();
  return { rules: rows.map(view), defaults: defaultThresholds };
}

export async function createExceptionRule(trx: Tx, shopId: string, actor: Actor, input: ExceptionRuleInput) {
  check(input);
  await assertUnique(trx, shopId, input);
  const row = await trx
    .insertInto('tracking_exception_rules')
    .values({
      shop_id: shopId,
      id: randomUUID(),
      kind: input.kind,
      destination_country: input.destinationCountry,
      mode: input.mode,
      days: input.days,
      source: input.source ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'tracking_rule.created',
    entityType: 'tracking_exception_rule',
    entityId: row.id,
    changes: view(row),
  });
  return view(row);
}

export async function updateExceptionRule(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: ExceptionRuleInput,
) {
  check(input);
  await assertUnique(trx, shopId, input, id);
  const row = await trx
    .updateTable('tracking_exception_rules')
    .set({
      kind: input.kind,
      destination_country: input.destinationCountry,
      mode: input.mode,
      days: input.days,
      source: input.source ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'trackingInsights.rule.notFound');
  await recordAudit(trx, shopId, actor, {
    action: 'tracking_rule.updated',
    entityType: 'tracking_exception_rule',
    entityId: id,
    changes: view(row),
  });
  return view(row);
}

export async function deleteExceptionRule(trx: Tx, shopId: string, actor: Actor, id: string) {
  const r = await trx
    .deleteFrom('tracking_exception_rules')
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw appError('NOT_FOUND', 'trackingInsights.rule.notFound');
  await recordAudit(trx, shopId, actor, {
    action: 'tracking_rule.deleted',
    entityType: 'tracking_exception_rule',
    entityId: id,
  });
}
