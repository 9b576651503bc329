import { type Column, columnAliases, matchAlias } from './headers.ts';
import type { Sheet } from './workbook.ts';

export interface HeaderRow {
  row: number;
  cols: Partial<Record<Column, number>>;
  /** Every non-empty header: column → text (zone matrix columns are zone names). */
  texts: Map<number, string>;
}

/** Find the header row within the first 15 rows: the first one that `accept`s its recognised columns. */
export function findHeader(sheet: Sheet, accept: (h: HeaderRow) => boolean): HeaderRow | null {
  for (let r = 1; r <= Math.min(15, sheet.rowCount); r++) {
    const cols: Partial<Record<Column, number>> = {};
    const texts = new Map<number, string>();
    for (let c = 1; c <= 60; c++) {
      const t = sheet.text(r, c);
      if (!t) continue;
      texts.set(c, t);
      const k = matchAlias(columnAliases, t);
      if (k && cols[k] === undefined) cols[k] = c;
    }
    const h = { row: r, cols, texts };
    if (accept(h)) return h;
  }
  return null;
}

export const rowIsBlank = (sheet: Sheet, r: number, upTo = 60) => {
  for (let c = 1; c <= upTo; c++) if (sheet.text(r, c)) return false;
  return true;
};
