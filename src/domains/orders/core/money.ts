/**
 * Amounts in marketplace files → integer minor units of an ISO 4217 currency, by string
 * arithmetic (never floats). Handles "1,234.56" and the pt-BR/es "1.234,56", currency symbols
 * ("R$ 1.234,56", "US $12.00") and accounting negatives "(12.00)".
 */

import { currencyDecimals, isCurrency } from '../../../kernel/currencies.ts';

export { currencyDecimals, isCurrency };

const plainAmount = /^(-)?(\d+)(?:\.(\d+))?$/;

export type AmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: 'notAmount' | 'tooManyDecimals' | 'tooLarge' };

/**
 * Parse `text` as an amount in `currency`. `decimalComma` says the file writes "12,50" (pt-BR,
 * es, de): then "1.234" is one thousand two hundred thirty-four. Without it a lone comma followed
 * by one or two digits is still read as a decimal comma ("12,5"), and "1,234" as thousands.
 */
export function parseAmount(text: string, currency: string, decimalComma = false): AmountResult {
  // Fast path for what machine-made reports write ("12.99", "-3.20", "1500"): one regex, no copies.
  const plain = plainAmount.exec(text);
  if (plain && !(decimalComma && plain[3]?.length === 3)) {
    const decimals = currencyDecimals(currency);
    const frac = (plain[3] ?? '').replace(/0+$/, '');
    if (frac.length <= decimals && plain[2]!.length <= 13) {
      const minor = Number(plain[2]! + frac.padEnd(decimals, '0'));
      return { ok: true, minor: plain[1] && minor !== 0 ? -minor : minor };
    }
  }
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^(?:[A-Z]{1,3})?[$€£¥₩₱฿₫₹₽₺]|^[A-Z]{3}|[A-Z]{3}$|[$€£¥₩₱฿₫₹₽₺]$/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,']+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'notAmount' };
  s = s.replace(/'/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) {
    const after = s.length - lastComma - 1;
    decimalSep = decimalComma || (after !== 3 && s.indexOf(',') === lastComma) ? ',' : null;
  } else if (lastDot >= 0) {
    const after = s.length - lastDot - 1;
    decimalSep = decimalComma && after === 3 ? null : s.indexOf('.') === lastDot ? '.' : null;
  }
  let whole = s;
  let frac = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    whole = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^\d*$/.test(frac)) return { ok: false, reason: 'notAmount' };
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(whole)) return { ok: false, reason: 'notAmount' };
  const decimals = currencyDecimals(currency);
  frac = frac.replace(/0+$/, '');
  if (frac.length > decimals) return { ok: false, reason: 'tooManyDecimals' };
  const digits = (whole || '0') + frac.padEnd(decimals, '0');
  if (digits.replace(/^0+/, '').length > 15) return { ok: false, reason: 'tooLarge' };
  const minor = Number(digits);
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}
