/** Cell parsers for seller spreadsheets. Each returns a value or an error message in plain words. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** "12.50", "¥12.5", "1,299.00" → minor units (integer), by string arithmetic — never floats. */
export function parseMoney(text: string, decimals = 2): Parsed<number> {
  const cleaned = text.replace(/[¥￥$€£,\s]|CNY|RMB|USD|EUR|元/gi, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return fail(`"${text}" is not an amount (write it like 12.50)`);
  const frac = m[2] ?? '';
  if (frac.length > decimals && /[1-9]/.test(frac.slice(decimals)))
    return fail(`"${text}" has more than ${decimals} decimals`);
  const minor =
    Number(m[1]) * 10 ** decimals + Number((frac + '0'.repeat(decimals)).slice(0, decimals) || '0');
  if (!Number.isSafeInteger(minor)) return fail(`"${text}" is too large`);
  return ok(minor);
}

/** A non-negative whole number, optionally scaled ("1.2" kg → 1200 g with scale 1000). */
export function parseQuantity(text: string, scale = 1): Parsed<number> {
  const cleaned = text.replace(/[,\s]|mm|cm|kg|g/gi, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return fail(`"${text}" is not a number`);
  const digits = Math.round(Math.log10(scale));
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits)))
    return fail(`"${text}" has too many decimals`);
  const value = Number(m[1]) * scale + (digits ? Number(frac.slice(0, digits)) : 0);
  return ok(value);
}

const TRUE = new Set(['1', 'y', 'yes', 'true', '是', '有', '含', 'x', '✓']);
const FALSE = new Set(['0', 'n', 'no', 'false', '否', '无', '不含', '']);

export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail(`"${text}" should be yes/no (是/否)`);
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
  return s ? ok(s) : fail(`"${text}" should be draft, active or archived (草稿/在售/下架)`);
}

/** Tags and bullet points: "a, b; c" or one per line. */
export const splitList = (text: string, separators = /[,，;；\n]/): string[] =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
