import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
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

export async function* readCsvRows(
  path: string,
  fileName: string,
  encoding: TextEncoding,
  delimiter: Delimiter,
): AsyncGenerator<TabularRow> {
  const source = createReadStream(path);
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true, // sellers' sheets are ragged; the importer checks columns by name
    relax_quotes: true, // Excel accepts 12" pizza in an unquoted cell, so do we
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipeline destroys every stage on error or early close, which releases the file handle.
  pipeline(source, iconv.decodeStream(iconvName[encoding]), parser, () => {});
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      rows = info.records;
      if (rows === 1 && record[0]?.startsWith('\uFEFF')) record[0] = record[0].slice(1);
      if (!isBlankRow(record)) yield { row: rows, values: record };
    }
  } catch (e) {
    throw csvError(fileName, e, rows + 1);
  } finally {
    parser.destroy();
    source.destroy();
  }
}

function csvError(fileName: string, e: unknown, row: number) {
  if (!(e instanceof CsvError)) return badFile(fileName, 'file.csvIncomplete', undefined, e);
  const records = typeof e.records === 'number' ? e.records + 1 : row;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return badFile(fileName, 'file.csvQuoteNotClosed', records, e);
    case 'CSV_MAX_RECORD_SIZE':
      return badFile(fileName, 'file.csvRowTooLong', records, e);
    default:
      return badFile(fileName, 'file.csvUnparsable', records, e, { code: String(e.code) });
  }
}
