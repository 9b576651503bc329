import { pushTo } from '../rating/push-to.ts';
import type { PostcodeRule } from '../rating/types.ts';
import { resolveCountry } from './countries.ts';
import { hints } from './hint-params.ts';
import type { Issues } from './issues.ts';
import { parsePostcodeCell } from './postcode-cell.ts';
import { findHeader, rowIsBlank } from './table-header.ts';
import type { Sheet } from './workbook.ts';

/** 偏远地区 / Remote areas: country + postcodes (list, prefix or range, or 起始邮编/截止邮编). */
export function parseRemoteSheet(sheet: Sheet, issues: Issues): Record<string, PostcodeRule[]> {
  const out: Record<string, PostcodeRule[]> = {};
  const h = findHeader(
    sheet,
    (x) =>
      (x.cols.country !== undefined || x.cols.code !== undefined) &&
      (x.cols.postcode !== undefined || x.cols.postcodeFrom !== undefined),
  );
  if (!h) {
    issues.add(sheet.cell(1, 1), 1, 'logistics.import.missingColumn', {
      column: '邮编 / Postcode',
      aliases: '国家 / Country, 邮编 / Postcode, 起始邮编 / Postcode from, 截止邮编 / Postcode to',
    });
    return out;
  }
  for (let r = h.row + 1; r <= sheet.rowCount; r++) {
    if (rowIsBlank(sheet, r)) continue;
    const c = h.cols;
    const countryCol = c.code !== undefined && sheet.text(r, c.code) ? c.code : c.country!;
    const country = resolveCountry(sheet.text(r, countryCol));
    if (!country) {
      issues.add(sheet.cell(r, countryCol), r, 'logistics.import.badCountry', {
        value: sheet.text(r, countryCol),
        example: hints.countryExample,
      });
      continue;
    }
    const rules = parsePostcodeCell(sheet, r, c, issues);
    if (rules) for (const rule of rules) pushTo(out, country, rule);
  }
  return out;
}
