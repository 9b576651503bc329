/**
 * Retry policy for channel APIs: throttled calls (HTTP 429, Shopee busy errors) and transient
 * failures wait and try again, a bounded number of times, with exponential backoff and full
 * jitter — or the server's own Retry-After / rate hint when it gives one (capped).
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A channel call that hangs longer than this fails (and is retried like a network error). */
export const REQUEST_TIMEOUT_MS = 30_000;

export const defaultRetry: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 60_000 };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wait before attempt `n` (1-based count of failures so far). */
export function backoffDelay(policy: RetryPolicy, n: number, hintMs?: number): number {
  if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs >= 0)
    return Math.min(hintMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Retry-After in seconds or an HTTP date → milliseconds. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Thrown inside a client when a call was throttled and every retry was used. */
export class ThrottledError extends Error {
  constructor(readonly provider: string) {
    super(`${provider} kept throttling`);
  }
}
