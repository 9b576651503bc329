import { formatMessage, type Locale } from '../../../kernel/i18n/index.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { quoteRates } from '../quote-rates.ts';
import type { RateExclusion, RateOption } from '../rating/types.ts';
import { failedConditions } from './conditions.ts';
import { listRules, type RuleView } from './rules.ts';

export interface AssignInput {
  orderId: string;
  channel: string;
  channelAccountId: string | null;
  destinationCountry: string;
  postcode?: string | null;
  weightG: number;
  dimsMm?: { l: number; w: number; h: number } | null;
  valueMinor: number;
  currency: string;
  skus: string[];
  battery: boolean;
  dangerousGoods: boolean;
}

export type AssignResult =
  | { option: RateOption; ruleId: string | null; reason: string }
  | { option: null; reason: string; excluded: RateExclusion[] };

const byTransit = (a: RateOption, b: RateOption) =>
  (a.transitDays?.max ?? Number.POSITIVE_INFINITY) - (b.transitDays?.max ?? Number.POSITIVE_INFINITY) ||
  (a.transitDays?.min ?? Number.POSITIVE_INFINITY) - (b.transitDays?.min ?? Number.POSITIVE_INFINITY) ||
  a.totalMinor - b.totalMinor;

/** The option a rule's strategy picks among the eligible (already cheapest-first) options. */
export function applyStrategy(rule: RuleView, options: RateOption[]): RateOption | undefined {
  switch (rule.strategy) {
    case 'cheapest':
      return options[0];
    case 'fastest':
      return [...options].sort(byTransit)[0];
    case 'cheapest_within_days':
      return options.find((o) => o.transitDays !== null && o.transitDays.max <= (rule.maxDays ?? 0));
    case 'fixed':
      return options.find((o) => o.serviceId === rule.serviceId);
  }
}

const strategyText = (locale: Locale, r: RuleView, options: RateOption[]) =>
  r.strategy === 'cheapest_within_days'
    ? formatMessage(locale, 'logistics.strategy.cheapest_within_days', { days: r.maxDays ?? 0 })
    : r.strategy === 'fixed'
      ? formatMessage(locale, 'logistics.strategy.fixed', {
          code: options.find((o) => o.serviceId === r.serviceId)?.code ?? r.serviceId ?? '',
        })
      : formatMessage(locale, `logistics.strategy.${r.strategy}`);

/**
 * Pick a service for an order: active rules by priority, the first whose conditions all match
 * decides with its strategy; if that strategy finds no eligible service nothing is chosen (no
 * silent fallback past a delivery promise). No rule matches → the cheapest eligible service.
 */
export async function assignService(
  trx: Tx,
  shopId: string,
  input: AssignInput,
  locale: Locale = 'en',
  onlyRule?: RuleView,
): Promise<AssignResult> {
  const quote = await quoteRates(
    trx,
    shopId,
    {
      destinationCountry: input.destinationCountry,
      postcode: input.postcode ?? null,
      weightG: input.weightG,
      dimsMm: input.dimsMm ?? null,
      declaredValue: { amountMinor: input.valueMinor, currency: input.currency },
      battery: input.battery,
      dangerousGoods: input.dangerousGoods,
    },
    locale,
  );
  const rules = onlyRule ? [onlyRule] : (await listRules(trx, shopId)).filter((r) => r.active);
  for (const rule of rules) {
    if (failedConditions(rule.conditions, input).length) continue;
    const strategy = strategyText(locale, rule, quote.options);
    const option = applyStrategy(rule, quote.options);
    if (!option)
      return {
        option: null,
        reason: formatMessage(locale, 'logistics.assign.unsatisfied', { name: rule.name, strategy }),
        excluded: quote.excluded,
      };
    return {
      option,
      ruleId: rule.id,
      reason: formatMessage(locale, 'logistics.assign.rule', {
        name: rule.name,
        priority: rule.priority,
        strategy,
      }),
    };
  }
  const cheapest = quote.options[0];
  if (!cheapest)
    return {
      option: null,
      reason: formatMessage(locale, 'logistics.assign.noOption'),
      excluded: quote.excluded,
    };
  return { option: cheapest, ruleId: null, reason: formatMessage(locale, 'logistics.assign.noRule') };
}
