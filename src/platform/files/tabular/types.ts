import { type AppError, appError } from '../../../kernel/errors.ts';
import type { MessageKey, MessageParams } from '../../../kernel/i18n/index.ts';

/** One data row; `row` is the row number the seller sees in Excel (the header is usually row 1). */
export interface TabularRow {
  row: number;
  values: string[];
}

export const isBlankRow = (values: string[]): boolean => values.every((v) => v.trim() === '');

/** 0-based column index to Excel letters: 0 → A, 26 → AA. Messages name columns as Excel does. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** BAD_FILE naming the file and, when known, the row; the cause is kept for logs, not shown. */
export function badFile(
  fileName: string,
  problem: MessageKey,
  row?: number,
  cause?: unknown,
  problemParams?: MessageParams,
): AppError {
  const p = { key: problem, ...(problemParams ? { params: problemParams } : {}) };
  const key = row === undefined ? 'file.problem' : 'file.problemAtRow';
  const params = { fileName, problem: p, ...(row === undefined ? {} : { row }) };
  const e = appError('BAD_FILE', key, params, {
    cause,
    details: { fileName, ...(row === undefined ? {} : { row }) },
  });
  e.issues.push({ field: 'file', message: e.message, ...(row === undefined ? {} : { row }), key, params });
  return e;
}
