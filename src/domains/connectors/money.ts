import { currencyDecimals, isCurrency, parseAmount } from '../orders/core/money.ts';

/**
 * A channel API amount (Shopee: JSON number 12.5; Amazon: string "12.50") → integer minor units
 * of `currency`, rounded to the currency's decimals through the orders domain's string parser.
 */
export function toMinor(value: number | string | null | undefined, currency: string): number {
  if (value === null || value === undefined || value === '') return 0;
  const text = typeof value === 'number' ? value.toFixed(currencyDecimals(currency)) : value.trim();
  const r = parseAmount(text, currency);
  if (!r.ok) throw new Error(`not an amount in ${currency}: ${String(value)}`);
  return r.minor;
}

export const knownCurrency = (c: string | null | undefined): c is string =>
  !!c && isCurrency(c.toUpperCase());
