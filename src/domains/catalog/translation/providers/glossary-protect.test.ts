import { describe, expect, it } from 'vitest';
import { protectTerms, restoreTerms } from './glossary-protect.ts';
import type { GlossaryEntry } from './provider.ts';

const brand: GlossaryEntry = { term: 'Lumière Candle Co.', doNotTranslate: true };
const scented: GlossaryEntry = { term: '香薰', translation: 'scented', doNotTranslate: false };

describe('protectTerms (text)', () => {
  it.each([
    ['no glossary leaves text alone', '香薰蜡烛', [], '香薰蜡烛', []],
    [
      'do-not-translate term becomes a token',
      'Lumière Candle Co. 香薰',
      [brand],
      '[[0]] 香薰',
      ['Lumière Candle Co.'],
    ],
    ['forced term carries its translation', '薰衣草香薰蜡烛', [scented], '薰衣草[[0]]蜡烛', ['scented']],
    ['every occurrence gets its own slot', '香薰和香薰', [scented], '[[0]]和[[1]]', ['scented', 'scented']],
    [
      'longest term wins over a shorter one inside it',
      '香薰蜡烛',
      [scented, { term: '香薰蜡烛', translation: 'scented candle', doNotTranslate: false }],
      '[[0]]',
      ['scented candle'],
    ],
    [
      'forced entry without translation is ignored',
      '香薰',
      [{ term: '香薰', doNotTranslate: false }],
      '香薰',
      [],
    ],
    [
      'regex characters in terms are literal',
      'a+b (c)',
      [{ term: '(c)', doNotTranslate: true }],
      'a+b [[0]]',
      ['(c)'],
    ],
  ] as const)('%s', (_name, input, glossary, text, slots) => {
    expect(protectTerms(input, [...glossary], 'text')).toEqual({ text, slots });
  });
});

describe('protectTerms (html)', () => {
  it('wraps terms in translate="no" spans only inside text nodes, never in attributes', () => {
    const out = protectTerms(
      '<img alt="香薰"><p title="Lumière Candle Co.">香薰</p>',
      [brand, scented],
      'html',
    );
    expect(out.text).toBe(
      '<img alt="香薰"><p title="Lumière Candle Co."><span translate="no" class="notranslate" data-ck="0">scented</span></p>',
    );
  });

  it('matches a term written with HTML entities and escapes the value it carries', () => {
    const out = protectTerms(
      '<p>Salt &amp; Pepper 蜡烛</p>',
      [{ term: 'Salt & Pepper', doNotTranslate: true }],
      'html',
    );
    expect(out.text).toBe(
      '<p><span translate="no" class="notranslate" data-ck="0">Salt &amp; Pepper</span> 蜡烛</p>',
    );
    expect(restoreTerms(out.text, out.slots, 'html').text).toBe('<p>Salt &amp; Pepper 蜡烛</p>');
  });
});

describe('restoreTerms', () => {
  it.each([
    ['exact token', '[[0]] lavender', 'Lumière Candle Co. lavender'],
    ['token with spaces MT inserted', '[ [ 0 ] ] lavender', 'Lumière Candle Co. lavender'],
    ['unknown index is left for the reader', '[[7]] lavender', '[[7]] lavender'],
  ])('text: %s', (_name, translated, expected) => {
    expect(restoreTerms(translated, ['Lumière Candle Co.'], 'text').text).toBe(expected);
  });

  it('html: replaces the whole span, even when the provider reordered attributes', () => {
    const translated = '<p><span class="notranslate" data-ck="0" translate="no">x</span> Duftkerze</p>';
    expect(restoreTerms(translated, ['Lumière'], 'html')).toEqual({
      text: '<p>Lumière Duftkerze</p>',
      missing: [],
    });
  });

  it('reports placeholders the provider dropped', () => {
    expect(restoreTerms('lavender [[1]]', ['a', 'b', 'c'], 'text')).toEqual({
      text: 'lavender b',
      missing: [0, 2],
    });
  });

  it('round-trips: protect then restore of untranslated text gives the original back', () => {
    for (const format of ['text', 'html'] as const) {
      const input = format === 'html' ? '<p>Lumière Candle Co. 香薰蜡烛</p>' : 'Lumière Candle Co. 香薰蜡烛';
      const p = protectTerms(input, [brand, { term: '香薰', doNotTranslate: true }], format);
      expect(p.slots).toHaveLength(2);
      expect(restoreTerms(p.text, p.slots, format).text).toBe(input);
    }
  });
});
