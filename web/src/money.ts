/**
 * Money typed by people ("12.50", "１２.５", "1,299") ↔ integer minor units. Never goes through
 * floating point: the string is split on the decimal point and the digits are joined.
 */

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG']);

export function minorDigits(currency: string | null | undefined): number {
  return currency && ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** Full-width digits and punctuation (common with Chinese IMEs) to ASCII. */
function normalise(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[,\uFF0C\s¥￥$]/g, '');
}

/**
 * "12.50" → 1250 (digits = 2). Returns null for empty input, NaN for input that is not a
 * non-negative amount with at most `digits` decimals.
 */
export function parseMinor(input: string | number | null | undefined, digits = 2): number | null {
  if (input === null || input === undefined) return null;
  const text = normalise(String(input));
  if (text === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && !match[2])) return Number.NaN;
  const whole = match[1] || '0';
  const frac = match[2] ?? '';
  if (frac.length > digits) return Number.NaN;
  const minor = `${whole}${frac.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number.parseInt(minor, 10);
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

/** 1250 → "12.50" (digits = 2). */
export function formatMinor(minor: number | null | undefined, digits = 2): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '';
  if (digits === 0) return String(minor);
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  const base = 10 ** digits;
  const whole = Math.floor(abs / base);
  const frac = String(abs % base).padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Parses a non-negative whole number (grams, millimetres); null if empty, NaN if invalid. */
export function parseWhole(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = normalise(String(input));
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return Number.NaN;
  const value = Number.parseInt(text, 10);
  return Number.isSafeInteger(value) ? value : Number.NaN;
}
