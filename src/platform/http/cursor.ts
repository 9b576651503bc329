import { appError, issue } from '../../kernel/errors.ts';

/** Opaque keyset cursors: the sort key of the last row seen, base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw appError('VALIDATION_FAILED', 'http.badCursor', undefined, {
    issues: [issue('cursor', 'http.badCursorIssue')],
  });
}
