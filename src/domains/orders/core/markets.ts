/**
 * What a channel account's marketplace implies for reading its files: the country (time zone,
 * date order, phone calling code), the currency when the file has no currency column, and
 * whether amounts are written "1.234,56".
 */

// Amazon marketplace ids (Seller Central / SP-API) → country.
const amazonMarketplaces: Record<string, string> = {
  ATVPDKIKX0DER: 'US',
  A2EUQ1WTGCTBG2: 'CA',
  A1AM78C64UM0Y8: 'MX',
  A2Q3Y263D00KWC: 'BR',
  A1F83G8C2ARO7P: 'GB',
  A1PA6795UKMFR9: 'DE',
  A13V1IB3VIYZZH: 'FR',
  APJ6JRA9NG5V4: 'IT',
  A1RKKUPIHCS9HS: 'ES',
  A1805IZSGTT6HS: 'NL',
  A1C3SOZRARQ6R3: 'PL',
  A2NODRKZP88ZB9: 'SE',
  A1VC38T7YXB528: 'JP',
  A39IBJ37TRP1C6: 'AU',
  A19VAU5U5O7RUS: 'SG',
  A17E79C6D8DWNP: 'SA',
  A2VIGQ35RCS4UG: 'AE',
  A21TJRUUN4KGV: 'IN',
  A33AVAJ2PDY3EV: 'TR',
};

const currencies: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  CL: 'CLP',
  CO: 'COP',
  AR: 'ARS',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  PL: 'PLN',
  SE: 'SEK',
  JP: 'JPY',
  AU: 'AUD',
  SG: 'SGD',
  MY: 'MYR',
  TH: 'THB',
  VN: 'VND',
  PH: 'PHP',
  ID: 'IDR',
  TW: 'TWD',
  SA: 'SAR',
  AE: 'AED',
  IN: 'INR',
  TR: 'TRY',
  CN: 'CNY',
  HK: 'HKD',
  KR: 'KRW',
};

const decimalCommaCountries = new Set([
  'BR',
  'AR',
  'CL',
  'CO',
  'ES',
  'DE',
  'FR',
  'IT',
  'NL',
  'PL',
  'SE',
  'VN',
  'ID',
  'TR',
]);

/** "ATVPDKIKX0DER", "US", "br" → ISO country; null when the marketplace is not set or unknown. */
export function marketplaceCountry(marketplace: string | null | undefined): string | null {
  if (!marketplace) return null;
  const m = marketplace.trim();
  const id = amazonMarketplaces[m.toUpperCase()];
  if (id) return id;
  const cc = m.toUpperCase() === 'UK' ? 'GB' : m.toUpperCase();
  return /^[A-Z]{2}$/.test(cc) ? cc : null;
}

export const currencyOfCountry = (country: string | null): string | null =>
  country ? (currencies[country] ?? null) : null;
export const writesDecimalComma = (country: string | null): boolean =>
  !!country && decimalCommaCountries.has(country);
