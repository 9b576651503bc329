import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, validateGtin } from './gtin.ts';

describe('validateGtin', () => {
  it.each([
    ['4006381333931', 'EAN-13', '4006381333931'], // Stabilo pen, GS1 example
    ['036000291452', 'UPC-A', '036000291452'], // Wikipedia UPC-A example
    ['96385074', 'GTIN-8', '96385074'],
    ['6901234567892', 'EAN-13', '6901234567892'], // China prefix 690
    ['9780306406157', 'EAN-13', '9780306406157'], // ISBN-13 barcode
    ['10614141000415', 'GTIN-14', '10614141000415'], // GS1 US case-pack example
    ['4 006381 333931', 'EAN-13', '4006381333931'],
    ['0-36000-29145-2', 'UPC-A', '036000291452'],
  ] as const)('accepts %s as %s', (input, kind, normalized) => {
    expect(validateGtin(input)).toEqual({ ok: true, kind, normalized });
  });

  it.each([
    ['4006381333932', 'check digit should be 1, not 2'],
    ['036000291453', 'check digit should be 2, not 3'],
    ['6901234567893', 'check digit should be 2, not 3'],
    ['1234567', 'must be 8, 12, 13 or 14 digits, got 7'],
    ['12345678901', 'must be 8, 12, 13 or 14 digits, got 11'],
    ['400638133393A', 'barcode must contain only digits (spaces and hyphens are ignored)'],
    ['  ', 'barcode is empty'],
  ])('rejects %s', (input, reason) => {
    expect(validateGtin(input)).toMatchObject({ ok: false, reason });
  });
});

describe('gtinCheckDigit', () => {
  it('computes the GS1 check digit', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('rejects non-digit bodies', () => {
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
  });

  const bodyArb = fc
    .constantFrom(7, 11, 12, 13)
    .chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }))
    .map((ds) => ds.join(''));

  it('any body plus its computed check digit validates', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        expect(validateGtin(body + gtinCheckDigit(body)).ok).toBe(true);
      }),
    );
  });

  it('changing any single digit makes the code invalid', () => {
    fc.assert(
      fc.property(bodyArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, posSeed, delta) => {
        const code = body + gtinCheckDigit(body);
        const pos = posSeed % code.length;
        const changed = (Number(code[pos]) + delta) % 10;
        const mutated = code.slice(0, pos) + changed + code.slice(pos + 1);
        expect(validateGtin(mutated).ok).toBe(false);
      }),
    );
  });
});
