import { type AppError, appError } from '../../../kernel/errors.ts';
import type { MessageKey } from '../../../kernel/i18n/index.ts';

/**
 * Decide how to read an upload from its first bytes, not its name: sellers rename files, and many
 * Chinese ERPs export "报表.xls" that is really CSV, HTML or an old binary workbook.
 */
export type TabularFormat = 'xlsx' | 'csv';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Binary formats people upload by mistake; named so the message can say what was received. */
const otherBinaries: { name: MessageKey; sig: number[] }[] = [
  { name: 'file.kind.pdf', sig: [0x25, 0x50, 0x44, 0x46] },
  { name: 'file.kind.png', sig: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'file.kind.jpeg', sig: [0xff, 0xd8, 0xff] },
  { name: 'file.kind.gif', sig: [0x47, 0x49, 0x46, 0x38] },
  { name: 'file.kind.gzip', sig: [0x1f, 0x8b] },
  { name: 'file.kind.rar', sig: [0x52, 0x61, 0x72, 0x21] },
  { name: 'file.kind.7z', sig: [0x37, 0x7a, 0xbc, 0xaf] },
];

export function detectFormat(head: Uint8Array, fileName: string): TabularFormat {
  if (head.length === 0) throw appError('BAD_FILE', 'file.empty', { fileName });
  // Zip local header (or the end record of an empty zip): xlsx. Other zips fail later as BAD_FILE.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw unsupported(fileName, 'file.oldXls');
  }
  for (const o of otherBinaries) {
    if (startsWith(head, o.sig)) throw unsupported(fileName, 'file.otherBinary', o.name);
  }
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && head.includes(0)) throw unsupported(fileName, 'file.notSpreadsheet');
  // "Excel" exports that are really HTML tables or SpreadsheetML 2003 XML.
  const text = new TextDecoder('latin1')
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  if (text.startsWith('<')) throw unsupported(fileName, 'file.htmlOrXml');
  return 'csv';
}

function unsupported(fileName: string, why: MessageKey, kind?: MessageKey): AppError {
  const reason = { key: why, ...(kind ? { params: { kind: { key: kind } } } : {}) };
  return appError(
    'UNSUPPORTED_FILE_TYPE',
    'file.unsupported',
    { fileName, why: reason },
    { details: { fileName } },
  );
}
