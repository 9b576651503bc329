import { describe, expect, it } from 'vitest';
import { validateHsCode } from './hs-code.ts';

describe('validateHsCode', () => {
  it.each([
    ['9405.50', '940550', '940550', null], // non-electrical lamps
    ['3406.00', '340600', '340600', null], // candles
    ['340600', '340600', '340600', null],
    ['3406.00.00', '34060000', '340600', '00'], // EU CN
    ['3406.00.0000', '3406000000', '340600', '0000'], // US HTS / China 10-digit
    [' 5703 30 80 ', '57033080', '570330', '80'], // carpets, spaced as printed
    ['0101.21', '010121', '010121', null], // first chapter
    ['9701.10', '970110', '970110', null], // last chapter
  ])('accepts %s', (input, normalized, hs6, national) => {
    expect(validateHsCode(input)).toEqual({ ok: true, normalized, hs6, national });
  });

  it.each([
    ['', /empty/],
    ['3406', /at least 6 digits/],
    ['3406000', /must be 6, 8 or 10 digits, got 7/],
    ['34060000000', /must be 6, 8 or 10 digits, got 11/],
    ['3406-00', /only digits/],
    ['HS340600', /only digits/],
    ['000000', /chapter 00/],
    ['7701.00', /chapter 77 is reserved/],
    ['9801.00.1000', /chapter 98 is national-only/],
    ['9903.88.03', /chapter 99 is national-only/],
  ])('rejects %j', (input, reason) => {
    const result = validateHsCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
