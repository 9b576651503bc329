/**
 * Shopee Open Platform v2 client: signed calls, shop authorisation and token refresh, orders,
 * products and stock. Errors come as { error, message, request_id } with an empty `error` on
 * success; an invalid/expired access token refreshes once, throttling backs off (backoff.ts).
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
import { shopeeSign } from './sign.ts';

export const SHOPEE_LIVE = 'https://partner.shopeemobile.com';

export interface ShopeeCredentials {
  partnerId: string;
  partnerKey: string;
  /** Override of the API host (sandbox https://partner.test-stable.shopeemobile.com, tests). */
  baseUrl?: string | undefined;
}

export interface ShopeeTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  shopId: string;
}

interface Envelope {
  error?: string;
  message?: string;
  request_id?: string;
  response?: unknown;
  [k: string]: unknown;
}

const TOKEN_ERRORS = new Set(['error_auth', 'invalid_access_token', 'invalid_acceess_token', 'error_token']);
const BUSY = /busy|rate_limit|too_many|throttl/i;
/** Refresh this long before the access token (valid ~4 h) runs out. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface ShopeeClientOptions {
  credentials: ShopeeCredentials;
  tokens?: ShopeeTokens | null;
  /** Persist refreshed tokens (sealed) before they are used. */
  onTokens?: (t: ShopeeTokens) => Promise<void>;
  retry?: RetryPolicy;
  now?: () => number;
}

export type ShopeeClient = ReturnType<typeof createShopeeClient>;

