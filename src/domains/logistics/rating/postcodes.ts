import type { PostcodeRule } from './types.ts';

/** Upper-case without spaces or dashes, so "sw1a 1aa" and "SW1A1AA" compare equal. */
export const normalizePostcode = (raw: string): string => raw.toUpperCase().replace(/[\s-]/g, '');

const digits = /^\d+$/;

/** Ranges of digits compare as numbers of the same length ("01000"–"09999"); others as text. */
function inRange(code: string, from: string, to: string): boolean {
  if (digits.test(code) && digits.test(from) && digits.test(to)) {
    const head = code.slice(0, Math.max(from.length, to.length));
    const n = Number(head);
    return n >= Number(from) && n <= Number(to);
  }
  const head = code.slice(0, Math.max(from.length, to.length));
  return head >= from && head <= to;
}

export function matchesPostcode(rawCode: string, rule: PostcodeRule): boolean {
  const code = normalizePostcode(rawCode);
  if ('prefix' in rule) return code.startsWith(rule.prefix);
  return inRange(code, rule.from, rule.to);
}

export const matchesAny = (code: string, rules: PostcodeRule[]): boolean =>
  rules.some((r) => matchesPostcode(code, r));
