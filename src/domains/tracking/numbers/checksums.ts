/**
 * Check-digit algorithms of tracking-number formats. Each returns the expected check digit for a
 * payload, so callers can say "should be 5, not 7". Facts from UPU S10 and jkeen/tracking_number_data.
 */

/** UPU S10: weights 8,6,4,2,3,5,9,7 over the 8 serial digits; C = 11 − (S mod 11), 10→0, 11→5. */
export function s10CheckDigit(serial8: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial8[i]) * weights[i]!;
  const c = 11 - (sum % 11);
  return String(c === 10 ? 0 : c === 11 ? 5 : c);
}

/** A digit, or a letter as (ASCII − 3) mod 10 (UPS convention: A=2, B=3, …). */
function charValue(c: string): number {
  if (c >= '0' && c <= '9') return Number(c);
  return (c.charCodeAt(0) - 3) % 10;
}

/**
 * Mod 10 with multipliers by position counted from the LEFT (0-based): even positions × `evens`,
 * odd positions × `odds`; check = (10 − sum mod 10) mod 10.
 */
export function mod10CheckDigit(payload: string, evens: number, odds: number): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += charValue(payload[i]!) * (i % 2 === 0 ? evens : odds);
  return String((10 - (sum % 10)) % 10);
}

/** Mod 10 with weights 3,1 starting from the RIGHTMOST payload digit (USPS IMpb, GS1). */
export function mod10FromRight(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const fromRight = payload.length - 1 - i;
    sum += Number(payload[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

/** Σ digit × weight (weights repeat), then mod `m1` mod `m2` (FedEx Express 12 and 34 digits). */
export function weightedModCheckDigit(payload: string, weights: number[], m1: number, m2: number): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += Number(payload[i]) * weights[i % weights.length]!;
  return String((sum % m1) % m2);
}

/** DHL Express 10 digits: the first nine as a number, mod 7. */
export function mod7CheckDigit(payload: string): string {
  return String(Number(BigInt(payload) % 7n));
}
