import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRule, defaultRule, poolUnits, type SkuOverride } from './ats.ts';

const none: SkuOverride = {
  bufferUnits: null,
  bufferPercent: null,
  cap: null,
  fixedQuantity: null,
  doNotSync: false,
};

describe('available-to-sell arithmetic', () => {
  it('a bundle is as available as its scarcest component, in whole bundles', () => {
    // 10 mugs, 7 coasters; one kit = 2 mugs + 3 coasters → min(5, 2) = 2
    expect(
      poolUnits([
        { quantity: 2, available: 10 },
        { quantity: 3, available: 7 },
      ]),
    ).toBe(2);
    // a 3-pack from 8 singles: 2 packs
    expect(poolUnits([{ quantity: 3, available: 8 }])).toBe(2);
    expect(poolUnits([{ quantity: 1, available: -4 }])).toBe(0);
    expect(poolUnits([])).toBe(0);
  });

  it('applies buffer percent (result rounds down), buffer units, share and cap in that order', () => {
    expect(applyRule(100, defaultRule)).toBe(100);
    expect(applyRule(7, { ...defaultRule, bufferPercent: 10 })).toBe(6); // 6.3 → 6
    expect(applyRule(100, { ...defaultRule, bufferUnits: 5 })).toBe(95);
    expect(applyRule(100, { ...defaultRule, bufferPercent: 10, bufferUnits: 5 })).toBe(85);
    expect(applyRule(85, { ...defaultRule, sharePercent: 50 })).toBe(42); // 42.5 → 42
    expect(applyRule(100, { ...defaultRule, bufferPercent: 10, bufferUnits: 5, sharePercent: 50 })).toBe(42);
    expect(applyRule(100, { ...defaultRule, bufferUnits: 5, cap: 30 })).toBe(30);
    expect(applyRule(3, { ...defaultRule, bufferUnits: 5 })).toBe(0);
  });

  it('per-SKU overrides replace the account values; fixed ignores stock', () => {
    const rule = { bufferUnits: 5, bufferPercent: 0, sharePercent: 100, cap: 50 };
    expect(applyRule(100, rule, { ...none, bufferUnits: 0 })).toBe(50);
    expect(applyRule(100, rule, { ...none, cap: 80 })).toBe(80);
    expect(applyRule(100, rule, { ...none, cap: 200, bufferPercent: 25 })).toBe(70);
    expect(applyRule(0, rule, { ...none, fixedQuantity: 12 })).toBe(12);
  });

  it('is never negative and never above the pool or the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 12 }),
            available: fc.integer({ min: -50, max: 5000 }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.record({
          bufferUnits: fc.integer({ min: 0, max: 100 }),
          bufferPercent: fc.integer({ min: 0, max: 100 }),
          sharePercent: fc.integer({ min: 0, max: 100 }),
          cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        }),
        fc.record({
          bufferUnits: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          bufferPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
          fixedQuantity: fc.constant(null),
          doNotSync: fc.constant(false),
        }),
        (components, rule, override) => {
          const pool = poolUnits(components);
          const ats = applyRule(pool, rule, override);
          const cap = override.cap ?? rule.cap;
          expect(Number.isInteger(ats)).toBe(true);
          expect(ats).toBeGreaterThanOrEqual(0);
          expect(ats).toBeLessThanOrEqual(pool);
          for (const c of components) expect(ats * c.quantity).toBeLessThanOrEqual(Math.max(c.available, 0));
          if (cap != null) expect(ats).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
