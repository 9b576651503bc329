import { englishOf, type MessageKey, type MessageParams } from '../../../kernel/i18n/index.ts';

/**
 * Cell parsers for seller spreadsheets. Each returns a value or an error message in plain words
 * (English `message`, and the catalog `key` + `params` to show it in the seller's language).
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; key: MessageKey; params?: MessageParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (key: MessageKey, params?: MessageParams): Parsed<never> => ({
  ok: false,
  message: englishOf(key, params),
  key,
  ...(params ? { params } : {}),
});

/** "12.50", "¥12.5", "1,299.00" → minor units (integer), by string arithmetic — never floats. */
export function parseMoney(text: string, decimals = 2): Parsed<number> {
  const cleaned = text.replace(/[¥￥$€£,\s]|CNY|RMB|USD|EUR|元/gi, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return fail('cell.notAmount', { text });
  const frac = m[2] ?? '';
  if (frac.length > decimals && /[1-9]/.test(frac.slice(decimals)))
    return fail('cell.tooManyMoneyDecimals', { text, decimals });
  const minor =
    Number(m[1]) * 10 ** decimals + Number((frac + '0'.repeat(decimals)).slice(0, decimals) || '0');
  if (!Number.isSafeInteger(minor)) return fail('cell.tooLarge', { text });
  return ok(minor);
}

/** A non-negative whole number, optionally scaled ("1.2" kg → 1200 g with scale 1000). */
export function parseQuantity(text: string, scale = 1): Parsed<number> {
  const cleaned = text.replace(/[,\s]|mm|cm|kg|g/gi, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return fail('cell.notNumber', { text });
  const digits = Math.round(Math.log10(scale));
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return fail('cell.tooManyDecimals', { text });
  const value = Number(m[1]) * scale + (digits ? Number(frac.slice(0, digits)) : 0);
  return ok(value);
}

const TRUE = new Set(['1', 'y', 'yes', 'true', '是', '有', '含', 'x', '✓']);
const FALSE = new Set(['0', 'n', 'no', 'false', '否', '无', '不含', '']);

export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail('cell.notBoolean', { text });
}

const STATUS: Record<string, 'draft' | 'active' | 'archived'> = {
  draft: 'draft',
  草稿: 'draft',
  active: 'active',
  在售: 'active',
  上架: 'active',
  archived: 'archived',
  归档: 'archived',
  下架: 'archived',
};

export function parseStatus(text: string): Parsed<'draft' | 'active' | 'archived'> {
  const s = STATUS[text.trim().toLowerCase()];
  return s ? ok(s) : fail('cell.notStatus', { text });
}

/** Tags and bullet points: "a, b; c" or one per line. */
export const splitList = (text: string, separators = /[,，;；\n]/): string[] =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
