import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding.ts';
import { badFile, isBlankRow, type TabularRow } from './types.ts';

/**
 * Stream CSV rows: bytes → iconv-lite decoder (handles characters split across chunks and the
 * BOM) → csv-parse. Rows are numbered by record, as Excel numbers them when it opens the file,
 * so a quoted cell spanning several lines is still one row.
 */
export type Delimiter = ',' | '\t' | ';';

/** Longest row we accept: far above real rows, low enough that an unclosed quote cannot swallow 200 MB. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const iconvName: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};

export const decodeSample = (head: Uint8Array, encoding: TextEncoding): string =>
  iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), iconvName[encoding]);

/** The delimiter used most often in the header record (outside quotes); comma when none is used. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of ['\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export function readCsvRows(
  path: string,
  fileName: string,
  encoding: TextEncoding,
  delimiter: Delimiter,
): AsyncGenerator<TabularRow> {
  return encoding === 'utf-8' || encoding === 'utf-8-bom'
    ? readUtf8Rows(path, fileName, delimiter)
    : parseRows(decoded(path, encoding), fileName, delimiter, 0);
}

function decoded(path: string, encoding: TextEncoding): Readable {
  const source = createReadStream(path);
  const decoder = iconv.decodeStream(iconvName[encoding]) as unknown as Readable;
  source.on('error', (e) => decoder.destroy(e));
  decoder.on('close', () => source.destroy());
  return source.pipe(decoder as unknown as NodeJS.WritableStream) as unknown as Readable;
}

const csvOptions = (delimiter: Delimiter) => ({
  delimiter,
  info: true,
  relax_column_count: true, // sellers' sheets are ragged; the importer checks columns by name
  relax_quotes: true, // Excel accepts 12" pizza in an unquoted cell, so do we
  max_record_size: MAX_RECORD_CHARS,
});

/** csv-parse over decoded text; `before` = records already read (row numbers continue from it). */
async function* parseRows(
  text: Readable,
  fileName: string,
  delimiter: Delimiter,
  before: number,
): AsyncGenerator<TabularRow> {
  const parser = parse(csvOptions(delimiter));
  // pipeline destroys every stage on error or early close, which releases the file handle.
  pipeline(text, parser, () => {});
  let rows = before;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      rows = before + info.records;
      if (rows === 1 && record[0]?.startsWith('\uFEFF')) record[0] = record[0].slice(1);
      if (!isBlankRow(record)) yield { row: rows, values: record };
    }
  } catch (e) {
    throw csvError(fileName, e, rows + 1, before);
  } finally {
    parser.destroy();
    text.destroy();
  }
}

/**
 * UTF-8 files (most exports, and the large ones: Amazon flat files): a line without any quote
 * character is exactly the record csv-parse would make of it — the cells between delimiters — so
 * it is split directly, several times faster than the general parser. From the first line with a
 * quote or a bare carriage return on, the rest of the file goes through csv-parse (quoted cells,
 * cells spanning lines, its errors), its row numbers continuing.
 */
async function* readUtf8Rows(
  path: string,
  fileName: string,
  delimiter: Delimiter,
): AsyncGenerator<TabularRow> {
  const source = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<string>;
  let records = 0;
  let rest = '';
  let slowFrom: string | null = null;
  try {
    read: for (;;) {
      const next = await chunks.next();
      const text = next.done ? `${rest}\n` : rest + next.value;
      let pos = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
        let line = text.slice(pos, nl);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (line.includes('"') || line.includes('\r')) {
          slowFrom = next.done ? text.slice(pos, -1) : text.slice(pos);
          break read;
        }
        records++;
        if (records === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
        pos = nl + 1;
        if (next.done && pos === text.length && line === '') break; // the final newline ends a record
        const values = line.split(delimiter);
        if (!isBlankRow(values)) yield { row: records, values };
      }
      if (next.done) return;
      rest = text.slice(pos);
      if (rest.length > MAX_RECORD_CHARS) throw badFile(fileName, 'file.csvRowTooLong', records + 1);
    }
  } finally {
    if (slowFrom === null) source.destroy();
  }
  const remaining = slowFrom;
  async function* text() {
    yield remaining;
    for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value;
  }
  const stream = Readable.from(text(), { objectMode: false });
  try {
    yield* parseRows(stream, fileName, delimiter, records);
  } finally {
    source.destroy();
  }
}

function csvError(fileName: string, e: unknown, row: number, before: number) {
  if (!(e instanceof CsvError)) return badFile(fileName, 'file.csvIncomplete', undefined, e);
  const records = typeof e.records === 'number' ? before + e.records + 1 : row;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return badFile(fileName, 'file.csvQuoteNotClosed', records, e);
    case 'CSV_MAX_RECORD_SIZE':
      return badFile(fileName, 'file.csvRowTooLong', records, e);
    default:
      return badFile(fileName, 'file.csvUnparsable', records, e, { code: String(e.code) });
  }
}
