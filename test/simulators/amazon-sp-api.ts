/**
 * Local Amazon SP-API + Login with Amazon server following the documented contracts
 * (https://developer-docs.amazon.com/sp-api): POST /auth/o2/token (grant_type=refresh_token,
 * client_id, client_secret → access_token, expires_in 3600); every SP-API call needs
 * x-amz-access-token; Orders API v0 getOrders (MarketplaceIds, LastUpdatedAfter, LastUpdatedBefore
 * at least 2 minutes before now, NextToken overriding the filters) and getOrderItems (own
 * NextToken); Listings Items 2021-08-01 PATCH (ACCEPTED, or INVALID with issues for an unknown
 * SKU). Errors are { errors: [{ code, message, details }] }; 429 QuotaExceeded with
 * x-amzn-RateLimit-Limit when throttling.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type RunningChannelSim, send, startChannelSim } from './channel-sim-kit.ts';

interface Money {
  CurrencyCode: string;
  Amount: string;
}

export interface AmazonSimOrder {
  AmazonOrderId: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: string;
  FulfillmentChannel: 'AFN' | 'MFN';
  MarketplaceId: string;
  OrderTotal: Money;
  PaymentMethod: string;
  ShippingAddress: Record<string, string>;
  BuyerInfo: { BuyerEmail?: string; BuyerName?: string };
  items: {
    OrderItemId: string;
    SellerSKU: string;
    ASIN: string;
    Title: string;
    QuantityOrdered: number;
    ItemPrice: Money;
    ItemTax: Money;
    ShippingPrice?: Money;
    PromotionDiscount?: Money;
  }[];
}

/** A one-line $25 order to Austin, TX, bought two hours ago: tests change only what they test. */
export function amazonSimOrder(o: {
  id: string;
  marketplaceId: string;
  itemId: string;
  sku: string;
  status?: string;
  fulfillment?: 'AFN' | 'MFN';
}): AmazonSimOrder {
  const usd = (amount: string) => ({ CurrencyCode: 'USD', Amount: amount });
  return {
    AmazonOrderId: o.id,
    PurchaseDate: new Date(Date.now() - 7_200_000).toISOString(),
    LastUpdateDate: new Date(Date.now() - 3_600_000).toISOString(),
    OrderStatus: o.status ?? 'Unshipped',
    FulfillmentChannel: o.fulfillment ?? 'MFN',
    MarketplaceId: o.marketplaceId,
    OrderTotal: usd('25.00'),
    PaymentMethod: 'Other',
    ShippingAddress: { City: 'Austin', StateOrRegion: 'TX', PostalCode: '73301', CountryCode: 'US' },
    BuyerInfo: {},
    items: [
      {
        OrderItemId: o.itemId,
        SellerSKU: o.sku,
        ASIN: 'B0C',
        Title: 'Candle',
        QuantityOrdered: 1,
        ItemPrice: usd('25.00'),
        ItemTax: usd('0.00'),
      },
    ],
  };
}

export interface AmazonSimulator extends RunningChannelSim {
  orders: Map<string, AmazonSimOrder>;
  /** SKUs that exist as listings for the seller. */
  skus: Set<string>;
  patches: { sellerId: string; sku: string; marketplaceIds: string | null; body: unknown }[];
  /** Accepted confirmShipment calls (Orders v0 shipmentConfirmation). */
  confirmations: {
    orderId: string;
    body: { marketplaceId: string; packageDetail: Record<string, unknown> };
  }[];
  throttleNext(n: number): void;
  setStatus(id: string, status: string): void;
  counters: { tokens: number };
}

