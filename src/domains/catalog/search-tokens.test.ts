import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens } from './search-tokens.ts';

const matches = (doc: string, q: string) => {
  const idx = new Set(indexTokens(doc));
  const qt = queryTokens(q);
  return qt.length > 0 && qt.every((t) => idx.has(t));
};

describe('search tokens', () => {
  it.each([
    ['大豆香薰蜡烛礼盒 Lavender Soy Candle', '香薰蜡烛', true],
    ['大豆香薰蜡烛礼盒', '蜡烛', true],
    ['大豆香薰蜡烛礼盒', '烛', true],
    ['大豆香薰蜡烛礼盒', '香烛', false],
    ['Lavender Soy Candle', 'lav', true],
    ['Lavender Soy Candle', 'LAVENDER candle', true],
    ['Lavender Soy Candle', 'vanilla', false],
    ['SKU CDL-LAV-200', 'cdl-lav', true],
    ['Ｃａｎｄｌｅ（全角）', 'candle', true],
  ])('%s ~ %s → %s', (doc, q, expected) => {
    expect(matches(doc, q)).toBe(expected);
  });

  it('returns no tokens for punctuation-only queries', () => {
    expect(queryTokens(' -- ')).toEqual([]);
  });
});
