import { appError } from '../../../kernel/errors.ts';
import type { CardData, CardSettings } from '../rating/types.ts';
import { isBracketListHeader, parseBracketList } from './bracket-list.ts';
import { matchAlias, sheetAliases } from './headers.ts';
import { hints, zonesHint } from './hint-params.ts';
import { Issues } from './issues.ts';
import { parseRemoteSheet } from './remote-sheet.ts';
import { parseSettingsSheet } from './settings-sheet.ts';
import { findHeader } from './table-header.ts';
import { readWorkbook, type Sheet } from './workbook.ts';
import { isZoneMatrixHeader, parseZoneMatrix } from './zone-matrix.ts';

export interface ParsedPriceSheet {
  layout: 'bracket_list' | 'zone_matrix';
  currency: string;
  validFrom: Date | null;
  validTo: Date | null;
  source: string | null;
  sheets: string[];
  settings: CardSettings;
  data: CardData;
  summary: {
    countries: number;
    zones: number;
    brackets: number;
    remoteCountries: number;
    remotePostcodes: number;
  };
}

/**
 * Read a forwarder's price sheet (.xlsx) into a rate card, or throw BAD_FILE listing every problem
 * by sheet and cell. Nothing is partially accepted: one bad cell rejects the file.
 */
export async function parsePriceSheet(bytes: Buffer, fileName: string): Promise<ParsedPriceSheet> {
  const sheets = await readWorkbook(bytes, fileName);
  const role = (s: Sheet) => matchAlias(sheetAliases, s.name);
  const settingsSheet = sheets.find((s) => role(s) === 'settings');
  const zonesSheet = sheets.find((s) => role(s) === 'zones');
  const remoteSheet = sheets.find((s) => role(s) === 'remote');
  const issues = new Issues();
  const parsed = parseSettingsSheet(settingsSheet, issues);
  const rounding = parsed.settings.roundingG;
  let layout: ParsedPriceSheet['layout'] | null = null;
  let data: CardData | null = null;
  let ratesSheet: Sheet | undefined;
  for (const s of sheets.filter((x) => !role(x))) {
    const list = findHeader(s, isBracketListHeader);
    if (list) {
      ratesSheet = s;
      layout = 'bracket_list';
      data = parseBracketList(s, list, issues, rounding);
      break;
    }
    const matrix = findHeader(s, isZoneMatrixHeader);
    if (matrix) {
      ratesSheet = s;
      layout = 'zone_matrix';
      if (!zonesSheet) {
        issues.add(s.cell(matrix.row, 1), matrix.row, 'logistics.import.noZonesSheet', zonesHint);
        break;
      }
      data = parseZoneMatrix(s, matrix, zonesSheet, issues, rounding);
      break;
    }
  }
  if (!ratesSheet || !layout)
    throw appError('BAD_FILE', 'logistics.import.noRatesSheet', {
      names: { list: sheets.map((s) => s.name), sep: 'comma' },
      ratesNames: hints.ratesNames,
      countryHeader: hints.countryHeader,
      weightHeader: hints.weightHeader,
    });
  if (remoteSheet && data) data.remote = parseRemoteSheet(remoteSheet, issues);
  if (issues.count || !data)
    throw appError(
      'BAD_FILE',
      'logistics.import.invalid',
      { fileName, count: issues.count },
      { issues: issues.list },
    );
  const used = [settingsSheet, ratesSheet, layout === 'zone_matrix' ? zonesSheet : undefined, remoteSheet]
    .filter((s): s is Sheet => !!s)
    .map((s) => s.name);
  return {
    layout,
    currency: parsed.currency,
    validFrom: parsed.validFrom,
    validTo: parsed.validTo,
    source: parsed.source,
    sheets: used,
    settings: parsed.settings,
    data,
    summary: {
      countries: Object.keys(data.countries).length,
      zones: Object.keys(data.zones).length,
      brackets: Object.values(data.zones).reduce((a, z) => a + z.brackets.length, 0),
      remoteCountries: Object.keys(data.remote).length,
      remotePostcodes: Object.values(data.remote).reduce((a, l) => a + l.length, 0),
    },
  };
}
