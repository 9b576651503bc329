/**
 * 4PX open platform (FOP) client: one gateway URL, the API method in the query string, signed
 * calls (sign.ts), JSON envelopes `{result: '1'|'0', msg, errors: [{errorCode, errorMsg}], data}`.
 * Throttling (HTTP 429), gateway errors (5xx) and network failures are retried with the shared
 * connector backoff; each call has a timeout. Retrying an order creation is safe because the
 * customer order number (ref_no) is unique at 4PX: a repeat answers "already exists".
 */
import { appError } from '../../../kernel/errors.ts';
import {
  backoffDelay,
  defaultRetry,
  REQUEST_TIMEOUT_MS,
  type RetryPolicy,
  retryAfterMs,
  sleep,
} from '../../connectors/backoff.ts';
import { fourPxSign } from './sign.ts';

export interface FourPxCredentials {
  appKey: string;
  appSecret: string;
  /** Only software service providers need one (OAuth); direct 4PX customers leave it empty. */
  accessToken?: string | undefined;
}

export interface FourPxError {
  errorCode?: string;
  errorMsg?: string;
}

export interface FourPxEnvelope {
  result: string;
  msg?: string;
  errors?: FourPxError[] | null;
  data?: unknown;
}

export interface FourPxClientOptions {
  credentials: FourPxCredentials;
  /** Gateway, e.g. https://open.4px.com/router/api/service. */
  gatewayUrl: string;
  /** Hosts the label download may come from (the SSRF guard; the carrier's own plus configured ones). */
  isAllowedHost: (host: string) => boolean;
  retry?: RetryPolicy;
  now?: () => number;
}

export const FOURPX_PRODUCTION = 'https://open.4px.com/router/api/service';
export const FOURPX_SANDBOX = 'https://open-test.4px.com/router/api/service';

const provider = '4PX';

export type FourPxClient = ReturnType<typeof createFourPxClient>;

export function createFourPxClient(opts: FourPxClientOptions) {
  const { appKey, appSecret, accessToken } = opts.credentials;
  const retry = opts.retry ?? defaultRetry;
  const now = opts.now ?? Date.now;

  /** One signed call; throttling and transient failures are retried; returns the envelope. */
  async function call(method: string, v: string, payload: unknown): Promise<FourPxEnvelope> {
    const body = JSON.stringify(payload);
    for (let n = 1; ; n++) {
      const pub = { app_key: appKey, format: 'json' as const, method, timestamp: String(now()), v };
      const qs = new URLSearchParams({ ...pub, sign: fourPxSign(pub, body, appSecret) });
      if (accessToken) qs.set('access_token', accessToken);
      let res: Response;
      try {
        res = await fetch(`${opts.gatewayUrl}?${qs}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json;charset=utf-8', accept: 'application/json' },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (cause) {
        if (n >= retry.attempts)
          throw appError('PROVIDER_FAILED', 'carriers.remote.unreachable', { carrier: provider }, { cause });
        await sleep(backoffDelay(retry, n));
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        if (n >= retry.attempts) {
          if (res.status === 429)
            throw appError('RATE_LIMITED', 'carriers.remote.throttled', { carrier: provider });
          throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', {
            carrier: provider,
            status: res.status,
          });
        }
        await sleep(backoffDelay(retry, n, retryAfterMs(res.headers.get('retry-after'))));
        continue;
      }
      const env = (await res.json().catch(() => null)) as FourPxEnvelope | null;
      if (!env || typeof env.result !== 'string')
        throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', {
          carrier: provider,
          status: res.status,
        });
      // Some gateways return `data` as a JSON string; parse it once so callers see objects.
      if (typeof env.data === 'string')
        try {
          env.data = JSON.parse(env.data);
        } catch {
          /* leave as text */
        }
      return env;
    }
  }

  /** The label file behind a URL the carrier gave us; only from allowed hosts, only PDFs. */
  async function download(url: string): Promise<Buffer> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw appError('PROVIDER_FAILED', 'carriers.label.badUrl', { carrier: provider });
    }
    if (!/^https?:$/.test(parsed.protocol) || !opts.isAllowedHost(parsed.hostname.toLowerCase()))
      throw appError('PROVIDER_FAILED', 'carriers.label.hostNotAllowed', { host: parsed.hostname });
    for (let n = 1; ; n++) {
      let res: Response;
      try {
        res = await fetch(parsed, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (cause) {
        if (n >= retry.attempts)
          throw appError('PROVIDER_FAILED', 'carriers.remote.unreachable', { carrier: provider }, { cause });
        await sleep(backoffDelay(retry, n));
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && n < retry.attempts) {
        await sleep(backoffDelay(retry, n, retryAfterMs(res.headers.get('retry-after'))));
        continue;
      }
      if (!res.ok)
        throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', {
          carrier: provider,
          status: res.status,
        });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw appError('PROVIDER_FAILED', 'carriers.label.notPdf', { carrier: provider });
      return bytes;
    }
  }

  return {
    call,
    download,
    createOrder: (body: unknown) => call('ds.xms.order.create', '1.1.0', body),
    getOrder: (requestNo: string) => call('ds.xms.order.get', '1.1.0', { request_no: requestNo }),
    getLabel: (requestNo: string) =>
      call('ds.xms.label.get', '1.1.0', { request_no: requestNo, label_size: 'label_100x150' }),
    cancelOrder: (requestNo: string, reason: string) =>
      call('ds.xms.order.cancel', '1.0.0', { request_no: requestNo, cancel_reason: reason }),
    tracking: (deliveryOrderNo: string) => call('tr.order.tracking.get', '1.0.0', { deliveryOrderNo }),
    products: () => call('ds.xms.logistics_product.getlist', '1.0.0', { transport_mode: '1' }),
  };
}
