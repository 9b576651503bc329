import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';

/**
 * Shipment numbers are the public tracking reference printed as Code 128 on every label:
 * `CK` + UTC date `yymmdd` + a 5-digit per-shop daily sequence + one Luhn (mod 10) check digit
 * over the 11 digits, e.g. CK 261126 00001 8. The check digit catches every single mistyped digit
 * and most swaps of two neighbours, so a scan or a hand-typed number with a typo is refused
 * instead of matching another shipment. Case and spaces are ignored when reading one back.
 */
export const SHIPMENT_NUMBER = /^CK(\d{6})(\d{5})(\d)$/;

export function luhnDigit(digits: string): number {
  let sum = 0;
  // Doubling starts from the rightmost digit of the payload (the check digit goes after it).
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatShipmentNumber(day: string, seq: number): string {
  const payload = `${day}${String(seq).padStart(5, '0')}`;
  return `CK${payload}${luhnDigit(payload)}`;
}

export const normaliseScan = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** 'valid' | 'format' (not a Cunkou number at all) | 'check' (right shape, wrong check digit). */
export function checkShipmentNumber(raw: string): 'valid' | 'format' | 'check' {
  const m = SHIPMENT_NUMBER.exec(normaliseScan(raw));
  if (!m) return 'format';
  return luhnDigit(`${m[1]}${m[2]}`) === Number(m[3]) ? 'valid' : 'check';
}

export const utcDay = (d: Date) => d.toISOString().slice(2, 10).replaceAll('-', '');

/** The next number of the shop for today; the counter row lock serialises concurrent requests. */
export async function nextShipmentNumber(trx: Tx, shopId: string, now = new Date()): Promise<string> {
  const day = utcDay(now);
  const r = await sql<{ last_number: number }>`INSERT INTO shipment_counters AS c (shop_id, day, last_number)
    VALUES (${shopId}, ${day}, 1)
    ON CONFLICT (shop_id, day) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number`.execute(trx);
  return formatShipmentNumber(day, r.rows[0]!.last_number);
}
