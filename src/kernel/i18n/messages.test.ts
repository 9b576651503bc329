import { describe, expect, it } from 'vitest';
import { AppError, appError, issue, localizeError } from '../errors.ts';
import { validateGtin } from '../gtin.ts';
import { formatMessage, keyOfEnglish, type MessageKey, messages } from './index.ts';
import { messageParts } from './messages/index.ts';
import { acceptedLocale, pickLocale } from './pick-locale.ts';
import { supportedLocales } from './types.ts';

const keys = Object.keys(messages) as MessageKey[];
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const hasHan = (t: string) => /\p{Script=Han}/u.test(t);

describe('message catalog', () => {
  it('has no key defined in two domain files (a later spread would silently win)', () => {
    expect(messageParts.reduce((n: number, p) => n + Object.keys(p).length, 0)).toBe(keys.length);
  });

  it.each(keys)('%s has a non-empty text in every language with the same placeholders', (key) => {
    const t = messages[key];
    for (const locale of supportedLocales) expect(t[locale].trim()).not.toBe('');
    expect(placeholders(t['zh-CN'])).toEqual(placeholders(t.en));
  });

  it.each(keys)('%s is really translated', (key) => {
    const t = messages[key];
    // Chinese texts are Chinese (a few are codes/values only); English texts have no Han characters.
    expect(hasHan(t.en) && !/[是否草稿在售下架]/.test(t.en)).toBe(false);
    if (hasHan(t.en) === false && /[a-z]{4,}/i.test(t.en.replace(/\{\w+\}/g, '')))
      expect(t['zh-CN']).not.toBe(t.en);
  });

  it.each(keys)('%s substitutes every placeholder in both languages', (key) => {
    const params = Object.fromEntries(placeholders(messages[key].en).map((p) => [p, `«${p}»`]));
    for (const locale of supportedLocales) {
      const text = formatMessage(locale, key, params);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const p of Object.keys(params)) expect(text).toContain(`«${p}»`);
    }
  });

  it('renders nested messages and lists in the same language', () => {
    const gtin = validateGtin('6901234567893');
    if (gtin.ok) throw new Error('expected a bad check digit');
    const i = issue('条码', 'variant.gtinInvalid', { value: '6901234567893', reason: gtin.why }, 5);
    expect(i.message).toBe('GTIN "6901234567893": check digit should be 2, not 3');
    expect(
      formatMessage('zh-CN', 'common.rowIssue', {
        row: 5,
        field: i.field,
        message: { key: i.key!, params: i.params! },
      }),
    ).toBe('第 5 行「条码」：条码校验位应为 2，不是 3（填写的是 6901234567893）');
    expect(formatMessage('zh-CN', 'token.unknownScopes', { list: { list: ['a', 'b'], sep: 'comma' } })).toBe(
      '未知权限：a、b',
    );
    expect(formatMessage('en', 'token.unknownScopes', { list: { list: ['a', 'b'], sep: 'comma' } })).toBe(
      'unknown: a, b',
    );
  });

  it('keeps AppError.message English and localises on demand', () => {
    const e = appError(
      'ACCOUNT_LOCKED',
      'auth.locked',
      { minutes: 15 },
      {
        issues: [issue('password', 'password.tooShortIssue')],
      },
    );
    expect(e).toBeInstanceOf(AppError);
    expect(e.message).toContain('try again in 15 minutes');
    const zh = localizeError('zh-CN', e);
    expect(zh.message).toBe('密码错误次数太多，账号已被锁定。请 15 分钟后再试，或请店主为你重置密码。');
    expect(zh.issues).toEqual([{ field: 'password', message: '至少 8 个字符' }]);
    // Plain AppErrors (no key) keep their English text in every language.
    expect(localizeError('zh-CN', new AppError('INTERNAL', 'boom')).message).toBe('boom');
  });

  it('finds schema messages by their English text', () => {
    expect(keyOfEnglish('SKU is required')).toBe('schema.skuRequired');
    expect(keyOfEnglish('no such text')).toBeUndefined();
  });
});

describe('pickLocale', () => {
  it.each([
    [[undefined, undefined], 'en'],
    [['zh-CN'], 'zh-CN'],
    [['en'], 'en'],
    [[null, 'zh-CN,zh;q=0.9,en;q=0.8'], 'zh-CN'],
    [[null, 'en-US,en;q=0.9,zh-CN;q=0.8'], 'en'],
    [[null, 'fr-FR,zh-TW;q=0.5'], 'zh-CN'],
    [[null, 'en;q=0.1, zh-Hans;q=0.9'], 'zh-CN'],
    [[null, 'fr, de'], 'en'],
    [['en', 'zh-CN'], 'en'],
    [['pt-BR', 'zh'], 'zh-CN'],
    [[null, 'zh;q=0, en'], 'en'],
  ] as const)('%j → %s', (sources, expected) => {
    expect(pickLocale(...sources)).toBe(expected);
  });
  it('reads a POSIX LANG value', () => {
    expect(acceptedLocale('zh_CN')).toBe('zh-CN');
    expect(acceptedLocale('*')).toBeUndefined();
  });
});
