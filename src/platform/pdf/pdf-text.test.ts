import { describe, expect, it } from 'vitest';
import { code128Modules } from './barcode.ts';
import { paragraphIsRtl, REPLACEMENT, visualRuns } from './bidi.ts';
import { fontFamilyFor, unsupportedCharacters } from './fonts.ts';
import { formatKg, formatMinor, formatMoney } from './money.ts';

describe('script runs', () => {
  it('keeps Latin, Cyrillic and Chinese in the Noto Sans SC font as one run', () => {
    expect(visualRuns('Иван 张伟 Smith')).toEqual([{ text: 'Иван 张伟 Smith', family: 'sc', rtl: false }]);
    expect(fontFamilyFor('Ж'.codePointAt(0)!)).toBe('sc');
  });

  it('puts Arabic in the Arabic font, in logical order for the shaper, numbers left to right', () => {
    const runs = visualRuns('شارع الملك فهد 123');
    expect(runs.map((r) => r.text)).toEqual(['123', ' ', 'شارع الملك فهد']);
    expect(runs[2]).toMatchObject({ family: 'arabic', rtl: true });
    expect(paragraphIsRtl('شارع 123')).toBe(true);
    expect(paragraphIsRtl('Tel: شارع')).toBe(false);
  });

  it('orders an Arabic name inside a Latin line visually', () => {
    const runs = visualRuns('To: محمد علي (SA)');
    expect(runs.map((r) => r.family)).toEqual(['sc', 'arabic', 'sc']);
    expect(runs[1]!.text.trim()).toBe('محمد علي');
  });

  it('keeps surrogate pairs whole in right-to-left lines and mirrors brackets', () => {
    const runs = visualRuns('محمد 😀 (علي)');
    const text = runs.map((r) => r.text).join('');
    expect(text).toContain(REPLACEMENT);
    expect(text).not.toMatch(/[\ud800-\udfff]/);
    // Left to right on paper: "(علي) □ محمد" — brackets mirrored, emoji replaced, name rightmost.
    expect(runs.map((r) => r.text)).toEqual(['(', 'علي', ') ', REPLACEMENT, ' ', 'محمد']);
  });

  it('replaces characters no bundled font has with a visible box and reports them', () => {
    expect(unsupportedCharacters('Bangkok กรุงเทพ Иван')).toEqual(['ก', 'ร', 'ุ', 'ง', 'เ', 'ท', 'พ']);
    expect(visualRuns('กข')[0]!.text).toBe(REPLACEMENT + REPLACEMENT);
    expect(unsupportedCharacters('张伟 Иван محمد')).toEqual([]);
  });
});

describe('money and weights', () => {
  it('formats minor units with the currency digits, no floats', () => {
    expect(formatMinor(123456, 'USD')).toBe('1,234.56');
    expect(formatMinor(5, 'EUR')).toBe('0.05');
    expect(formatMinor(-1999, 'CNY')).toBe('-19.99');
    expect(formatMinor(1500, 'JPY')).toBe('1,500');
    expect(formatMinor(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(12345, 'SAR')).toBe('123.45 SAR');
    expect(formatKg(480)).toBe('0.480');
    expect(formatKg(12005)).toBe('12.005');
  });
});

describe('Code 128', () => {
  it('encodes start, data, check and stop patterns (11 modules per symbol, 13 for stop)', () => {
    const modules = code128Modules('RR123456785CN');
    const total = modules.reduce((a, b) => a + b, 0);
    expect((total - 13) % 11).toBe(0);
    expect(modules.length % 2).toBe(1); // starts and ends with a bar
  });
});
