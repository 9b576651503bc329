/**
 * One error class and one code catalog for the whole system. HTTP status mapping lives in
 * platform/http/errors.ts. `message` is always English (logs, CLI, tests); errors built with a
 * catalog `key` (appError, issue) are re-rendered in the reader's language by localizeError.
 */
import {
  englishOf,
  formatMessage,
  type Locale,
  type MessageKey,
  type MessageParam,
  type MessageParams,
} from './i18n/index.ts';

export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_FILE: 400,
  UNSUPPORTED_FILE_TYPE: 415,
  FILE_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_SKU: 409,
  PROVIDER_FAILED: 502,
  PROVIDER_NOT_CONFIGURED: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with one field (or one cell: `row` is the 1-based spreadsheet row). */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
  /** Catalog id of `message`, so it can be shown in the reader's language. */
  key?: MessageKey;
  params?: MessageParams;
}

export interface AppErrorOptions {
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
  cause?: unknown;
  key?: MessageKey;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;
  readonly key: MessageKey | undefined;
  readonly params: MessageParams | undefined;

  constructor(code: ErrorCode, message: string, opts: AppErrorOptions = {}) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
    this.key = opts.key;
    this.params = opts.params;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** An AppError whose message comes from the catalog: English in `message`, re-rendered per reader. */
export function appError(
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
  opts: Omit<AppErrorOptions, 'key' | 'params'> = {},
): AppError {
  return new AppError(code, englishOf(key, params), { ...opts, key, ...(params ? { params } : {}) });
}

/** A field issue whose message comes from the catalog. */
export function issue(field: string, key: MessageKey, params?: MessageParams, row?: number): FieldIssue {
  return {
    field,
    message: englishOf(key, params),
    ...(row === undefined ? {} : { row }),
    key,
    ...(params ? { params } : {}),
  };
}

/** An issue's message in `locale` (its English text when it has no catalog key). */
export const issueMessage = (locale: Locale, i: FieldIssue): string =>
  i.key ? formatMessage(locale, i.key, i.params) : i.message;

/** An issue as clients see it: field, message in `locale`, row — no catalog internals. */
export function localizeIssue(locale: Locale, i: FieldIssue): FieldIssue {
  return { field: i.field, message: issueMessage(locale, i), ...(i.row === undefined ? {} : { row: i.row }) };
}

/** "field: message" (or "row 3, field: message") in `locale`, for one-line summaries. */
export function issueLine(locale: Locale, i: FieldIssue, withRow = false): string {
  const params = { field: i.field, message: issueMessage(locale, i) };
  return withRow && i.row !== undefined
    ? formatMessage(locale, 'common.rowIssue', { ...params, row: i.row })
    : formatMessage(locale, 'common.fieldIssue', params);
}

/** Issues as one catalog parameter ("a: x; b: y"), so a summary message stays translatable. */
export const issueList = (issues: FieldIssue[]) => ({
  list: issues.map((i) => ({
    key: 'common.fieldIssue' as const,
    params: {
      field: i.field,
      message: i.key ? { key: i.key, ...(i.params ? { params: i.params } : {}) } : i.message,
    },
  })),
  sep: 'semicolon' as const,
});

/** An error's message as a catalog parameter: translatable when the error has a key. */
export const messageParam = (e: AppError): MessageParam =>
  e.key ? { key: e.key, ...(e.params ? { params: e.params } : {}) } : e.message;

/** The error's message and issues in `locale`. */
export function localizeError(locale: Locale, e: AppError): { message: string; issues: FieldIssue[] } {
  return {
    message: e.key ? formatMessage(locale, e.key, e.params) : e.message,
    issues: e.issues.map((i) => localizeIssue(locale, i)),
  };
}
