/**
 * Transit statistics, pure. Percentiles use linear interpolation between closest ranks
 * (Hyndman & Fan type 7, the method of PostgreSQL's percentile_cont, Excel's PERCENTILE.INC and
 * numpy's default): for n sorted values and fraction p, the position is h = (n − 1)·p (0-based);
 * the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). One value → that value; none → null.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile fraction must be within 0..1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const MS_PER_DAY = 86_400_000;

/** Elapsed days between shipping and delivery, fractional (36 hours → 1.5). */
export function transitDays(shippedAt: Date, deliveredAt: Date): number {
  return (deliveredAt.getTime() - shippedAt.getTime()) / MS_PER_DAY;
}

/**
 * On time means delivered within the promised number of elapsed days after shipping
 * (transit ≤ promised; exactly on the deadline counts as on time). No promise → not judged.
 */
export function isOnTime(transit: number, promisedDays: number | null): boolean | null {
  if (promisedDays === null) return null;
  return transit <= promisedDays;
}

/** Share of judged deliveries that were on time, 0..1, or null when none had a promise. */
export function onTimeRate(onTime: number, judged: number): number | null {
  return judged > 0 ? onTime / judged : null;
}

/** Days rounded to one decimal for display and JSON (percentiles stay comparable across rows). */
export const roundDays = (d: number | null): number | null => (d === null ? null : Math.round(d * 10) / 10);

export interface DeliveredParcel {
  transitDays: number;
  promisedDays: number | null;
}

/** The same figures the performance SQL computes per group, from a list of parcels. */
export function summarise(parcels: readonly DeliveredParcel[]) {
  const days = parcels.map((p) => p.transitDays);
  const judged = parcels.filter((p) => p.promisedDays !== null);
  const onTime = judged.filter((p) => isOnTime(p.transitDays, p.promisedDays)).length;
  return {
    count: parcels.length,
    p50: percentile(days, 0.5),
    p90: percentile(days, 0.9),
    judged: judged.length,
    onTime,
    onTimeRate: onTimeRate(onTime, judged.length),
  };
}
