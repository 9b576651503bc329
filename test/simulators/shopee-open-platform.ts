/**
 * Local Shopee Open Platform v2 server following the documented contract
 * (https://open.shopee.com/documents/v2): common query parameters partner_id, timestamp (within
 * 5 minutes), sign = hex HMAC-SHA256(partner_key, partner_id + path + timestamp [+ access_token +
 * shop_id]); auth_partner redirect with code + shop_id; token/get and access_token/get (4-hour
 * access tokens, refresh tokens replaced on use); get_order_list by update_time (≤ 15 days,
 * page_size ≤ 100, cursor/more/next_cursor), get_order_detail (≤ 50 order_sn), product item/model
 * lists and update_stock. Errors: { error, message, request_id }. Can throttle (429) and expire tokens.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type RunningChannelSim, type SimRequest, send, startChannelSim } from './channel-sim-kit.ts';

export interface ShopeeSimOrder {
  order_sn: string;
  order_status: string;
  currency: string;
  region: string;
  create_time: number;
  update_time: number;
  total_amount: number;
  buyer_username: string;
  recipient_address: Record<string, string>;
  actual_shipping_fee: number;
  payment_method: string;
  cod: boolean;
  shipping_carrier: string;
  message_to_seller: string;
  item_list: {
    item_id: number;
    item_name: string;
    item_sku: string;
    model_id: number;
    model_name: string;
    model_sku: string;
    model_quantity_purchased: number;
    model_original_price: number;
    model_discounted_price: number;
  }[];
}

export interface ShopeeSimItem {
  item_id: number;
  item_sku: string;
  models: { model_id: number; model_sku: string }[];
}

export interface ShopeeSimulator extends RunningChannelSim {
  orders: Map<string, ShopeeSimOrder>;
  items: ShopeeSimItem[];
  stockCalls: { item_id: number; stock_list: { model_id: number; seller_stock: { stock: number }[] }[] }[];
  /** Model ids whose stock updates fail (failure_list). */
  rejectModels: Set<number>;
  /** Accepted v2.logistics.ship_order calls. */
  shipCalls: { order_sn: string; package_number?: string; non_integrated?: { tracking_number?: string } }[];
  /** The shop owner logs in and approves: the code Shopee would append to the redirect. */
  issueCode(): string;
  /** The next N shop API calls answer HTTP 429 error_busy. */
  throttleNext(n: number): void;
  /** Make the current access token expire now (Shopee answers error_auth / Invalid access_token). */
  expireAccessToken(): void;
  setStatus(sn: string, status: string): void;
  counters: { tokenGets: number; refreshes: number };
}

