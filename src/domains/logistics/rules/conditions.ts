import { z } from 'zod';

export const ruleConditionsSchema = z.object({
  channels: z.array(z.string().trim().min(1)).max(50).optional(),
  channelAccountIds: z.array(z.uuid()).max(200).optional(),
  /** ISO alpha-2. */
  countries: z.array(z.string().trim().toUpperCase().length(2)).max(300).optional(),
  minWeightG: z.number().int().min(0).optional(),
  maxWeightG: z.number().int().min(0).optional(),
  /** Value range in `valueCurrency` (an order in another currency does not match). */
  minValueMinor: z.number().int().min(0).optional(),
  maxValueMinor: z.number().int().min(0).optional(),
  valueCurrency: z.string().trim().toUpperCase().length(3).optional(),
  /** Exact SKUs, or prefixes ending in * ("BAT-*"); matches when any order SKU matches. */
  skus: z.array(z.string().trim().min(1)).max(500).optional(),
  battery: z.boolean().optional(),
  dangerousGoods: z.boolean().optional(),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export interface OrderFacts {
  channel: string;
  channelAccountId: string | null;
  destinationCountry: string;
  weightG: number;
  valueMinor: number;
  currency: string;
  skus: string[];
  battery: boolean;
  dangerousGoods: boolean;
}

const skuMatches = (pattern: string, sku: string) =>
  pattern.endsWith('*') ? sku.startsWith(pattern.slice(0, -1)) : sku === pattern;

/** The conditions that fail (empty = the rule matches). Unset conditions always match. */
export function failedConditions(c: RuleConditions, o: OrderFacts): string[] {
  const failed: string[] = [];
  if (c.channels?.length && !c.channels.includes(o.channel)) failed.push('channels');
  if (
    c.channelAccountIds?.length &&
    (!o.channelAccountId || !c.channelAccountIds.includes(o.channelAccountId))
  )
    failed.push('channelAccountIds');
  if (c.countries?.length && !c.countries.includes(o.destinationCountry.toUpperCase()))
    failed.push('countries');
  if (c.minWeightG !== undefined && o.weightG < c.minWeightG) failed.push('minWeightG');
  if (c.maxWeightG !== undefined && o.weightG > c.maxWeightG) failed.push('maxWeightG');
  const hasValue = c.minValueMinor !== undefined || c.maxValueMinor !== undefined;
  if (hasValue && c.valueCurrency && c.valueCurrency !== o.currency.toUpperCase())
    failed.push('valueCurrency');
  else {
    if (c.minValueMinor !== undefined && o.valueMinor < c.minValueMinor) failed.push('minValueMinor');
    if (c.maxValueMinor !== undefined && o.valueMinor > c.maxValueMinor) failed.push('maxValueMinor');
  }
  if (c.skus?.length && !o.skus.some((s) => c.skus!.some((p) => skuMatches(p, s)))) failed.push('skus');
  if (c.battery !== undefined && c.battery !== o.battery) failed.push('battery');
  if (c.dangerousGoods !== undefined && c.dangerousGoods !== o.dangerousGoods) failed.push('dangerousGoods');
  return failed;
}
