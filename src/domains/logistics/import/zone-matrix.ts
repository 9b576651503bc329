import { pushTo } from '../rating/push-to.ts';
import type { Bracket, CardData, ZoneEntry } from '../rating/types.ts';
import { checkBrackets } from './brackets.ts';
import { resolveCountry } from './countries.ts';
import { columnAliases, matchAlias } from './headers.ts';
import { hints, zonesHint } from './hint-params.ts';
import type { Issues } from './issues.ts';
import { parsePostcodeCell } from './postcode-cell.ts';
import { findHeader, type HeaderRow, rowIsBlank } from './table-header.ts';
import {
  isPerKgText,
  parseMoney,
  parseTransit,
  parseWeight,
  parseWeightRange,
  stripPerKg,
} from './values.ts';
import type { Sheet } from './workbook.ts';

/** "Zone 1", "1区", "分区1", "1" → "1"; "A" stays "A". */
export const zoneKey = (s: string) =>
  s
    .trim()
    .replace(/^(zone|分区|区)\s*/i, '')
    .replace(/\s*(分区|区)$/, '')
    .toUpperCase();

/** A zone matrix header: first cell is a weight column, at least one more (zone) column. */
export const isZoneMatrixHeader = (h: HeaderRow) => {
  const first = Math.min(...h.texts.keys());
  return (
    Number.isFinite(first) &&
    matchAlias(columnAliases, h.texts.get(first) ?? '') === 'weight' &&
    h.texts.size >= 2 &&
    h.cols.country === undefined
  );
};

/**
 * Layout b — express zone chart: rows of weights (0.5, 1.0, … flat price for the parcel up to that
 * weight; a range "21-44" or "71+" row gives a price per kg), one column per zone; a zones sheet
 * maps countries (optionally postcodes) to zones.
 */
export function parseZoneMatrix(
  rates: Sheet,
  h: HeaderRow,
  zonesSheet: Sheet,
  issues: Issues,
  roundingG = 1,
): CardData {
  const weightCol = Math.min(...h.texts.keys());
  const zoneCols = [...h.texts.entries()].filter(([c]) => c !== weightCol);
  const brackets = new Map<string, Bracket[]>(zoneCols.map(([, t]) => [zoneKey(t), []]));
  let prevTo = 0;
  let prevCell = '';
  let rows = 0;
  for (let r = h.row + 1; r <= rates.rowCount; r++) {
    if (rowIsBlank(rates, r)) continue;
    rows++;
    const wText = rates.text(r, weightCol);
    const weightCell = rates.cell(r, weightCol);
    const single = isPerKgText(wText) ? null : parseWeight(stripPerKg(wText));
    const range = single === null ? parseWeightRange(wText) : null;
    if (single === null && !range) {
      issues.add(weightCell, r, 'logistics.import.badWeight', { value: wText });
      continue;
    }
    const fromG = single !== null ? (rows === 1 ? 0 : prevTo + 1) : range!.fromG;
    const toG = single ?? range!.toG;
    if (single !== null && rows > 1 && single <= prevTo) {
      issues.add(weightCell, r, 'logistics.import.notIncreasing', { value: wText, otherCell: prevCell });
      continue;
    }
    for (const [col, header] of zoneCols) {
      const text = rates.text(r, col);
      if (!text) continue; // a zone not priced at this weight: excluded with "not priced" when quoted
      const amount = parseMoney(text);
      if (amount === null) {
        issues.add(rates.cell(r, col), r, 'logistics.import.badMoney', { value: text });
        continue;
      }
      brackets.get(zoneKey(header))!.push({
        fromG,
        toG,
        pricing:
          single !== null
            ? { kind: 'flat', amountMinor: amount }
            : { kind: 'per_kg', perKgMinor: amount, registrationMinor: 0 },
        cell: weightCell,
      });
    }
    prevTo = toG ?? Number.MAX_SAFE_INTEGER;
    prevCell = weightCell;
  }
  if (!rows) issues.add(rates.name, h.row, 'logistics.import.noRows', { sheet: rates.name, row: h.row });
  const data: CardData = { countries: {}, zones: {}, remote: {} };
  for (const [zone, list] of brackets)
    data.zones[zone] = { transit: null, brackets: checkBrackets(list, issues, roundingG) };
  readZones(zonesSheet, rates.name, data, issues);
  return data;
}

function readZones(sheet: Sheet, ratesName: string, data: CardData, issues: Issues) {
  const h = findHeader(
    sheet,
    (x) => (x.cols.country !== undefined || x.cols.code !== undefined) && x.cols.zone !== undefined,
  );
  if (!h) {
    issues.add(sheet.cell(1, 1), 1, 'logistics.import.noZonesSheet', zonesHint);
    return;
  }
  const seen = new Map<string, string>();
  for (let r = h.row + 1; r <= sheet.rowCount; r++) {
    if (rowIsBlank(sheet, r)) continue;
    const c = h.cols;
    const countryCol = c.code !== undefined && sheet.text(r, c.code) ? c.code : c.country!;
    const text = sheet.text(r, countryCol);
    const country = resolveCountry(text);
    if (!country) {
      issues.add(sheet.cell(r, countryCol), r, 'logistics.import.badCountry', {
        value: text,
        example: hints.countryExample,
      });
      continue;
    }
    const zone = zoneKey(sheet.text(r, c.zone!));
    if (!data.zones[zone]) {
      issues.add(sheet.cell(r, c.zone!), r, 'logistics.import.unknownZone', {
        zone: sheet.text(r, c.zone!),
        sheet: ratesName,
      });
      continue;
    }
    const postcodes = parsePostcodeCell(sheet, r, c, issues);
    if (postcodes === undefined) continue;
    const transitText = c.transit === undefined ? '' : sheet.text(r, c.transit);
    const transit = transitText ? parseTransit(transitText) : null;
    if (transitText && !transit)
      issues.add(sheet.cell(r, c.transit!), r, 'logistics.import.badTransit', { value: transitText });
    if (!postcodes) {
      const other = seen.get(country);
      if (other) {
        issues.add(sheet.cell(r, countryCol), r, 'logistics.import.duplicateCountry', {
          country,
          otherCell: other,
        });
        continue;
      }
      seen.set(country, sheet.cell(r, countryCol));
    }
    const entry: ZoneEntry = { zone, postcodes, ...(transit ? { transit } : {}) };
    pushTo(data.countries, country, entry);
  }
  for (const list of Object.values(data.countries))
    list.sort((a, b) => Number(!a.postcodes) - Number(!b.postcodes));
}
