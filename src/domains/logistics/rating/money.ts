/** Integer arithmetic for charges: every division rounds half up to the minor unit (fen/cent). */

/** round(a / b) half up, for a ≥ 0 and b > 0 (all charges are non-negative). */
export function roundDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) throw new RangeError('roundDiv');
  return Math.floor((2 * a + b) / (2 * b));
}

/** ceil(a / b) for a ≥ 0, b > 0. */
export const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/** `perKgMinor` × grams / 1000, half up. */
export const perKg = (perKgMinor: number, grams: number): number => roundDiv(perKgMinor * grams, 1000);

/** Decimal text with up to 2 decimals ("85.5", "0.30") → minor units; null when not a plain amount. */
export function parseMinor(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
