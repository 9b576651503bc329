/**
 * Amazon Selling Partner API client: Login with Amazon token exchange (refresh_token grant,
 * cached until shortly before expiry), the x-amz-access-token header, regional endpoints, Orders
 * API v0 (getOrders / getOrderItems with NextToken) and Listings Items 2021-08-01 PATCH for
 * quantities. Errors are { errors: [{ code, message, details }] }; 429 waits (Retry-After, or the
 * x-amzn-RateLimit-Limit rate) with exponential backoff and jitter, a bounded number of times.
 */
import { appError } from '../../../kernel/errors.ts';
import {
  backoffDelay,
  defaultRetry,
  REQUEST_TIMEOUT_MS,
  type RetryPolicy,
  retryAfterMs,
  sleep,
  ThrottledError,
} from '../backoff.ts';

export const SP_API_ENDPOINTS = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
} as const;
export type SpApiRegion = keyof typeof SP_API_ENDPOINTS;
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Merchant token (seller id): the Listings Items API addresses listings by seller + SKU. */
  sellerId: string;
  region: SpApiRegion;
  /** Overrides (sandbox endpoints, tests). */
  endpoint?: string | undefined;
  lwaUrl?: string | undefined;
  /** Product type sent with listings patches; default PRODUCT. */
  productType?: string | undefined;
}

export interface AmazonClientOptions {
  credentials: AmazonCredentials;
  marketplaceId: string;
  retry?: RetryPolicy;
  now?: () => number;
}

interface Money {
  CurrencyCode?: string;
  Amount?: string;
}

export interface SpOrder {
  AmazonOrderId: string;
  PurchaseDate: string;
  LastUpdateDate?: string;
  OrderStatus: string;
  FulfillmentChannel?: 'AFN' | 'MFN';
  OrderTotal?: Money;
  PaymentMethod?: string;
  MarketplaceId?: string;
  ShippingAddress?: {
    Name?: string;
    AddressLine1?: string;
    AddressLine2?: string;
    AddressLine3?: string;
    City?: string;
    StateOrRegion?: string;
    PostalCode?: string;
    CountryCode?: string;
    Phone?: string;
  };
  BuyerInfo?: { BuyerEmail?: string; BuyerName?: string };
}

export interface SpOrderItem {
  OrderItemId: string;
  SellerSKU?: string;
  ASIN?: string;
  Title?: string;
  QuantityOrdered: number;
  ItemPrice?: Money;
  ItemTax?: Money;
  ShippingPrice?: Money;
  ShippingTax?: Money;
  PromotionDiscount?: Money;
  ShippingDiscount?: Money;
}

/** PackageDetail of confirmShipment (shipDate ISO 8601; carrierName required when carrierCode is Other). */
export interface AmazonPackageDetail {
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipDate: string;
  orderItems: { orderItemId: string; quantity: number }[];
}

export type AmazonClient = ReturnType<typeof createAmazonClient>;

interface RestrictedResource {
  path: string;
  dataElements: string[];
}

