/**
 * YunExpress (云途) OMS API client: REST paths under `<base>/api/`, HTTP Basic authorisation with
 * base64("CustomerCode&ApiSecret"), JSON envelopes `{Code: '0000' on success, Message, Item}`.
 * Throttling (429), gateway errors (5xx) and network failures are retried with the shared
 * connector backoff; each call has a timeout. Creating an order twice with the same
 * CustomerOrderNumber is refused by YunExpress, which makes retries safe.
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

export interface YunExpressCredentials {
  customerCode: string;
  apiSecret: string;
}

export interface YunEnvelope {
  Code?: string;
  Message?: string;
  Item?: unknown;
  Items?: unknown;
}

export interface YunExpressClientOptions {
  credentials: YunExpressCredentials;
  /** e.g. http://oms.api.yunexpress.com (the client appends /api/...). */
  baseUrl: string;
  isAllowedHost: (host: string) => boolean;
  retry?: RetryPolicy;
}

export const YUNEXPRESS_PRODUCTION = 'http://oms.api.yunexpress.com';
export const YUNEXPRESS_SANDBOX = 'http://omsapi.uat.yunexpress.com';

const carrier = 'YunExpress';

export type YunExpressClient = ReturnType<typeof createYunExpressClient>;

export function createYunExpressClient(opts: YunExpressClientOptions) {
  const retry = opts.retry ?? defaultRetry;
  const base = `${opts.baseUrl.replace(/\/+$/, '')}/api`;
  const auth = `Basic ${Buffer.from(`${opts.credentials.customerCode}&${opts.credentials.apiSecret}`).toString('base64')}`;

  async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<YunEnvelope> {
    for (let n = 1; ; n++) {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: auth,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (cause) {
        if (n >= retry.attempts)
          throw appError('PROVIDER_FAILED', 'carriers.remote.unreachable', { carrier }, { cause });
        await sleep(backoffDelay(retry, n));
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        if (n >= retry.attempts) {
          if (res.status === 429) throw appError('RATE_LIMITED', 'carriers.remote.throttled', { carrier });
          throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', { carrier, status: res.status });
        }
        await sleep(backoffDelay(retry, n, retryAfterMs(res.headers.get('retry-after'))));
        continue;
      }
      const env = (await res.json().catch(() => null)) as YunEnvelope | null;
      if (res.status === 401 || res.status === 403)
        throw appError('PROVIDER_FAILED', 'carriers.remote.authFailed', {
          carrier,
          message: env?.Message ?? `HTTP ${res.status}`,
        });
      if (!env || typeof env.Code !== 'string')
        throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', { carrier, status: res.status });
      return env;
    }
  }

  async function download(url: string): Promise<Buffer> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw appError('PROVIDER_FAILED', 'carriers.label.badUrl', { carrier });
    }
    if (!/^https?:$/.test(parsed.protocol) || !opts.isAllowedHost(parsed.hostname.toLowerCase()))
      throw appError('PROVIDER_FAILED', 'carriers.label.hostNotAllowed', { host: parsed.hostname });
    for (let n = 1; ; n++) {
      let res: Response;
      try {
        res = await fetch(parsed, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (cause) {
        if (n >= retry.attempts)
          throw appError('PROVIDER_FAILED', 'carriers.remote.unreachable', { carrier }, { cause });
        await sleep(backoffDelay(retry, n));
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && n < retry.attempts) {
        await sleep(backoffDelay(retry, n, retryAfterMs(res.headers.get('retry-after'))));
        continue;
      }
      if (!res.ok)
        throw appError('PROVIDER_FAILED', 'carriers.remote.httpError', { carrier, status: res.status });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw appError('PROVIDER_FAILED', 'carriers.label.notPdf', { carrier });
      return bytes;
    }
  }

  const q = encodeURIComponent;
  return {
    download,
    createOrders: (orders: unknown[]) => send('POST', '/WayBill/CreateOrder', orders),
    getOrder: (orderNumber: string) => send('GET', `/WayBill/GetOrder?OrderNumber=${q(orderNumber)}`),
    printLabels: (orderNumbers: string[]) => send('POST', '/Label/Print', orderNumbers),
    /** OrderType: 1 = YunExpress waybill number, 2 = customer order number, 3 = tracking number. */
    deleteOrder: (orderNumber: string) =>
      send('POST', '/WayBill/Delete', { OrderType: 1, OrderNumber: orderNumber }),
    trackInfo: (orderNumber: string) =>
      send('GET', `/Tracking/GetTrackAllInfo?OrderNumber=${q(orderNumber)}`),
    shippingMethods: () => send('GET', '/Common/GetShippingMethods'),
  };
}
