import { describe, expect, it } from 'vitest';
import { isCurrency, parseAmount } from './money.ts';

describe('parseAmount', () => {
  it.each([
    ['12.50', 'USD', false, 1250],
    ['1,234.56', 'USD', false, 123456],
    ['1.234,56', 'BRL', true, 123456],
    ['1.234,56', 'BRL', false, 123456],
    ['R$ 1.234,56', 'BRL', true, 123456],
    ['1.234', 'BRL', true, 123400],
    ['12,5', 'EUR', false, 1250],
    ['1,234', 'USD', false, 123400],
    ['1500', 'JPY', false, 1500],
    ['¥1,500', 'JPY', false, 1500],
    ['US $12.00', 'USD', false, 1200],
    ['-3.20', 'USD', false, -320],
    ['(3.20)', 'USD', false, -320],
    ['0', 'USD', false, 0],
    ['1.250', 'KWD', false, 1250],
    ['19.990,00', 'CLP', true, 19990],
  ])('%s %s (decimal comma %s) → %d', (text, currency, comma, minor) => {
    expect(parseAmount(text, currency, comma)).toEqual({ ok: true, minor });
  });

  it.each([
    ['abc', 'USD', 'notAmount'],
    ['12.345', 'USD', 'tooManyDecimals'],
    ['1500.5', 'JPY', 'tooManyDecimals'],
    ['', 'USD', 'notAmount'],
    ['9999999999999999', 'USD', 'tooLarge'],
  ])('%s %s fails: %s', (text, currency, reason) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, reason });
  });

  it('knows ISO currencies and rejects made-up ones', () => {
    expect(isCurrency('BRL')).toBe(true);
    expect(isCurrency('RMB')).toBe(false);
  });
});
