/** Thin fetch wrapper for the Cunkou JSON API (see docs/api-contract.md). */

export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: FieldIssue[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401 UNAUTHENTICATED). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function shopPath(shop: string, path = ''): string {
  return `/api/shops/${encodeURIComponent(shop)}${path}`;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  /** Do not trigger the global "go to login" on 401 (used by login and the session probe). */
  skipAuthRedirect?: boolean;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body)
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err === 'object') {
    return new ApiError(
      res.status,
      typeof err.code === 'string' ? err.code : 'INTERNAL',
      typeof err.message === 'string' ? err.message : res.statusText,
      Array.isArray(err.issues) ? (err.issues as FieldIssue[]) : [],
      err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : {},
    );
  }
  return new ApiError(res.status, res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', res.statusText);
}

async function send<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && error.code === 'UNAUTHENTICATED' && !opts.skipAuthRedirect) {
      setCsrfToken(null);
      onUnauthorized?.();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => send<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => send<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  del: <T>(path: string) => send<T>('DELETE', path),
  upload: <T>(path: string, file: File | Blob, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return send<T>('POST', path, form);
  },
};
