import { normalizePostcode } from '../rating/postcodes.ts';
import type { PostcodeRule } from '../rating/types.ts';
import type { Issues } from './issues.ts';
import type { HeaderRow } from './table-header.ts';
import type { Sheet } from './workbook.ts';

/** One token: "75*" or "75" (prefix), "96700-96899" (range). */
export function parsePostcodeToken(token: string): PostcodeRule | null {
  const t = token.trim();
  const range = /^([A-Za-z0-9 ]+?)\s*(?:-|~|～|至|–)\s*([A-Za-z0-9 ]+)$/.exec(t);
  if (range) {
    const from = normalizePostcode(range[1]!);
    const to = normalizePostcode(range[2]!);
    return from && to && from.length === to.length && from <= to ? { from, to } : null;
  }
  const prefix = /^([A-Za-z0-9 ]+)\*?$/.exec(t);
  return prefix ? { prefix: normalizePostcode(prefix[1]!) } : null;
}

/**
 * The postcodes of a row: a 邮编 / Postcode cell (several tokens separated by commas, 、 or
 * semicolons), or 起始邮编 + 截止邮编. Null = the whole country; undefined = a bad cell (reported).
 */
export function parsePostcodeCell(
  sheet: Sheet,
  r: number,
  c: HeaderRow['cols'],
  issues: Issues,
): PostcodeRule[] | null | undefined {
  if (c.postcodeFrom !== undefined && sheet.text(r, c.postcodeFrom)) {
    const text = `${sheet.text(r, c.postcodeFrom)}-${sheet.text(r, c.postcodeTo ?? c.postcodeFrom)}`;
    const rule = parsePostcodeToken(text);
    if (!rule) {
      issues.add(sheet.cell(r, c.postcodeFrom), r, 'logistics.import.badPostcode', { value: text });
      return undefined;
    }
    return [rule];
  }
  if (c.postcode === undefined || !sheet.text(r, c.postcode)) return null;
  const rules: PostcodeRule[] = [];
  for (const token of sheet
    .text(r, c.postcode)
    .split(/[,，、;；\n]+/)
    .filter((x) => x.trim())) {
    const rule = parsePostcodeToken(token);
    if (!rule) {
      issues.add(sheet.cell(r, c.postcode), r, 'logistics.import.badPostcode', { value: token.trim() });
      return undefined;
    }
    rules.push(rule);
  }
  return rules;
}
