import { describe, expect, it } from 'vitest';
import { pickThreshold } from './defaults.ts';
import { isOnTime, onTimeRate, percentile, summarise, transitDays } from './stats.ts';

describe('percentile (linear interpolation, type 7 = percentile_cont)', () => {
  it.each([
    { values: [], p: 0.5, want: null },
    { values: [4], p: 0.5, want: 4 },
    { values: [4], p: 0.9, want: 4 },
    { values: [1, 2], p: 0.5, want: 1.5 },
    { values: [3, 1, 2], p: 0.5, want: 2 },
    { values: [1, 2, 3, 4], p: 0.5, want: 2.5 },
    { values: [1, 2, 3, 4], p: 0.9, want: 3.7 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.9, want: 9.1 },
    { values: [10, 1, 7, 3, 5], p: 0, want: 1 },
    { values: [10, 1, 7, 3, 5], p: 1, want: 10 },
    { values: [5, 5, 5, 20], p: 0.9, want: 15.5 },
  ])('$values at $p → $want', ({ values, p, want }) => {
    const got = percentile(values, p);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 10);
  });

  it('rejects fractions outside 0..1', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('on-time', () => {
  it.each([
    { transit: 6.9, promised: 7, want: true },
    { transit: 7, promised: 7, want: true },
    { transit: 7.01, promised: 7, want: false },
    { transit: 3, promised: null, want: null },
  ])('$transit days against $promised → $want', ({ transit, promised, want }) => {
    expect(isOnTime(transit, promised)).toBe(want);
  });

  it('rate is null without judged parcels', () => {
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(3, 4)).toBe(0.75);
  });

  it('transit days are fractional elapsed days', () => {
    expect(transitDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T12:00:00Z'))).toBe(1.5);
  });

  it('summarises a group', () => {
    const s = summarise([
      { transitDays: 5, promisedDays: 7 },
      { transitDays: 9, promisedDays: 7 },
      { transitDays: 6, promisedDays: null },
    ]);
    expect(s).toEqual({ count: 3, p50: 6, p90: 8.4, judged: 2, onTime: 1, onTimeRate: 0.5 });
  });
});

describe('threshold rules', () => {
  const shop = [
    { kind: 'stuck' as const, destinationCountry: 'DE', mode: '*' as const, days: 12 },
    { kind: 'stuck' as const, destinationCountry: 'DE', mode: 'rail' as const, days: 15 },
    { kind: 'stuck' as const, destinationCountry: '*', mode: 'air' as const, days: 4 },
  ];
  it.each([
    { country: 'DE', mode: 'rail', days: 15, builtIn: false },
    { country: 'DE', mode: 'sea', days: 12, builtIn: false },
    { country: 'FR', mode: 'air', days: 4, builtIn: false },
    { country: 'FR', mode: 'sea', days: 21, builtIn: true },
    { country: 'FR', mode: null, days: 7, builtIn: true },
    { country: 'US', mode: 'express', days: 3, builtIn: true },
  ])('$country/$mode → $days', ({ country, mode, days, builtIn }) => {
    const r = pickThreshold(shop, 'stuck', country, mode);
    expect(r.days).toBe(days);
    expect(r.builtIn).toBe(builtIn);
  });
  it('not_found default', () => {
    expect(pickThreshold([], 'not_found', 'US', 'air').days).toBe(5);
  });
});