export function createAmazonClient(opts: AmazonClientOptions) {
  const c = opts.credentials;
  const endpoint = (c.endpoint ?? SP_API_ENDPOINTS[c.region]).replace(/\/$/, '');
  const retry = opts.retry ?? defaultRetry;
  const now = opts.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;

  const remoteError = (status: number, body: unknown) => {
    const e = (body as { errors?: { code?: string; message?: string }[] } | null)?.errors?.[0];
    return appError('PROVIDER_FAILED', 'connectors.remote.error', {
      provider: 'Amazon',
      code: e?.code ?? String(status),
      message: e?.message ?? '',
    });
  };

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt - 60_000 > now()) return token.value;
    const res = await fetch(c.lwaUrl ?? LWA_TOKEN_URL, {
      method: 'POST',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.refreshToken,
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }),
    }).catch((cause) => {
      throw appError('PROVIDER_FAILED', 'connectors.remote.unreachable', { provider: 'Amazon' }, { cause });
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok || typeof body.access_token !== 'string')
      throw appError('CONFLICT', 'connectors.amazon.lwaRejected', {
        code: String(body.error ?? res.status),
        message: String(body.error_description ?? ''),
      });
    token = { value: body.access_token, expiresAt: now() + Number(body.expires_in ?? 3600) * 1000 };
    return token.value;
  }

  /**
   * Buyer and address data (PII) of getOrders/getOrderItems need a Restricted Data Token from the
   * Tokens API, granted only to apps with the restricted roles. Without those roles Amazon refuses
   * the token: orders are then read with the plain access token and arrive without PII.
   */
  const rdts = new Map<string, { value: string; expiresAt: number } | null>();
  async function restrictedToken(r: RestrictedResource): Promise<string | null> {
    const cached = rdts.get(r.path);
    if (cached === null) return null;
    if (cached && cached.expiresAt - 60_000 > now()) return cached.value;
    try {
      const res = await call<{ restrictedDataToken?: string; expiresIn?: number }>(
        'POST',
        '/tokens/2021-03-01/restrictedDataToken',
        new URLSearchParams(),
        { restrictedResources: [{ method: 'GET', path: r.path, dataElements: r.dataElements }] },
      );
      if (!res.restrictedDataToken) throw new Error('no restrictedDataToken');
      rdts.set(r.path, {
        value: res.restrictedDataToken,
        expiresAt: now() + Number(res.expiresIn ?? 3600) * 1000,
      });
      return res.restrictedDataToken;
    } catch (e) {
      if (e instanceof ThrottledError) throw e;
      rdts.set(r.path, null);
      return null;
    }
  }

  async function call<T>(
    method: 'GET' | 'PATCH' | 'POST',
    path: string,
    query: URLSearchParams,
    body?: unknown,
    restricted?: RestrictedResource,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      const rdt = restricted ? await restrictedToken(restricted) : null;
      const res = await fetch(`${endpoint}${path}?${query}`, {
        method,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          'x-amz-access-token': rdt ?? (await accessToken()),
          'content-type': 'application/json',
          'user-agent': 'Cunkou/1.0 (Language=TypeScript)',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).catch((cause) => {
        throw appError('PROVIDER_FAILED', 'connectors.remote.unreachable', { provider: 'Amazon' }, { cause });
      });
      const parsed = (await res.json().catch(() => null)) as unknown;
      if (res.ok) return parsed as T;
      if (res.status === 403 && n === 1) {
        // An access token revoked or expired early: fetch new ones once.
        token = null;
        if (restricted) rdts.delete(restricted.path);
        continue;
      }
      if (res.status !== 429 && res.status < 500) throw remoteError(res.status, parsed);
      if (n >= retry.attempts) {
        if (res.status === 429 || res.status === 503) throw new ThrottledError('Amazon');
        throw remoteError(res.status, parsed);
      }
      // The rate header is requests per second for this operation: wait one request's worth.
      const rate = Number(res.headers.get('x-amzn-ratelimit-limit'));
      const hint =
        retryAfterMs(res.headers.get('retry-after')) ?? (rate > 0 ? Math.ceil(1000 / rate) : undefined);
      await sleep(Math.max(backoffDelay(retry, n), Math.min(hint ?? 0, retry.maxDelayMs)));
    }
  }

  return {
    accessToken,

    /** One page of orders updated in [after, before] (ISO 8601); a NextToken overrides the filters. */
    async getOrders(p: { lastUpdatedAfter: string; lastUpdatedBefore: string; nextToken: string | null }) {
      const q = new URLSearchParams({ MarketplaceIds: opts.marketplaceId });
      if (p.nextToken) q.set('NextToken', p.nextToken);
      else {
        q.set('LastUpdatedAfter', p.lastUpdatedAfter);
        q.set('LastUpdatedBefore', p.lastUpdatedBefore);
      }
      const r = await call<{
        payload?: { Orders?: SpOrder[]; NextToken?: string; LastUpdatedBefore?: string };
      }>('GET', '/orders/v0/orders', q, undefined, {
        path: '/orders/v0/orders',
        dataElements: ['buyerInfo', 'shippingAddress'],
      });
      return {
        orders: r.payload?.Orders ?? [],
        nextToken: r.payload?.NextToken || null,
        lastUpdatedBefore: r.payload?.LastUpdatedBefore ?? null,
      };
    },

    /** Every item of one order, following the items' own NextToken. */
    async getOrderItems(orderId: string): Promise<SpOrderItem[]> {
      const items: SpOrderItem[] = [];
      let next: string | null = null;
      do {
        const q = new URLSearchParams(next ? { NextToken: next } : {});
        const r: { payload?: { OrderItems?: SpOrderItem[]; NextToken?: string } } = await call(
          'GET',
          `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`,
          q,
          undefined,
          // One token for every order: the documented generic path with {orderId}.
          { path: '/orders/v0/orders/{orderId}/orderItems', dataElements: ['buyerInfo'] },
        );
        items.push(...(r.payload?.OrderItems ?? []));
        next = r.payload?.NextToken || null;
      } while (next);
      return items;
    },

    /**
     * Orders API v0 confirmShipment: one package of a merchant-fulfilled order. Amazon answers 204
     * with no body; a refusal (400 InvalidInput, 404 NotFound, …) throws with Amazon's code and message.
     */
    async confirmShipment(orderId: string, packageDetail: AmazonPackageDetail): Promise<void> {
      await call<null>(
        'POST',
        `/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`,
        new URLSearchParams(),
        { marketplaceId: opts.marketplaceId, packageDetail },
      );
    },

    /** Replace the merchant-fulfilled quantity of one SKU. ACCEPTED, or INVALID with Amazon's issues. */
    async patchQuantity(sku: string, quantity: number) {
      const q = new URLSearchParams({ marketplaceIds: opts.marketplaceId, issueLocale: 'en_US' });
      const r = await call<{
        status?: string;
        issues?: { code?: string; message?: string; severity?: string }[];
      }>(
        'PATCH',
        `/listings/2021-08-01/items/${encodeURIComponent(c.sellerId)}/${encodeURIComponent(sku)}`,
        q,
        {
          productType: c.productType ?? 'PRODUCT',
          patches: [
            {
              op: 'replace',
              path: '/attributes/fulfillment_availability',
              value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
            },
          ],
        },
      );
      const errors = (r.issues ?? []).filter((i) => i.severity === 'ERROR');
      return {
        ok: r.status === 'ACCEPTED',
        message:
          errors.map((i) => i.message).join('; ') ||
          (r.status !== 'ACCEPTED' ? (r.status ?? 'INVALID') : undefined),
      };
    },
  };
}
