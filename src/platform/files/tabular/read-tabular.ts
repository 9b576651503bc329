import { open } from 'node:fs/promises';
import { AppError, appError, type FieldIssue, issue } from '../../../kernel/errors.ts';
import { detectEncoding, type TextEncoding } from './detect-encoding.ts';
import { detectFormat, type TabularFormat } from './detect-format.ts';
import { type Delimiter, decodeSample, detectDelimiter, readCsvRows } from './read-csv.ts';
import { assertZipComplete, readXlsxRows } from './read-xlsx.ts';
import { badFile, columnLetter, type TabularRow } from './types.ts';

/**
 * Open a seller's spreadsheet (xlsx or CSV in any encoding Excel produces) as a header plus a
 * stream of rows. Memory stays flat whatever the file size; every failure is an AppError that
 * names the file (and row), so the upload screen can show it as is.
 */
export interface TabularFile {
  format: TabularFormat;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** Trimmed names from the first non-blank row; trailing unnamed columns dropped. */
  headers: string[];
  /** Single pass. Blank rows are skipped; `values` has at least `headers.length` entries. */
  rows: AsyncIterable<TabularRow>;
  /** Release the file when the rows are not read to the end (breaking out of a loop also does). */
  close(): Promise<void>;
}

export interface OpenTabularOptions {
  /** Worksheet name or 1-based tab position (xlsx only); default: the first visible sheet. */
  sheet?: string | number;
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;

export async function openTabular(
  input: { path: string; fileName: string },
  opts: OpenTabularOptions = {},
): Promise<TabularFile> {
  const { fileName } = input;
  const head = await readHead(input.path, fileName, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const format = detectFormat(head, fileName);
  let source: AsyncGenerator<TabularRow>;
  let meta: Pick<TabularFile, 'encoding' | 'delimiter'> = {};
  if (format === 'xlsx') {
    await assertZipComplete(input.path, fileName);
    source = readXlsxRows(input.path, fileName, opts.sheet);
  } else {
    const encoding = detectEncoding(head);
    const delimiter = detectDelimiter(decodeSample(head, encoding));
    meta = { encoding, delimiter };
    source = readCsvRows(input.path, fileName, encoding, delimiter);
  }
  const first = await source.next();
  if (first.done) throw badFile(fileName, 'file.noHeader');
  const headers = first.value.values.map((h) => h.replace(/^\uFEFF/, '').trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  try {
    assertUniqueHeaders(headers, fileName, first.value.row);
  } catch (e) {
    await source.return(undefined);
    throw e;
  }
  return {
    format,
    ...meta,
    headers,
    rows: padded(source, headers.length),
    close: async () => void (await source.return(undefined)),
  };
}

/** Read a whole (small) file into memory: for tests, previews and template checks. */
export async function readAllTabular(
  input: { path: string; fileName: string },
  opts: OpenTabularOptions = {},
): Promise<Omit<TabularFile, 'rows' | 'close'> & { rows: TabularRow[] }> {
  const { rows, close: _close, ...rest } = await openTabular(input, opts);
  const all: TabularRow[] = [];
  for await (const r of rows) all.push(r);
  return { ...rest, rows: all };
}

async function readHead(path: string, fileName: string, maxBytes: number): Promise<Uint8Array> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(path, 'r');
    const { size } = await fh.stat();
    if (size > maxBytes) {
      throw appError(
        'FILE_TOO_LARGE',
        'file.tooLarge',
        { fileName, size: mb(size), limit: mb(maxBytes) },
        { details: { fileName, size, maxBytes } },
      );
    }
    const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badFile(fileName, 'file.cannotOpen', undefined, e);
  } finally {
    await fh?.close();
  }
}

const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

function assertUniqueHeaders(headers: string[], fileName: string, headerRow: number): void {
  const columns = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h !== '') columns.set(h, [...(columns.get(h) ?? []), i]);
  });
  const issues: FieldIssue[] = [];
  for (const [name, cols] of columns) {
    if (cols.length < 2) continue;
    const letters = cols.map(columnLetter).join(', ');
    issues.push(issue(name, 'file.duplicateHeader', { name, letters }, headerRow));
  }
  if (issues.length === 0) return;
  const list = { list: issues.map((i) => ({ key: i.key!, params: i.params! })), sep: 'space' as const };
  throw appError(
    'BAD_FILE',
    'file.duplicateHeaders',
    { fileName, row: headerRow, list },
    { issues, details: { fileName, row: headerRow } },
  );
}

async function* padded(source: AsyncGenerator<TabularRow>, width: number): AsyncGenerator<TabularRow> {
  for await (const r of source) {
    const values = r.values;
    while (values.length < width) values.push('');
    while (values.length > width && values[values.length - 1] === '') values.pop();
    yield r;
  }
}
