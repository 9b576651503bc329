import { describe, expect, it } from 'vitest';
import {
  countryCodes,
  countryName,
  isCountryCode,
  marketCountries,
  normalizeCountryCode,
} from './countries.ts';

describe('countries', () => {
  it('holds all 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
    expect(countryCodes.size).toBe(249);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['CN', 'US', 'DE', 'GB', 'BR', 'AE', 'SS', 'BQ', 'AX'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['UK', 'EU', 'XK', 'cn', 'USA', '', 'ZZ'])('rejects %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });

  it('normalises lenient input', () => {
    expect(normalizeCountryCode(' de ')).toBe('DE');
    expect(normalizeCountryCode('uk')).toBe('GB');
    expect(normalizeCountryCode('Germany')).toBeNull();
  });

  it('names key markets in English and Chinese', () => {
    for (const code of ['CN', 'US', 'DE', 'ES', 'FR', 'IT', 'NL', 'PL', 'SE', 'GB', 'JP', 'KR', 'AU', 'CA']) {
      expect(code in marketCountries).toBe(true);
    }
    for (const code of ['MX', 'BR', 'CL', 'SA', 'AE', 'TH', 'VN', 'MY', 'ID', 'PH', 'SG']) {
      expect(code in marketCountries).toBe(true);
    }
    expect(Object.keys(marketCountries).length).toBeGreaterThanOrEqual(40);
    for (const code of Object.keys(marketCountries)) expect(isCountryCode(code)).toBe(true);
    expect(countryName('DE', 'zh')).toBe('德国');
    expect(countryName('MX', 'en')).toBe('Mexico');
  });

  it('falls back to ICU names for other countries', () => {
    expect(countryName('FJ', 'en')).toBe('Fiji');
  });
});