export function createShopeeClient(opts: ShopeeClientOptions) {
  const { partnerId, partnerKey } = opts.credentials;
  const base = (opts.credentials.baseUrl ?? SHOPEE_LIVE).replace(/\/$/, '');
  const retry = opts.retry ?? defaultRetry;
  const now = opts.now ?? Date.now;
  let tokens = opts.tokens ?? null;

  const remoteError = (e: Envelope, status: number) =>
    appError('PROVIDER_FAILED', 'connectors.remote.error', {
      provider: 'Shopee',
      code: e.error || String(status),
      message: e.message ?? '',
    });

  /** One signed call with throttling retries; returns the parsed envelope (error or not). */
  async function send(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number>,
    body: unknown,
    shop: { accessToken: string; shopId: string } | null,
  ): Promise<{ env: Envelope; status: number }> {
    for (let n = 1; ; n++) {
      const timestamp = Math.floor(now() / 1000);
      const sign = shopeeSign(partnerKey, partnerId, path, timestamp, shop ?? undefined);
      const qs = new URLSearchParams({ partner_id: String(partnerId), timestamp: String(timestamp), sign });
      if (shop) {
        qs.set('access_token', shop.accessToken);
        qs.set('shop_id', shop.shopId);
      }
      for (const [k, v] of Object.entries(query)) qs.set(k, String(v));
      let res: Response;
      try {
        res = await fetch(`${base}${path}?${qs}`, {
          method,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          headers: { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        if (n >= retry.attempts)
          throw appError(
            'PROVIDER_FAILED',
            'connectors.remote.unreachable',
            { provider: 'Shopee' },
            { cause },
          );
        await sleep(backoffDelay(retry, n));
        continue;
      }
      const env = (await res.json().catch(() => ({ error: `http_${res.status}` }))) as Envelope;
      const busy = res.status === 429 || (!!env.error && BUSY.test(env.error)) || res.status >= 500;
      if (!busy) return { env, status: res.status };
      if (n >= retry.attempts) {
        if (res.status >= 500 && res.status !== 503) throw remoteError(env, res.status);
        throw new ThrottledError('Shopee');
      }
      await sleep(backoffDelay(retry, n, retryAfterMs(res.headers.get('retry-after'))));
    }
  }

  const tokensFrom = (r: Envelope, shopId: string): ShopeeTokens => ({
    accessToken: String(r.access_token),
    refreshToken: String(r.refresh_token),
    expiresAt: now() + Number(r.expire_in ?? 14_400) * 1000,
    shopId,
  });

  async function refresh(): Promise<ShopeeTokens> {
    if (!tokens) throw appError('CONFLICT', 'connectors.shopee.notAuthorised');
    const path = '/api/v2/auth/access_token/get';
    const { env, status } = await send(
      'POST',
      path,
      {},
      { refresh_token: tokens.refreshToken, partner_id: Number(partnerId), shop_id: Number(tokens.shopId) },
      null,
    );
    // A refresh token that no longer works (30 days unused, or revoked) needs a new authorisation.
    if (env.error) {
      if (TOKEN_ERRORS.has(env.error) || /refresh/i.test(env.message ?? ''))
        throw appError('CONFLICT', 'connectors.shopee.reauthorise', { message: env.message ?? env.error });
      throw remoteError(env, status);
    }
    tokens = tokensFrom(env, tokens.shopId);
    await opts.onTokens?.(tokens);
    return tokens;
  }

  /** A shop API call: refreshes a token that is about to expire, and once more if Shopee rejects it. */
  async function shopCall<T>(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number> = {},
    body?: unknown,
  ): Promise<T> {
    if (!tokens) throw appError('CONFLICT', 'connectors.shopee.notAuthorised');
    if (tokens.expiresAt - REFRESH_MARGIN_MS <= now()) await refresh();
    for (let tries = 0; ; tries++) {
      const t = tokens!;
      const { env, status } = await send(method, path, query, body, {
        accessToken: t.accessToken,
        shopId: t.shopId,
      });
      if (!env.error) return env.response as T;
      if (tries === 0 && TOKEN_ERRORS.has(env.error)) {
        await refresh();
        continue;
      }
      throw remoteError(env, status);
    }
  }

  return {
    get tokens() {
      return tokens;
    },

    /** The page the shop owner opens to authorise us; Shopee redirects back with code + shop_id. */
    authorizationUrl(redirect: string): string {
      const path = '/api/v2/shop/auth_partner';
      const timestamp = Math.floor(now() / 1000);
      const qs = new URLSearchParams({
        partner_id: String(partnerId),
        timestamp: String(timestamp),
        sign: shopeeSign(partnerKey, partnerId, path, timestamp),
        redirect,
      });
      return `${base}${path}?${qs}`;
    },

    /** One-time code (valid 10 minutes) → access token (4 h) + refresh token (30 days). */
    async exchangeCode(code: string, shopId: string): Promise<ShopeeTokens> {
      const { env, status } = await send(
        'POST',
        '/api/v2/auth/token/get',
        {},
        { code, shop_id: Number(shopId), partner_id: Number(partnerId) },
        null,
      );
      if (env.error) throw remoteError(env, status);
      tokens = tokensFrom(env, shopId);
      await opts.onTokens?.(tokens);
      return tokens;
    },

    refresh,

    /** One page of order numbers updated in [from, to] (≤ 15 days apart), Unix seconds. */
    async getOrderList(p: { from: number; to: number; cursor: string; pageSize: number }) {
      const r = await shopCall<{ more?: boolean; next_cursor?: string; order_list?: { order_sn: string }[] }>(
        'GET',
        '/api/v2/order/get_order_list',
        {
          time_range_field: 'update_time',
          time_from: p.from,
          time_to: p.to,
          page_size: p.pageSize,
          cursor: p.cursor,
        },
      );
      return {
        orderSns: (r?.order_list ?? []).map((o) => o.order_sn),
        more: !!r?.more,
        nextCursor: r?.next_cursor ?? '',
      };
    },

    /** Details of at most 50 orders. */
    async getOrderDetails(sns: string[]): Promise<ShopeeOrderDetail[]> {
      if (sns.length > 50) throw new Error('get_order_detail takes at most 50 order_sn');
      const r = await shopCall<{ order_list?: ShopeeOrderDetail[] }>(
        'GET',
        '/api/v2/order/get_order_detail',
        {
          order_sn_list: sns.join(','),
          response_optional_fields: DETAIL_FIELDS,
        },
      );
      return r?.order_list ?? [];
    },

    /** Every seller SKU of the shop → item id and model id (0 for items without variations). */
    async listSkuModels(): Promise<{ sku: string; itemId: string; modelId: string }[]> {
      const out: { sku: string; itemId: string; modelId: string }[] = [];
      for (let offset = 0; ; ) {
        const page = await shopCall<{
          item?: { item_id: number }[];
          has_next_page?: boolean;
          next_offset?: number;
        }>('GET', '/api/v2/product/get_item_list', { offset, page_size: 100, item_status: 'NORMAL' });
        const ids = (page?.item ?? []).map((i) => i.item_id);
        for (let i = 0; i < ids.length; i += 50) {
          const info = await shopCall<{
            item_list?: { item_id: number; item_sku?: string; has_model?: boolean }[];
          }>('GET', '/api/v2/product/get_item_base_info', { item_id_list: ids.slice(i, i + 50).join(',') });
          for (const item of info?.item_list ?? []) {
            if (!item.has_model) {
              if (item.item_sku) out.push({ sku: item.item_sku, itemId: String(item.item_id), modelId: '0' });
              continue;
            }
            const models = await shopCall<{ model?: { model_id: number; model_sku?: string }[] }>(
              'GET',
              '/api/v2/product/get_model_list',
              { item_id: item.item_id },
            );
            for (const m of models?.model ?? [])
              if (m.model_sku)
                out.push({ sku: m.model_sku, itemId: String(item.item_id), modelId: String(m.model_id) });
          }
        }
        if (!page?.has_next_page) break;
        offset = page.next_offset ?? offset + ids.length;
      }
      return out;
    },

    /**
     * v2.logistics.ship_order for a seller-arranged (non-integrated) logistics channel: the order
     * is shipped with the seller's own tracking number. A refusal throws with Shopee's error.
     */
    async shipOrderNonIntegrated(orderSn: string, trackingNumber: string, packageNumber?: string) {
      await shopCall<unknown>('POST', '/api/v2/logistics/ship_order', undefined, {
        order_sn: orderSn,
        ...(packageNumber ? { package_number: packageNumber } : {}),
        non_integrated: { tracking_number: trackingNumber },
      });
    },

    /** Absolute seller stock for models of one item. */
    async updateStock(itemId: string, stock: { modelId: string; quantity: number }[]) {
      const r = await shopCall<{
        success_list?: { model_id: number }[];
        failure_list?: { model_id: number; failed_reason?: string }[];
      }>('POST', '/api/v2/product/update_stock', undefined, {
        item_id: Number(itemId),
        stock_list: stock.map((s) => ({
          model_id: Number(s.modelId),
          seller_stock: [{ stock: s.quantity }],
        })),
      });
      return {
        failures: new Map(
          (r?.failure_list ?? []).map((f) => [String(f.model_id), f.failed_reason ?? 'failed']),
        ),
      };
    },
  };
}

const DETAIL_FIELDS = [
  'buyer_username',
  'recipient_address',
  'item_list',
  'total_amount',
  'pay_time',
  'payment_method',
  'shipping_carrier',
  'actual_shipping_fee',
  'estimated_shipping_fee',
  'note',
].join(',');

export interface ShopeeOrderDetail {
  order_sn: string;
  region?: string;
  currency?: string;
  cod?: boolean;
  order_status: string;
  create_time: number;
  update_time?: number;
  pay_time?: number;
  buyer_username?: string;
  message_to_seller?: string;
  note?: string;
  total_amount?: number;
  actual_shipping_fee?: number;
  estimated_shipping_fee?: number;
  payment_method?: string;
  shipping_carrier?: string;
  recipient_address?: {
    name?: string;
    phone?: string;
    town?: string;
    district?: string;
    city?: string;
    state?: string;
    region?: string;
    zipcode?: string;
    full_address?: string;
  };
  item_list?: {
    item_id: number;
    item_name?: string;
    item_sku?: string;
    model_id: number;
    model_name?: string;
    model_sku?: string;
    model_quantity_purchased: number;
    model_original_price?: number;
    model_discounted_price?: number;
  }[];
}