export async function startAmazonSimulator(opts: {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  marketplaceId: string;
  ordersPerPage?: number;
  itemsPerPage?: number;
  /** Whether the app has the restricted roles (PII): without them no Restricted Data Token is issued. */
  piiRoles?: boolean;
}): Promise<AmazonSimulator> {
  const tokens = new Set<string>();
  /** Restricted Data Tokens → the paths (and data elements) they open. */
  const rdts = new Map<string, { path: string; dataElements: string[] }[]>();
  const pii = (req: { headers: Record<string, unknown> }, path: string, element: string) =>
    !!rdts
      .get(String(req.headers['x-amz-access-token']))
      ?.some((r) => r.path === path && r.dataElements.includes(element));
  const orders = new Map<string, AmazonSimOrder>();
  const skus = new Set<string>();
  const patches: AmazonSimulator['patches'] = [];
  const confirmations: AmazonSimulator['confirmations'] = [];
  const counters = { tokens: 0 };
  let throttle = 0;
  const err = (
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) => send(res, status, { errors: [{ code, message, details: '' }] }, headers);
  const pageToken = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64');
  const readToken = (t: string) =>
    JSON.parse(Buffer.from(t, 'base64').toString('utf8')) as Record<string, string | number>;

  const sim = await startChannelSim((req, res) => {
    if (req.path === '/auth/o2/token' && req.method === 'POST') {
      const b = (req.body ?? {}) as Record<string, string>;
      if (b.grant_type !== 'refresh_token')
        return send(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type' });
      if (b.client_id !== opts.clientId || b.client_secret !== opts.clientSecret)
        return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      if (b.refresh_token !== opts.refreshToken)
        return send(res, 400, {
          error: 'invalid_grant',
          error_description: 'The request has an invalid grant parameter : refresh_token',
        });
      const t = `Atza|${randomBytes(12).toString('hex')}`;
      tokens.add(t);
      counters.tokens++;
      return send(res, 200, {
        access_token: t,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: opts.refreshToken,
      });
    }
    const accessToken = String(req.headers['x-amz-access-token'] ?? '');
    if (req.path === '/tokens/2021-03-01/restrictedDataToken' && req.method === 'POST') {
      if (!tokens.has(accessToken))
        return err(res, 403, 'Unauthorized', 'Access to requested resource is denied.');
      if (opts.piiRoles === false)
        return err(
          res,
          403,
          'Unauthorized',
          'Application does not have access to one or more requested data elements',
        );
      const resources = (
        req.body as { restrictedResources?: { method: string; path: string; dataElements?: string[] }[] }
      )?.restrictedResources;
      if (!Array.isArray(resources) || !resources.length)
        return err(res, 400, 'InvalidInput', 'restrictedResources is required.');
      const t = `Atz.sprdt|${randomBytes(12).toString('hex')}`;
      rdts.set(
        t,
        resources.map((r) => ({ path: r.path, dataElements: r.dataElements ?? [] })),
      );
      return send(res, 200, { restrictedDataToken: t, expiresIn: 3600 });
    }
    if (!tokens.has(accessToken) && !rdts.has(accessToken))
      return err(res, 403, 'Unauthorized', 'Access to requested resource is denied.');
    if (throttle > 0) {
      throttle--;
      return err(res, 429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', {
        'x-amzn-ratelimit-limit': '0.0167',
      });
    }
    const q = req.query;
    if (req.path === '/orders/v0/orders' && req.method === 'GET') {
      if (q.get('MarketplaceIds') !== opts.marketplaceId)
        return err(
          res,
          400,
          'InvalidInput',
          'MarketplaceIds is required and must be a marketplace of this seller.',
        );
      let filter: { after: string; before: string; offset: number };
      if (q.get('NextToken')) {
        const t = readToken(q.get('NextToken')!);
        filter = { after: String(t.after), before: String(t.before), offset: Number(t.offset) };
      } else {
        const after = q.get('LastUpdatedAfter');
        if (!after || Number.isNaN(Date.parse(after)))
          return err(res, 400, 'InvalidInput', 'Either CreatedAfter or LastUpdatedAfter must be specified.');
        const before = q.get('LastUpdatedBefore') ?? new Date(Date.now() - 120_000).toISOString();
        if (Date.parse(before) > Date.now() - 120_000)
          return err(
            res,
            400,
            'InvalidInput',
            'LastUpdatedBefore must be at least 2 minutes before the request time.',
          );
        filter = { after, before, offset: 0 };
      }
      const all = [...orders.values()]
        .filter((o) => o.LastUpdateDate >= filter.after && o.LastUpdateDate <= filter.before)
        .sort(
          (a, b) =>
            a.LastUpdateDate.localeCompare(b.LastUpdateDate) ||
            a.AmazonOrderId.localeCompare(b.AmazonOrderId),
        );
      const size = opts.ordersPerPage ?? 2;
      const page = all.slice(filter.offset, filter.offset + size);
      const more = filter.offset + size < all.length;
      return send(res, 200, {
        payload: {
          // Buyer and address PII only with a Restricted Data Token for this path.
          Orders: page.map(({ items: _items, ...o }) => ({
            ...o,
            ShippingAddress: pii(req, '/orders/v0/orders', 'shippingAddress')
              ? o.ShippingAddress
              : {
                  City: o.ShippingAddress.City,
                  StateOrRegion: o.ShippingAddress.StateOrRegion,
                  PostalCode: o.ShippingAddress.PostalCode,
                  CountryCode: o.ShippingAddress.CountryCode,
                },
            BuyerInfo: pii(req, '/orders/v0/orders', 'buyerInfo') ? o.BuyerInfo : {},
          })),
          ...(more ? { NextToken: pageToken({ ...filter, offset: filter.offset + size }) } : {}),
          LastUpdatedBefore: filter.before,
        },
      });
    }
    const itemsPath = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(req.path);
    if (itemsPath && req.method === 'GET') {
      const o = orders.get(decodeURIComponent(itemsPath[1]!));
      if (!o) return err(res, 404, 'NotFound', 'Order not found.');
      const offset = q.get('NextToken') ? Number(readToken(q.get('NextToken')!).offset) : 0;
      const size = opts.itemsPerPage ?? 1;
      const more = offset + size < o.items.length;
      return send(res, 200, {
        payload: {
          AmazonOrderId: o.AmazonOrderId,
          OrderItems: o.items.slice(offset, offset + size),
          ...(more ? { NextToken: pageToken({ offset: offset + size }) } : {}),
        },
      });
    }
    const listing = /^\/listings\/2021-08-01\/items\/([^/]+)\/([^/]+)$/.exec(req.path);
    if (listing && req.method === 'PATCH') {
      const [sellerId, sku] = [decodeURIComponent(listing[1]!), decodeURIComponent(listing[2]!)];
      if (sellerId !== opts.sellerId)
        return err(res, 403, 'Unauthorized', 'Access to requested resource is denied.');
      if (!q.get('marketplaceIds')) return err(res, 400, 'InvalidInput', 'marketplaceIds is required.');
      const body = req.body as {
        productType?: string;
        patches?: { op: string; path: string; value: unknown }[];
      };
      if (!body?.productType || !Array.isArray(body.patches) || !body.patches.length)
        return err(res, 400, 'InvalidInput', 'productType and patches are required.');
      patches.push({ sellerId, sku, marketplaceIds: q.get('marketplaceIds'), body });
      const submissionId = randomBytes(8).toString('hex');
      if (!skus.has(sku))
        return send(res, 200, {
          sku,
          status: 'INVALID',
          submissionId,
          issues: [
            {
              code: '8541',
              message: `The SKU ${sku} does not match any listing of this seller.`,
              severity: 'ERROR',
              attributeNames: [],
            },
          ],
        });
      return send(res, 200, { sku, status: 'ACCEPTED', submissionId, issues: [] });
    }
    // Orders v0 confirmShipment: 204 without a body; 400 InvalidInput names what is wrong.
    const confirm = /^\/orders\/v0\/orders\/([^/]+)\/shipmentConfirmation$/.exec(req.path);
    if (confirm && req.method === 'POST') {
      const orderId = decodeURIComponent(confirm[1]!);
      const o = orders.get(orderId);
      if (!o) return err(res, 404, 'NotFound', 'Order not found.');
      const body = (req.body ?? {}) as { marketplaceId?: string; packageDetail?: Record<string, unknown> };
      if (body.marketplaceId !== opts.marketplaceId)
        return err(res, 400, 'InvalidInput', 'marketplaceId is invalid for this order.');
      const p = body.packageDetail;
      if (!p) return err(res, 400, 'InvalidInput', 'packageDetail is required.');
      for (const f of ['packageReferenceId', 'carrierCode', 'trackingNumber', 'shipDate'])
        if (typeof p[f] !== 'string' || !(p[f] as string).trim())
          return err(res, 400, 'InvalidInput', `${f} is required.`);
      if (!/^[1-9]\d*$/.test(String(p.packageReferenceId)))
        return err(res, 400, 'InvalidInput', 'packageReferenceId must be a positive number.');
      if (p.carrierCode === 'Other' && !p.carrierName)
        return err(res, 400, 'InvalidInput', 'carrierName is required when carrierCode is Other.');
      if (Number.isNaN(Date.parse(String(p.shipDate))))
        return err(res, 400, 'InvalidInput', 'shipDate must be ISO 8601.');
      if (o.OrderStatus === 'Canceled')
        return err(res, 400, 'InvalidInput', 'The order is canceled and cannot be confirmed.');
      const items = p.orderItems as { orderItemId?: string; quantity?: number }[] | undefined;
      if (!Array.isArray(items) || !items.length)
        return err(res, 400, 'InvalidInput', 'orderItems is required.');
      for (const i of items) {
        const item = o.items.find((x) => x.OrderItemId === i.orderItemId);
        if (!item) return err(res, 400, 'InvalidInput', `orderItemId ${i.orderItemId} is not in the order.`);
        if (!Number.isInteger(i.quantity) || i.quantity! < 1 || i.quantity! > item.QuantityOrdered)
          return err(res, 400, 'InvalidInput', `quantity of ${i.orderItemId} is invalid.`);
      }
      confirmations.push({ orderId, body: body as AmazonSimulator['confirmations'][number]['body'] });
      res.writeHead(204);
      return res.end();
    }
    return err(res, 404, 'NotFound', 'Resource not found.');
  });
  return {
    ...sim,
    orders,
    skus,
    patches,
    confirmations,
    counters,
    throttleNext(n) {
      throttle = n;
    },
    setStatus(id, status) {
      const o = orders.get(id)!;
      o.OrderStatus = status;
      o.LastUpdateDate = new Date(Date.now() - 5 * 60_000).toISOString();
    },
  };
}
