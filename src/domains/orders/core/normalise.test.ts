import { describe, expect, it } from 'vitest';
import { missingAddressFields } from './address.ts';
import { toE164 } from './phone.ts';

describe('toE164', () => {
  it.each([
    ['+1 415-555-0100', 'US', '+14155550100'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['1-415-555-0100', 'US', '+14155550100'],
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['5511987654321', 'BR', '+5511987654321'],
    ['07911 123456', 'GB', '+447911123456'],
    ['0044 7911 123456', 'DE', '+447911123456'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['090-1234-5678', 'JP', '+819012345678'],
    ['9123 4567', 'SG', '+6591234567'],
    ['138 0013 8000', 'CN', '+8613800138000'],
  ])('%s in %s → %s', (raw, country, e164) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it.each([
    ['', 'US'],
    ['call me', 'US'],
    ['555-0100', 'US'],
    ['12345678', 'ZZ'],
    ['+12', 'US'],
  ])('keeps %j (%s) raw', (raw, country) => {
    expect(toE164(raw, country)).toBeNull();
  });
});

describe('missingAddressFields', () => {
  const full = {
    ship_name: 'Ana',
    ship_line1: 'Rua A 1',
    ship_city: 'São Paulo',
    ship_postcode: '01001-000',
    ship_country: 'BR',
  };
  it('accepts a full address and Hong Kong without postcode', () => {
    expect(missingAddressFields(full)).toEqual([]);
    expect(missingAddressFields({ ...full, ship_country: 'HK', ship_postcode: null })).toEqual([]);
  });
  it('names what is missing', () => {
    expect(missingAddressFields({ ...full, ship_line1: null, ship_postcode: null })).toEqual([
      'ship_line1',
      'ship_postcode',
    ]);
  });
});
