/** ISO 4217 currencies sellers meet, and their minor units (money is integer minor units everywhere). */

// ISO 4217 minor units where they differ from 2; the set below is every currency sellers meet.
const decimalsOf: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  PYG: 0,
  UGX: 0,
  XOF: 0,
  XAF: 0,
  RWF: 0,
  KMF: 0,
  VUV: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
};
const known = new Set([
  ...Object.keys(decimalsOf),
  ...['USD', 'EUR', 'GBP', 'CNY', 'HKD', 'TWD', 'SGD', 'MYR', 'THB', 'PHP', 'IDR', 'INR', 'PKR'],
  ...['BDT', 'LKR', 'AUD', 'NZD', 'CAD', 'MXN', 'BRL', 'ARS', 'COP', 'PEN', 'UYU', 'BOB', 'CRC'],
  ...['GTQ', 'DOP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'TRY', 'RUB'],
  ...['UAH', 'ILS', 'AED', 'SAR', 'QAR', 'EGP', 'MAD', 'ZAR', 'NGN', 'KES', 'GHS', 'TZS', 'ETB'],
  ...['KZT', 'UZS', 'MNT', 'MOP', 'NPR', 'MMK', 'KHR', 'LAK', 'DZD', 'RSD'],
]);

export const isCurrency = (code: string): boolean => known.has(code);

/** Digits after the decimal point for `code` (ISO 4217 minor units; 2 unless listed). */
export const currencyDecimals = (code: string): number => decimalsOf[code] ?? 2;
