/** Reading and writing seller spreadsheets (xlsx, CSV in UTF-8/GBK/UTF-16), streamed. */
export { detectEncoding, type TextEncoding } from './detect-encoding.ts';
export { detectFormat, type TabularFormat } from './detect-format.ts';
export { neutraliseCell } from './neutralise-cell.ts';
export type { Delimiter } from './read-csv.ts';
export {
  DEFAULT_MAX_BYTES,
  type OpenTabularOptions,
  openTabular,
  readAllTabular,
  type TabularFile,
} from './read-tabular.ts';
export type { TabularRow } from './types.ts';
export { type WriteTabularOptions, writeTabular } from './write-tabular.ts';
