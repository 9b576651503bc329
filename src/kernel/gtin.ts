/**
 * GS1 GTIN validation (GTIN-8, UPC-A = GTIN-12, EAN-13, GTIN-14). Pure: marketplaces reject
 * listings with a bad barcode, so we tell the seller exactly what is wrong before they upload.
 */
import { englishOf, type MessageKey, type MessageParams, type MessageRef } from './i18n/index.ts';

export type GtinKind = 'GTIN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

/** `reason` is English; `why` is the same reason as a catalog message for the reader's language. */
export type GtinResult =
  | { ok: true; normalized: string; kind: GtinKind }
  | { ok: false; reason: string; why: MessageRef };

const fail = (key: MessageKey, params?: MessageParams): GtinResult => ({
  ok: false,
  reason: englishOf(key, params),
  why: { key, ...(params ? { params } : {}) },
});

const kindByLength: Record<number, GtinKind> = { 8: 'GTIN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };

/**
 * GS1 mod-10 check digit for a body (all digits except the check digit). Weights alternate
 * 3,1,3,… starting from the rightmost body digit, so one function serves every GTIN length.
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError('GTIN body must contain only digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function validateGtin(code: string): GtinResult {
  // Spreadsheets and labels often print barcodes as "4 006381 333931" or with hyphens.
  const normalized = code.trim().replace(/[\s-]/g, '');
  if (normalized === '') return fail('gtin.empty');
  if (!/^\d+$/.test(normalized)) return fail('gtin.digitsOnly');
  const kind = kindByLength[normalized.length];
  if (!kind) return fail('gtin.length', { length: normalized.length });
  const expected = gtinCheckDigit(normalized.slice(0, -1));
  const actual = Number(normalized.slice(-1));
  if (expected !== actual) return fail('gtin.checkDigit', { expected, actual });
  return { ok: true, normalized, kind };
}
