import { describe, expect, it } from 'vitest';
import { cellText, dateText, numberText } from './cell-text.ts';

describe('numberText', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [6901234567892, '6901234567892'],
    [10614141000415, '10614141000415'],
    [12.5, '12.5'],
    [-3, '-3'],
    [-0, '0'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [1.1 * 3, '3.3'],
    [Number.NaN, ''],
  ])('%s → %s', (n, expected) => {
    expect(numberText(n)).toBe(expected);
  });
});

describe('cellText', () => {
  it.each([
    ['null', null, {}, ''],
    ['string', '香薰蜡烛', {}, '香薰蜡烛'],
    ['boolean', true, {}, 'TRUE'],
    ['date only', new Date(Date.UTC(2024, 2, 5)), {}, '2024-03-05'],
    ['date and time', new Date(Date.UTC(2024, 2, 5, 14, 30)), {}, '2024-03-05T14:30:00'],
    ['rich text', { richText: [{ text: '香薰', font: { bold: true } }, { text: '蜡烛' }] }, {}, '香薰蜡烛'],
    ['formula → cached result', { formula: 'B2*2', result: 13802469135784 }, {}, '13802469135784'],
    ['formula without result', { formula: 'A1' }, {}, ''],
    ['formula with date format', { formula: 'TODAY()', result: 45356 }, { isDate: true }, '2024-03-05'],
    ['1904 date system', { formula: 'X', result: 43894 }, { isDate: true, date1904: true }, '2024-03-05'],
    ['hyperlink', { text: 'example', hyperlink: 'https://example.com' }, {}, 'example'],
    ['error', { error: '#N/A' }, {}, '#N/A'],
  ] as const)('%s', (_n, value, ctx, expected) => {
    expect(cellText(value, ctx)).toBe(expected);
  });
});

describe('dateText', () => {
  it('keeps milliseconds only when present and rejects invalid dates', () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 250)))).toBe('2024-01-01T00:00:00.250');
    expect(dateText(new Date(Number.NaN))).toBe('');
  });
});
