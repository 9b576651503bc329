import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { isAppError } from '../../../kernel/errors.ts';
import { cellText } from './cell-text.ts';
import { badFile, isBlankRow, type TabularRow } from './types.ts';

/**
 * Stream the non-blank rows of one worksheet with exceljs' streaming reader, so a 200 MB workbook
 * is never held in memory (only the shared-string table is, as in every xlsx reader).
 */
export interface XlsxSource {
  rows: AsyncGenerator<TabularRow>;
}

interface SheetInfo {
  name: string;
  state?: string;
}
type WorkbookInternals = {
  model?: { sheets?: SheetInfo[] };
  properties?: { model?: { date1904?: boolean } };
};
type WorksheetLike = AsyncIterable<ExcelJS.Row> & { name: string };

export async function* readXlsxRows(
  path: string,
  fileName: string,
  sheet?: string | number,
): AsyncGenerator<TabularRow> {
  const input = createReadStream(path);
  // exceljs pipes the file into unzip but listens to neither the file's errors nor, while it copies
  // a sheet to a temp file, unzip's (bad deflate data): it would wait forever. We catch both by
  // wrapping pipe() on our own stream, and race every step against them.
  const failed = new Promise<never>((_, reject) => {
    input.once('error', reject);
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(dest: T, o?: { end?: boolean }) => {
      dest.on('error', reject);
      return pipe(dest, o);
    };
  });
  failed.catch(() => {});
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore', // the cell already holds the visible text
  });
  const wb = reader as unknown as WorkbookInternals;
  // Iterated by hand: for-await would call return() on exceljs' generator on break, which skips
  // the cleanup of its temporary sheet files. We resume it in `finally` instead.
  const sheets = (reader as AsyncIterable<WorksheetLike>)[Symbol.asyncIterator]();
  const seen: string[] = [];
  let current: WorksheetLike | undefined;
  let lastRow = 0;
  try {
    while (!current) {
      const step = await Promise.race([sheets.next(), failed]);
      if (step.done) break;
      seen.push(step.value.name);
      if (isWanted(step.value.name, seen.length, wb.model?.sheets, sheet)) current = step.value;
      else release(step.value);
    }
    if (!current) {
      const names = seen.length
        ? { key: 'file.sheetsFound' as const, params: { names: { list: seen, sep: 'comma' as const } } }
        : '';
      throw sheet === undefined
        ? badFile(fileName, 'file.noWorksheet', undefined, undefined, { names })
        : badFile(fileName, 'file.noSheetNamed', undefined, undefined, { sheet, names });
    }
    const date1904 = wb.properties?.model?.date1904 === true;
    for await (const r of guard(current, failed)) {
      lastRow = r.number;
      const values: string[] = [];
      r.eachCell((cell, col) => {
        values[col - 1] = cellText(cell.value, { isDate: isDateFormat(cell.numFmt), date1904 });
      });
      for (let i = 0; i < values.length; i++) values[i] ??= '';
      if (!isBlankRow(values)) yield { row: r.number, values };
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    const near = lastRow > 0 ? lastRow + 1 : undefined;
    throw badFile(fileName, 'file.damagedWorkbook', near, e);
  } finally {
    if (current) release(current);
    input.destroy();
    void finish(sheets);
  }
}

/** Close the file a worksheet reads from (a temp file when the zip stores sheets first). */
function release(ws: WorksheetLike): void {
  const stream = (ws as { iterator?: { destroy?: () => void; on?: (e: string, f: () => void) => void } })
    .iterator;
  // exceljs deletes a skipped sheet's temp file as soon as it moves on, often before this file
  // stream has finished opening it: the resulting ENOENT belongs to nobody, so it is swallowed here.
  stream?.on?.('error', () => {});
  stream?.destroy?.();
}

/**
 * Let exceljs run to its end in the background so it deletes its temp files and closes their
 * descriptors; every further sheet is released unread. If unzip waits on the destroyed input it
 * simply never settles and is garbage-collected: a pending promise holds no handle.
 */
async function finish(sheets: AsyncIterator<WorksheetLike>): Promise<void> {
  try {
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) release(s.value);
  } catch {
    // the read already ended or failed; nothing left to report
  }
}

/**
 * An upload cut short still starts with valid zip entries, and a streaming unzip reads them all
 * happily; only the end-of-central-directory record (last 22..65,557 bytes) proves the file is whole.
 */
export async function assertZipComplete(path: string, fileName: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const length = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(length);
    await fh.read(tail, 0, length, size - length);
    if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) {
      throw badFile(fileName, 'file.incompleteWorkbook');
    }
  } finally {
    await fh.close();
  }
}

async function* guard<T>(it: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const iter = it[Symbol.asyncIterator]();
  while (true) {
    const step = await Promise.race([iter.next(), failed]);
    if (step.done) return;
    yield step.value;
  }
}

/** `sheet` is a name or a 1-based tab position; by default the first visible sheet. */
function isWanted(
  name: string,
  emitted: number,
  tabs: SheetInfo[] | undefined,
  sheet?: string | number,
): boolean {
  if (typeof sheet === 'string') return name.trim() === sheet.trim();
  const index = tabs?.findIndex((t) => t.name === name) ?? -1;
  const position = index >= 0 ? index + 1 : emitted;
  if (typeof sheet === 'number') return position === sheet;
  const firstVisible = tabs?.findIndex((t) => t.state !== 'hidden' && t.state !== 'veryHidden') ?? -1;
  return firstVisible >= 0 ? position === firstVisible + 1 : emitted === 1;
}

/** Same rule as Excel/exceljs: a format with date letters outside quotes and [..] is a date. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhsb]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
