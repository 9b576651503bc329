import { describe, expect, it } from 'vitest';
import type { RateOption } from '../rating/types.ts';
import { applyStrategy } from './assign-service.ts';
import { failedConditions, type OrderFacts, type RuleConditions } from './conditions.ts';
import type { RuleView } from './rules.ts';

const order: OrderFacts = {
  channel: 'amazon',
  channelAccountId: '00000000-0000-4000-8000-000000000001',
  destinationCountry: 'us',
  weightG: 800,
  valueMinor: 3000,
  currency: 'USD',
  skus: ['BAT-PACK-2', 'TOY-1'],
  battery: true,
  dangerousGoods: false,
};

describe('failedConditions', () => {
  it.each([
    [{}, []],
    [{ channels: ['amazon', 'shopee'], countries: ['US'] }, []],
    [{ channels: ['shopee'] }, ['channels']],
    [{ channelAccountIds: ['00000000-0000-4000-8000-000000000002'] }, ['channelAccountIds']],
    [{ minWeightG: 500, maxWeightG: 2000 }, []],
    [{ maxWeightG: 500 }, ['maxWeightG']],
    [{ minValueMinor: 5000, valueCurrency: 'USD' }, ['minValueMinor']],
    [{ maxValueMinor: 100, valueCurrency: 'EUR' }, ['valueCurrency']],
    [{ skus: ['BAT-*'] }, []],
    [{ skus: ['BAT'] }, ['skus']],
    [{ battery: false }, ['battery']],
    [{ dangerousGoods: false, battery: true }, []],
  ] as [RuleConditions, string[]][])('%j → %j', (conditions, failed) => {
    expect(failedConditions(conditions, order)).toEqual(failed);
  });
});

const option = (code: string, totalMinor: number, max: number | null): RateOption => ({
  serviceId: code,
  code,
  name: code,
  carrier: 'other',
  mode: 'postal',
  currency: 'CNY',
  totalMinor,
  breakdown: [],
  chargeableWeightG: 800,
  actualWeightG: 800,
  volumetricWeightG: null,
  transitDays: max === null ? null : { min: 1, max },
  zone: 'US',
});
const options = [
  option('A', 5000, 20),
  option('B', 8000, 10),
  option('C', 20000, 4),
  option('D', 25000, null),
];
const rule = (r: Partial<RuleView>): RuleView => ({
  id: 'r',
  name: 'r',
  priority: 1,
  active: true,
  conditions: {},
  strategy: 'cheapest',
  maxDays: null,
  serviceId: null,
  ...r,
});

describe('applyStrategy', () => {
  it.each([
    [rule({ strategy: 'cheapest' }), 'A'],
    [rule({ strategy: 'fastest' }), 'C'],
    [rule({ strategy: 'cheapest_within_days', maxDays: 10 }), 'B'],
    [rule({ strategy: 'cheapest_within_days', maxDays: 3 }), undefined],
    [rule({ strategy: 'fixed', serviceId: 'D' }), 'D'],
    [rule({ strategy: 'fixed', serviceId: 'Z' }), undefined],
  ] as const)('%#', (r, code) => {
    expect(applyStrategy(r, options)?.code).toBe(code);
  });
});
