/**
 * One HTTP exchange with a translation service: per-attempt timeout, bounded retries with
 * exponential backoff on 429 and 5xx (both services' docs ask for exactly this), Retry-After
 * honoured. Any other status is returned for the adapter to explain. Credentials travel only in
 * headers/body given by the caller and never appear in errors.
 */
import { AppError } from '../../../../kernel/errors.ts';

export interface RetryOptions {
  /** Total attempts, first one included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Upper bound for one wait, also for a server's Retry-After, so a request never hangs for long. */
  maxDelayMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Injected by tests to observe waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ServiceResponse {
  status: number;
  /** Parsed JSON when the body is JSON, otherwise the raw text. */
  body: unknown;
  attempts: number;
}

export interface ServiceRequest {
  /** Shown to the seller, e.g. "DeepL". */
  label: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  retry?: RetryOptions;
  defaultTimeoutMs: number;
  /** What the seller should check when the service cannot be reached at all. */
  unreachableHint: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isRetryable = (status: number) => status === 429 || status >= 500;

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}

export async function requestWithRetry(req: ServiceRequest): Promise<ServiceResponse> {
  const maxAttempts = Math.max(1, req.retry?.maxAttempts ?? 4);
  const baseDelayMs = req.retry?.baseDelayMs ?? 500;
  const maxDelayMs = req.retry?.maxDelayMs ?? 30_000;
  const timeoutMs = req.retry?.timeoutMs ?? req.defaultTimeoutMs;
  const sleep = req.retry?.sleep ?? defaultSleep;
  const backoff = (attempt: number) =>
    Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));

  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers: {
          accept: 'application/json',
          ...(req.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...req.headers,
        },
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (attempt < maxAttempts) {
        await sleep(backoff(attempt));
        continue;
      }
      const reason =
        err instanceof Error && err.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : 'connection failed';
      throw new AppError(
        'PROVIDER_FAILED',
        `${req.label} could not be reached at ${req.url} (${reason}, ${attempt} attempts). ${req.unreachableHint}`,
        { details: { provider: req.label, attempts: attempt }, cause: err },
      );
    }
    if (isRetryable(res.status) && attempt < maxAttempts) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      await res.body?.cancel(); // free the socket before waiting
      await sleep(retryAfter === undefined ? backoff(attempt) : Math.min(maxDelayMs, retryAfter));
      continue;
    }
    return { status: res.status, body: await readBody(res), attempts: attempt };
  }
}