export async function startShopeeSimulator(opts: {
  partnerId: number;
  partnerKey: string;
  shopId: number;
}): Promise<ShopeeSimulator> {
  const codes = new Set<string>();
  const access = new Map<string, number>(); // token → expires (ms)
  const refresh = new Set<string>();
  let throttle = 0;
  const orders = new Map<string, ShopeeSimOrder>();
  const items: ShopeeSimItem[] = [];
  const stockCalls: ShopeeSimulator['stockCalls'] = [];
  const rejectModels = new Set<number>();
  const shipCalls: ShopeeSimulator['shipCalls'] = [];
  const counters = { tokenGets: 0, refreshes: 0 };
  const rid = () => randomBytes(8).toString('hex');
  const fail = (res: ServerResponse, status: number, error: string, message: string) =>
    send(res, status, { error, message, request_id: rid() });
  const ok = (res: ServerResponse, response: unknown) =>
    send(res, 200, { error: '', message: '', request_id: rid(), response });
  const issueTokens = () => {
    const a = `acc_${randomBytes(8).toString('hex')}`;
    const r = `ref_${randomBytes(8).toString('hex')}`;
    access.set(a, Date.now() + 4 * 3600_000);
    refresh.add(r);
    return { access_token: a, refresh_token: r, expire_in: 14_400 };
  };

  const checkCommon = (req: SimRequest, res: ServerResponse, shopApi: boolean): boolean => {
    const q = req.query;
    if (Number(q.get('partner_id')) !== opts.partnerId) {
      fail(res, 403, 'error_param', 'partner_id is invalid.');
      return false;
    }
    const ts = Number(q.get('timestamp'));
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 300) {
      fail(res, 403, 'error_param', 'Invalid timestamp.');
      return false;
    }
    const base = `${opts.partnerId}${req.path}${ts}${shopApi ? `${q.get('access_token')}${q.get('shop_id')}` : ''}`;
    const sign = createHmac('sha256', opts.partnerKey).update(base).digest('hex');
    if (q.get('sign') !== sign) {
      fail(res, 403, 'error_sign', 'Wrong sign.');
      return false;
    }
    if (!shopApi) return true;
    const exp = access.get(q.get('access_token') ?? '');
    if (!exp || exp <= Date.now() || Number(q.get('shop_id')) !== opts.shopId) {
      fail(res, 403, 'error_auth', 'Invalid access_token.');
      return false;
    }
    return true;
  };

  const sim = await startChannelSim((req, res) => {
    const q = req.query;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.path === '/api/v2/shop/auth_partner') {
      if (!checkCommon(req, res, false)) return;
      const redirect = q.get('redirect');
      if (!redirect) return fail(res, 400, 'error_param', 'redirect is required.');
      const code = [...codes][0] ?? '';
      const sep = redirect.includes('?') ? '&' : '?';
      res.writeHead(302, { location: `${redirect}${sep}code=${code}&shop_id=${opts.shopId}` });
      return res.end();
    }
    if (req.path === '/api/v2/auth/token/get') {
      if (!checkCommon(req, res, false)) return;
      if (Number(body.partner_id) !== opts.partnerId || Number(body.shop_id) !== opts.shopId)
        return fail(res, 400, 'error_param', 'partner_id or shop_id is invalid.');
      if (!codes.delete(String(body.code))) return fail(res, 403, 'error_auth', 'Invalid code.');
      counters.tokenGets++;
      return send(res, 200, { error: '', message: '', request_id: rid(), ...issueTokens() });
    }
    if (req.path === '/api/v2/auth/access_token/get') {
      if (!checkCommon(req, res, false)) return;
      if (!refresh.delete(String(body.refresh_token)))
        return fail(res, 403, 'error_auth', 'Invalid refresh_token.');
      counters.refreshes++;
      return send(res, 200, {
        error: '',
        message: '',
        request_id: rid(),
        partner_id: opts.partnerId,
        shop_id: opts.shopId,
        ...issueTokens(),
      });
    }
    if (
      !req.path.startsWith('/api/v2/order/') &&
      !req.path.startsWith('/api/v2/product/') &&
      !req.path.startsWith('/api/v2/logistics/')
    )
      return fail(res, 404, 'error_not_found', 'Wrong api path.');
    if (throttle > 0) {
      throttle--;
      return fail(res, 429, 'error_busy', 'The system is busy, please try again later.');
    }
    if (!checkCommon(req, res, true)) return;

    if (req.path === '/api/v2/order/get_order_list') {
      if (q.get('time_range_field') !== 'update_time' && q.get('time_range_field') !== 'create_time')
        return fail(res, 400, 'error_param', 'time_range_field is invalid.');
      const from = Number(q.get('time_from'));
      const to = Number(q.get('time_to'));
      if (!(to >= from) || to - from > 15 * 86_400)
        return fail(res, 400, 'error_param', 'time range must be at most 15 days.');
      const size = Number(q.get('page_size'));
      if (!(size >= 1 && size <= 100)) return fail(res, 400, 'error_param', 'page_size must be 1-100.');
      const field = q.get('time_range_field') as 'update_time' | 'create_time';
      const all = [...orders.values()]
        .filter((o) => o[field] >= from && o[field] <= to)
        .sort((a, b) => a[field] - b[field] || a.order_sn.localeCompare(b.order_sn));
      const start = Number(q.get('cursor') || 0);
      const page = all.slice(start, start + size);
      const more = start + size < all.length;
      return ok(res, {
        more,
        next_cursor: more ? String(start + size) : '',
        order_list: page.map((o) => ({ order_sn: o.order_sn })),
      });
    }
    if (req.path === '/api/v2/order/get_order_detail') {
      const sns = (q.get('order_sn_list') ?? '').split(',').filter(Boolean);
      if (!sns.length || sns.length > 50)
        return fail(res, 400, 'error_param', 'order_sn_list must have 1-50 items.');
      return ok(res, {
        order_list: sns.flatMap((s) => (orders.has(s) ? [structuredClone(orders.get(s)!)] : [])),
      });
    }
    if (req.path === '/api/v2/product/get_item_list') {
      const offset = Number(q.get('offset') ?? 0);
      const size = Number(q.get('page_size') ?? 10);
      if (!(size >= 1 && size <= 100)) return fail(res, 400, 'error_param', 'page_size must be 1-100.');
      const page = items.slice(offset, offset + size);
      return ok(res, {
        item: page.map((i) => ({ item_id: i.item_id, item_status: 'NORMAL', update_time: 0 })),
        total_count: items.length,
        has_next_page: offset + size < items.length,
        next_offset: offset + size,
      });
    }
    if (req.path === '/api/v2/product/get_item_base_info') {
      const ids = (q.get('item_id_list') ?? '').split(',').map(Number);
      if (ids.length > 50) return fail(res, 400, 'error_param', 'item_id_list must have at most 50 items.');
      return ok(res, {
        item_list: items
          .filter((i) => ids.includes(i.item_id))
          .map((i) => ({ item_id: i.item_id, item_sku: i.item_sku, has_model: i.models.length > 0 })),
      });
    }
    if (req.path === '/api/v2/product/get_model_list') {
      const item = items.find((i) => i.item_id === Number(q.get('item_id')));
      if (!item) return fail(res, 400, 'error_item_not_found', 'Item not found.');
      return ok(res, { tier_variation: [], model: item.models });
    }
    if (req.path === '/api/v2/product/update_stock' && req.method === 'POST') {
      const call = body as unknown as ShopeeSimulator['stockCalls'][number];
      const item = items.find((i) => i.item_id === call.item_id);
      if (!item) return fail(res, 400, 'error_item_not_found', 'Item not found.');
      stockCalls.push(call);
      const success_list = [];
      const failure_list = [];
      for (const s of call.stock_list ?? []) {
        if (rejectModels.has(s.model_id))
          failure_list.push({ model_id: s.model_id, failed_reason: 'Stock is locked by a promotion.' });
        else success_list.push({ model_id: s.model_id, location_id: '', stock: s.seller_stock?.[0]?.stock });
      }
      return ok(res, { success_list, failure_list });
    }
    // v2.logistics.ship_order, seller-arranged (non-integrated) channel: only READY_TO_SHIP orders
    // ship; afterwards Shopee moves the order on (PROCESSED here) and refuses a second call.
    if (req.path === '/api/v2/logistics/ship_order' && req.method === 'POST') {
      const call = body as unknown as ShopeeSimulator['shipCalls'][number];
      const o = orders.get(String(call.order_sn ?? ''));
      if (!o) return fail(res, 400, 'logistics.order_not_found', 'Order not found.');
      const tracking = call.non_integrated?.tracking_number;
      if (typeof tracking !== 'string' || !tracking.trim())
        return fail(res, 400, 'logistics.invalid_param', 'non_integrated.tracking_number is required.');
      if (o.order_status !== 'READY_TO_SHIP')
        return fail(
          res,
          400,
          'logistics.order_status_error',
          `Order status ${o.order_status} can not arrange shipment.`,
        );
      shipCalls.push(call);
      o.order_status = 'PROCESSED';
      o.update_time = Math.floor(Date.now() / 1000);
      return ok(res, {});
    }
    return fail(res, 404, 'error_not_found', 'Wrong api path.');
  });

  return {
    ...sim,
    orders,
    items,
    stockCalls,
    rejectModels,
    shipCalls,
    counters,
    issueCode() {
      const c = `code_${randomBytes(6).toString('hex')}`;
      codes.add(c);
      return c;
    },
    throttleNext(n) {
      throttle = n;
    },
    expireAccessToken() {
      for (const k of access.keys()) access.set(k, Date.now() - 1);
    },
    setStatus(sn, status) {
      const o = orders.get(sn)!;
      o.order_status = status;
      o.update_time = Math.floor(Date.now() / 1000);
    },
  };
}
