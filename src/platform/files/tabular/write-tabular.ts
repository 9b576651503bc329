import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { dateText, numberText } from './cell-text.ts';
import { neutraliseCell } from './neutralise-cell.ts';

export { neutraliseCell } from './neutralise-cell.ts';

/**
 * Stream an export to xlsx or CSV without building it in memory. Every text cell is neutralised
 * against formula injection in both formats (a CSV may be opened in Excel and an xlsx re-saved
 * as CSV); xlsx cells are only ever written as values, never as formulas.
 */
export interface WriteTabularOptions {
  sheetName?: string;
  /** CSV only: write a UTF-8 byte order mark so Excel shows Chinese correctly. Default true. */
  bom?: boolean;
}

type Rows = AsyncIterable<unknown[]> | Iterable<unknown[]>;
type Out = { path: string } | NodeJS.WritableStream;

// Not `'path' in out`: an fs.WriteStream has a `path` too, and must be written to, not reopened.
const isStream = (out: Out): out is NodeJS.WritableStream =>
  typeof (out as NodeJS.WritableStream).write === 'function';

/** Writes (and ends) the output; resolves when everything is flushed. */
export async function writeTabular(
  out: Out,
  format: 'xlsx' | 'csv',
  headers: string[],
  rows: Rows,
  opts: WriteTabularOptions = {},
): Promise<void> {
  if (format === 'xlsx') return writeXlsx(out, headers, rows, opts.sheetName);
  const target = isStream(out) ? out : createWriteStream(out.path);
  const records = async function* () {
    yield headers.map(csvCell);
    for await (const row of rows) yield row.map(csvCell);
  };
  await pipeline(Readable.from(records()), stringify({ bom: opts.bom ?? true }), target);
}

async function writeXlsx(
  out: { path: string } | NodeJS.WritableStream,
  headers: string[],
  rows: Rows,
  name?: string,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(isStream(out) ? { stream: out as unknown as import('node:stream').Stream } : { filename: out.path }),
    useStyles: true, // date formats
    useSharedStrings: false, // a shared-string table would grow in memory with the export
  });
  const ws = wb.addWorksheet(sheetName(name));
  ws.addRow(headers.map(xlsxCell)).commit();
  for await (const values of rows) {
    const row = ws.addRow(values.map(xlsxCell));
    row.eachCell((cell) => {
      if (cell.value instanceof Date)
        cell.numFmt = dateText(cell.value).length > 10 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return neutraliseCell(v);
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  return neutraliseCell(String(v));
}

function xlsxCell(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return neutraliseCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  // bigint, objects: as text, so a `{ formula }` object can never reach the sheet
  return neutraliseCell(String(v));
}

/** Excel rejects sheet names over 31 characters or containing : \ / ? * [ ]. */
function sheetName(name: string | undefined): string {
  const clean = (name ?? '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return clean || 'Sheet1';
}
