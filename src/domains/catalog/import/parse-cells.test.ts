import { describe, expect, it } from 'vitest';
import { parseBoolean, parseMoney, parseQuantity, parseStatus } from './parse-cells.ts';

describe('cell parsers', () => {
  it.each([
    ['12.50', 1250],
    ['¥12.5', 1250],
    ['1,299.00', 129900],
    ['0.1', 10],
    ['7', 700],
    ['12.500', 1250],
  ])('money %s → %i', (text, minor) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: minor });
  });
  it.each(['abc', '-3', '1.234', '12..5'])('money rejects %s', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });
  it('scales kilograms to grams without float error', () => {
    expect(parseQuantity('0.29', 1000)).toEqual({ ok: true, value: 290 });
    expect(parseQuantity('1.2', 1000)).toEqual({ ok: true, value: 1200 });
    expect(parseQuantity('350')).toEqual({ ok: true, value: 350 });
    expect(parseQuantity('3.5').ok).toBe(false);
  });
  it('reads Chinese yes/no and statuses', () => {
    expect(parseBoolean('是')).toEqual({ ok: true, value: true });
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
    expect(parseStatus('在售')).toEqual({ ok: true, value: 'active' });
    expect(parseStatus('gone').ok).toBe(false);
  });
});
