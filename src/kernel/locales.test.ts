import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { normalizeLocale } from './locales.ts';

describe('normalizeLocale', () => {
  it.each([
    ['en-US', 'en-US'],
    ['EN-us', 'en-US'],
    ['zh_CN', 'zh-CN'],
    ['zh-hans-cn', 'zh-Hans-CN'],
    [' pt-br ', 'pt-BR'],
    ['es-419', 'es-419'],
    ['iw', 'he'], // deprecated code canonicalised
  ])('%j → %s', (input, expected) => {
    expect(normalizeLocale(input)).toBe(expected);
  });

  it.each(['', '   ', 'en--US', 'english', 'xx-CN', '123', 'en-US-x'])(
    'rejects %j with VALIDATION_FAILED',
    (input) => {
      let caught: unknown;
      try {
        normalizeLocale(input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('VALIDATION_FAILED');
      expect((caught as AppError).message).toMatch(/zh-CN/);
    },
  );
});
