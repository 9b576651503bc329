import { parseMinor } from '../rating/money.ts';

/** Cell text parsers for price sheets: each returns null when the text is not what it should be. */

const num = String.raw`(\d+(?:\.\d+)?)`;
const kgSuffix = String.raw`\s*(?:kg|公斤|千克)?`;

/** "0.5", "0.5kg", "500g" → grams; at most 3 decimals of kg (whole grams). */
export function parseWeight(text: string, defaultUnit: 'kg' | 'g' = 'kg'): number | null {
  const m = new RegExp(`^${num}\\s*(kg|公斤|千克|g|克)?$`, 'i').exec(text.trim());
  if (!m) return null;
  const unit = (m[2] ?? defaultUnit).toLowerCase();
  const grams = unit === 'g' || unit === '克' ? Number(m[1]) : Number(m[1]) * 1000;
  const rounded = Math.round(grams);
  return Math.abs(rounded - grams) < 1e-6 ? rounded : null;
}

/** "0-0.5", "0.501~2", "21-44 kg", "71+" / "71以上" (open top) → grams; per-kg markers removed first. */
export function parseWeightRange(text: string): { fromG: number; toG: number | null } | null {
  const t = stripPerKg(text);
  const range = new RegExp(`^${num}${kgSuffix}\\s*(?:-|~|～|－|—|至|到|to)\\s*${num}${kgSuffix}$`, 'i').exec(
    t,
  );
  if (range) {
    const from = parseWeight(range[1]!);
    const to = parseWeight(range[2]!);
    return from !== null && to !== null && to > from ? { fromG: from, toG: to } : null;
  }
  const open = new RegExp(
    `^(?:>|≥|>=)?\\s*${num}${kgSuffix}\\s*(\\+|以上|及以上|and above|or more)?$`,
    'i',
  ).exec(t);
  if (open && (open[2] || /^(>|≥|>=)/.test(t))) {
    const from = parseWeight(open[1]!);
    return from === null ? null : { fromG: from, toG: null };
  }
  return null;
}

const perKgMarker = /(每\s*(kg|公斤|千克)|\/\s*(kg|公斤)|per\s*kg|元\/kg|\(\s*\)|（\s*）)/gi;
export const isPerKgText = (text: string) => /(每\s*(kg|公斤|千克)|\/\s*(kg|公斤)|per\s*kg)/i.test(text);
export const stripPerKg = (text: string) =>
  text
    .replace(perKgMarker, '')
    .replace(/[()（）]/g, '')
    .trim();

/** Money with at most 2 decimals, optional currency sign/suffix; negative or other text → null. */
export function parseMoney(text: string): number | null {
  const t = text
    .trim()
    .replace(/^[¥￥$€]|\s*(元|rmb|cny|usd|eur)$/gi, '')
    .trim();
  return parseMinor(t);
}

/** "7-12", "7~12天", "10" → days. */
export function parseTransit(text: string): { min: number; max: number } | null {
  const t = text.trim().replace(/\s*(天|个工作日|工作日|working days|business days|days|day|d)$/i, '');
  const m = /^(\d{1,3})\s*(?:[-~～－—至到]|to)\s*(\d{1,3})$/i.exec(t) ?? /^(\d{1,3})$/.exec(t);
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  return max >= min ? { min, max } : null;
}

/** "12.5", "12.5%" → basis points (1250). */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3}(?:\.\d{1,2})?)\s*%?$/.exec(text.trim());
  if (!m) return null;
  const bp = Math.round(Number(m[1]) * 100);
  return bp <= 10000 ? bp : null;
}

export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['是', '接受', '可以', '可', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
  if (['否', '不接受', '不可以', '不可', 'n', 'no', 'false', '0', '×', 'x'].includes(t)) return false;
  return null;
}

/** "2026-12-01", "2026/12/1", "2026.12.01", "2026年12月1日" → midnight China time (forwarders' clock). */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T00:00:00)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, -8));
  const check = new Date(date.getTime() + 8 * 3600_000);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
    ? date
    : null;
}

/** cm with at most 1 decimal → mm. */
export function parseCm(text: string): number | null {
  const m = /^(\d{1,4}(?:\.\d)?)\s*(cm|厘米)?$/i.exec(text.trim());
  return m ? Math.round(Number(m[1]) * 10) : null;
}

/** The China-time calendar day of a date parsed by parseDate ("2026-12-01"). */
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
