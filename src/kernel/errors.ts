/**
 * One error class and one code catalog for the whole system. HTTP status mapping lives in
 * platform/http/errors.ts; messages here are English fallbacks — the admin translates by `code`.
 */
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
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
