/**
 * Integer minor units → display string with the currency's ISO 4217 minor digits, by string
 * arithmetic (no floats). The digits table lives with the order money parser so both agree.
 */
import { currencyDecimals } from '../../kernel/currencies.ts';

export function formatMinor(amountMinor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const negative = amountMinor < 0;
  const digits = String(Math.abs(Math.trunc(amountMinor))).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

export function formatMoney(amountMinor: number, currency: string): string {
  return `${formatMinor(amountMinor, currency)} ${currency}`;
}

/** Grams → kilograms with 3 decimals ("0.250"), string arithmetic. */
export function formatKg(grams: number): string {
  const digits = String(Math.abs(Math.trunc(grams))).padStart(4, '0');
  return `${grams < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
}
