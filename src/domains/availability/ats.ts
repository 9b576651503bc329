/**
 * Available-to-sell, the pure arithmetic (no database): what one channel listing may show, given
 * how many units of each component the feeding warehouses can spare. Kept apart so the rules are
 * unit- and property-tested exactly as they run.
 */

export interface StockRule {
  bufferUnits: number;
  /** Held back as a percent of the pool; the shown quantity rounds down (never oversell). */
  bufferPercent: number;
  /** Percent of what is left after the buffer this account may show (100 = all). */
  sharePercent: number;
  cap: number | null;
}

export interface SkuOverride {
  bufferUnits: number | null;
  bufferPercent: number | null;
  cap: number | null;
  /** Show exactly this, whatever the stock (made to order); buffer, share and cap do not apply. */
  fixedQuantity: number | null;
  doNotSync: boolean;
}

export interface ComponentStock {
  /** Units of this variant in ONE channel unit (a 3-pack: 3). */
  quantity: number;
  /** on_hand − reserved summed over the feeding warehouses (may be negative after a correction). */
  available: number;
}

export const defaultRule: StockRule = { bufferUnits: 0, bufferPercent: 0, sharePercent: 100, cap: null };

/** Whole channel units the pool can make: a bundle is as available as its scarcest component. */
export function poolUnits(components: ComponentStock[]): number {
  if (!components.length) return 0;
  let units = Number.POSITIVE_INFINITY;
  for (const c of components) {
    if (c.quantity <= 0) return 0;
    units = Math.min(units, Math.floor(Math.max(c.available, 0) / c.quantity));
  }
  return units;
}

/**
 * pool → minus buffer (percent first, rounded so the result rounds down, then units) → share
 * (rounded down) → cap → never below zero. A fixed override replaces the whole calculation.
 */
export function applyRule(pool: number, rule: StockRule, override?: SkuOverride | null): number {
  if (override?.fixedQuantity != null) return Math.max(0, override.fixedQuantity);
  const bufferUnits = override?.bufferUnits ?? rule.bufferUnits;
  const bufferPercent = override?.bufferPercent ?? rule.bufferPercent;
  const cap = override?.cap ?? rule.cap;
  const base = Math.max(0, pool);
  const afterPercent = Math.floor((base * (100 - bufferPercent)) / 100);
  const afterBuffer = Math.max(0, afterPercent - bufferUnits);
  const shared = Math.floor((afterBuffer * rule.sharePercent) / 100);
  const capped = cap == null ? shared : Math.min(shared, cap);
  return Math.max(0, capped);
}
