import { pushTo } from '../rating/push-to.ts';
import type { Bracket, BracketPricing, CardData, PostcodeRule } from '../rating/types.ts';
import { checkBrackets } from './brackets.ts';
import { resolveCountry } from './countries.ts';
import { hints } from './hint-params.ts';
import type { Issues } from './issues.ts';
import { parsePostcodeCell } from './postcode-cell.ts';
import type { HeaderRow } from './table-header.ts';
import { rowIsBlank } from './table-header.ts';
import { parseMoney, parseTransit, parseWeight, parseWeightRange } from './values.ts';
import type { Sheet } from './workbook.ts';

export const isBracketListHeader = (h: HeaderRow) =>
  (h.cols.country !== undefined || h.cols.code !== undefined) &&
  (h.cols.weight !== undefined || (h.cols.weightFrom !== undefined && h.cols.weightTo !== undefined));

interface Lane {
  country: string;
  zone: string;
  postcodes: PostcodeRule[] | null;
  transit: { min: number; max: number } | null;
  brackets: Bracket[];
}

/**
 * Layout a — one row per country (and optionally zone or postcode range) and weight bracket:
 * 国家 | 分区 | 邮编 | 重量(KG) "0-0.5" or 起始重量/截止重量 | 运费(元/KG) + 挂号费(元/票), or
 * 首重/首重价格/续重/续重单价 | 参考时效. Rows of one country+zone+postcode form one lane.
 */
export function parseBracketList(sheet: Sheet, h: HeaderRow, issues: Issues, roundingG = 1): CardData {
  const c = h.cols;
  const lanes = new Map<string, Lane>();
  let rows = 0;
  for (let r = h.row + 1; r <= sheet.rowCount; r++) {
    if (rowIsBlank(sheet, r)) continue;
    rows++;
    const at = (col: number | undefined) => (col === undefined ? '' : sheet.text(r, col));
    const cellOf = (col: number | undefined) => sheet.cell(r, col ?? 1);
    const countryCol = c.code !== undefined && at(c.code) ? c.code : c.country;
    const countryText = at(countryCol) || at(c.country);
    const country = resolveCountry(countryText);
    if (!country) {
      issues.add(cellOf(countryCol), r, 'logistics.import.badCountry', {
        value: countryText,
        example: hints.countryExample,
      });
      continue;
    }
    let fromG: number | null = null;
    let toG: number | null = null;
    if (c.weight !== undefined) {
      const w = parseWeightRange(at(c.weight));
      if (!w) issues.add(cellOf(c.weight), r, 'logistics.import.badWeight', { value: at(c.weight) });
      else ({ fromG, toG } = w);
    } else {
      fromG = parseWeight(at(c.weightFrom));
      toG = at(c.weightTo) ? parseWeight(at(c.weightTo)) : null;
      if (fromG === null)
        issues.add(cellOf(c.weightFrom), r, 'logistics.import.badWeight', { value: at(c.weightFrom) });
      if (at(c.weightTo) && (toG === null || (fromG !== null && toG <= fromG)))
        issues.add(cellOf(c.weightTo), r, 'logistics.import.badWeight', { value: at(c.weightTo) });
    }
    const pricing = readPricing(sheet, r, c, issues);
    const transitText = at(c.transit);
    const transit = transitText ? parseTransit(transitText) : null;
    if (transitText && !transit)
      issues.add(cellOf(c.transit), r, 'logistics.import.badTransit', { value: transitText });
    const postcodes = parsePostcodeCell(sheet, r, c, issues);
    if (fromG === null || !pricing || postcodes === undefined) continue;
    const zoneText = at(c.zone);
    const postcodeText = postcodes
      ? postcodes.map((p) => ('prefix' in p ? p.prefix : `${p.from}-${p.to}`)).join(',')
      : '';
    const zone = [country, zoneText, postcodeText].filter(Boolean).join(' ');
    let lane = lanes.get(zone);
    if (!lane) {
      lane = { country, zone, postcodes, transit, brackets: [] };
      lanes.set(zone, lane);
    }
    lane.transit ??= transit;
    lane.brackets.push({ fromG, toG, pricing, cell: sheet.cell(r, c.weight ?? c.weightFrom ?? 1) });
  }
  if (!rows) issues.add(sheet.name, h.row, 'logistics.import.noRows', { sheet: sheet.name, row: h.row });
  const data: CardData = { countries: {}, zones: {}, remote: {} };
  for (const lane of lanes.values()) {
    data.zones[lane.zone] = {
      transit: lane.transit,
      brackets: checkBrackets(lane.brackets, issues, roundingG),
    };
    pushTo(data.countries, lane.country, { zone: lane.zone, postcodes: lane.postcodes });
  }
  // Postcode-specific zones first, the country-wide zone as the fallback.
  for (const list of Object.values(data.countries))
    list.sort((a, b) => Number(!a.postcodes) - Number(!b.postcodes));
  return data;
}

function readPricing(sheet: Sheet, r: number, c: HeaderRow['cols'], issues: Issues): BracketPricing | null {
  const money = (col: number | undefined): number | null | undefined => {
    if (col === undefined || !sheet.text(r, col)) return undefined;
    const m = parseMoney(sheet.text(r, col));
    if (m === null)
      issues.add(sheet.cell(r, col), r, 'logistics.import.badMoney', { value: sheet.text(r, col) });
    return m;
  };
  const registration = money(c.registration);
  const perKg = money(c.perKg);
  const firstPrice = money(c.firstPrice);
  if (registration === null || perKg === null || firstPrice === null) return null;
  if (firstPrice !== undefined && c.firstWeight !== undefined) {
    const firstG = parseWeight(sheet.text(r, c.firstWeight));
    const stepG = c.stepWeight === undefined ? null : parseWeight(sheet.text(r, c.stepWeight));
    const stepMinor = money(c.stepPrice);
    if (firstG === null || firstG === 0) {
      issues.add(sheet.cell(r, c.firstWeight), r, 'logistics.import.badWeight', {
        value: sheet.text(r, c.firstWeight),
      });
      return null;
    }
    if (stepG === null || stepG === 0 || stepMinor === undefined || stepMinor === null) {
      if (stepMinor !== null)
        issues.add(sheet.cell(r, c.stepWeight ?? c.firstWeight), r, 'logistics.import.missingContinued', {
          step: hints.step,
          stepPrice: hints.stepPrice,
        });
      return null;
    }
    return {
      kind: 'first_continued',
      firstG,
      firstMinor: firstPrice,
      stepG,
      stepMinor,
      registrationMinor: registration ?? 0,
    };
  }
  if (perKg !== undefined) return { kind: 'per_kg', perKgMinor: perKg, registrationMinor: registration ?? 0 };
  issues.add(sheet.cell(r, c.perKg ?? c.firstPrice ?? c.weight ?? 1), r, 'logistics.import.missingPrice', {
    perKg: hints.perKg,
    first: hints.first,
    firstPrice: hints.firstPrice,
  });
  return null;
}
