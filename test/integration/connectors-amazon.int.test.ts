import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushStockThroughConnector, syncAccount } from '../../src/domains/connectors/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import {
  type AmazonSimOrder,
  type AmazonSimulator,
  startAmazonSimulator,
} from '../simulators/amazon-sp-api.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { memberClient, quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

const creds = {
  clientId: 'amzn1.application-oa2-client.0123456789abcdef',
  clientSecret: 'amzn1.oa2-cs.v1.secret0123456789abcdef',
  refreshToken: 'Atzr|IwEBIrefresh0123456789abcdef',
  sellerId: 'A3SELLER0EXAMPLE',
  marketplaceId: 'ATVPDKIKX0DER',
};
const money = (Amount: string) => ({ CurrencyCode: 'USD', Amount });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const order = (id: string, extra: Partial<AmazonSimOrder> = {}): AmazonSimOrder => ({
  AmazonOrderId: id,
  PurchaseDate: hoursAgo(30),
  LastUpdateDate: hoursAgo(24),
  OrderStatus: 'Unshipped',
  FulfillmentChannel: 'MFN',
  MarketplaceId: creds.marketplaceId,
  OrderTotal: money('51.97'),
  PaymentMethod: 'Other',
  ShippingAddress: {
    Name: 'John Carter',
    AddressLine1: '400 Main St',
    AddressLine2: 'Apt 5',
    City: 'Springfield',
    StateOrRegion: 'IL',
    PostalCode: '62701',
    CountryCode: 'US',
    Phone: '+1 217-555-0134',
  },
  BuyerInfo: { BuyerEmail: 'Buyer@marketplace.amazon.com', BuyerName: 'John Carter' },
  items: [
    {
      OrderItemId: `${id}-1`,
      SellerSKU: 'VELA-LAV',
      ASIN: 'B0CANDLE01',
      Title: 'Lavender candle',
      QuantityOrdered: 2,
      ItemPrice: money('39.98'),
      ItemTax: money('3.00'),
      ShippingPrice: money('4.99'),
    },
    {
      OrderItemId: `${id}-2`,
      SellerSKU: 'VELA-BAU',
      ASIN: 'B0CANDLE02',
      Title: 'Vanilla candle',
      QuantityOrdered: 1,
      ItemPrice: money('9.99'),
      ItemTax: money('0.75'),
      PromotionDiscount: money('-2.00'),
    },
  ],
  ...extra,
});

describe.skipIf(skip)('connectors: Amazon SP-API', () => {
  let t: TestApp;
  let client: Client;
  let sim: AmazonSimulator;
  let shopId: string;
  let accountId: string;
  const slug = 'conn-amazon';
  const url = (p: string) => `/api/shops/${slug}/channel-accounts/${accountId}${p}`;
  const find = async (id: string) => {
    const list = (await client.request('GET', `/api/shops/${slug}/orders?q=${id}`)).json();
    expect(list.items).toHaveLength(1);
    return (await client.request('GET', `/api/shops/${slug}/orders/${list.items[0].id}`)).json();
  };
  const countOrders = () =>
    withShop(t.deps.database.db, shopId, async (trx) => {
      const rows = await trx
        .selectFrom('orders')
        .select('external_id')
        .where('shop_id', '=', shopId)
        .where('channel_account_id', '=', accountId)
        .execute();
      return { total: rows.length, distinct: new Set(rows.map((r) => r.external_id)).size };
    });

  beforeAll(async () => {
    sim = await startAmazonSimulator({ ...creds, ordersPerPage: 2, itemsPerPage: 1 });
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    await client.request('POST', `/api/shops/${slug}/products`, productPayload('VELA-LAV'));
    const res = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'amazon',
      name: 'Amazon US',
      marketplace: 'ATVPDKIKX0DER',
    });
    accountId = res.json().id;
    sim.orders.set('111-0000001-0000001', order('111-0000001-0000001'));
    sim.orders.set(
      '111-0000001-0000002',
      order('111-0000001-0000002', { FulfillmentChannel: 'AFN', OrderStatus: 'Shipped' }),
    );
    sim.orders.set('111-0000001-0000003', order('111-0000001-0000003', { OrderStatus: 'Pending' }));
    sim.skus.add('VELA-LAV');
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('stores the LWA credentials sealed; wrong client secret fails the run clearly', async () => {
    const res = await client.request('PUT', url('/credentials'), {
      credentials: {
        ...creds,
        clientSecret: 'amzn1.oa2-cs.v1.WRONG-secret',
        region: 'na',
        endpoint: sim.url,
        lwaUrl: `${sim.url}/auth/o2/token`,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const secret of [creds.refreshToken, creds.clientId]) expect(res.body).not.toContain(secret);
    expect(res.json().credentials).toMatchObject({
      sellerId: creds.sellerId,
      region: 'na',
      refreshToken: `••••${creds.refreshToken.slice(-4)}`,
    });
    expect(res.json().authorised).toBe(true);
    const row = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('channel_connections')
        .select('credentials_sealed')
        .where('shop_id', '=', shopId)
        .executeTakeFirstOrThrow(),
    );
    for (const secret of [creds.refreshToken, creds.clientId, 'WRONG'])
      expect(row.credentials_sealed).not.toContain(secret);
    const run = (await client.request('POST', url('/sync'))).json();
    expect(run).toMatchObject({ status: 'failed', errorKey: 'connectors.amazon.lwaRejected' });
    await client.request('PUT', url('/credentials'), { credentials: { clientSecret: creds.clientSecret } });
  });

  it('syncs orders and their items across NextToken pages; a second sync changes nothing', async () => {
    const tokens = sim.counters.tokens;
    const run = (await client.request('POST', url('/sync'))).json();
    expect(run).toMatchObject({ status: 'ok', created: 3, updated: 0, failed: 0 });
    // The LWA access token is fetched once and reused for every call of the run.
    expect(sim.counters.tokens).toBe(tokens + 1);
    const o = await find('111-0000001-0000001');
    expect(o).toMatchObject({
      channel: 'amazon',
      status: 'paid',
      channelStatus: 'Unshipped',
      fulfillment: 'merchant',
      currency: 'USD',
      buyer: { name: 'John Carter', email: 'buyer@marketplace.amazon.com', phone: '+12175550134' },
      shipTo: {
        name: 'John Carter',
        line1: '400 Main St',
        line2: 'Apt 5',
        city: 'Springfield',
        state: 'IL',
        postcode: '62701',
        country: 'US',
      },
      amounts: {
        itemTotalMinor: 4997,
        shippingMinor: 499,
        taxMinor: 375,
        discountMinor: 200,
        totalMinor: 5197,
      },
    });
    expect(
      o.lines.map((l: { channelSku: string; quantity: number; unitPriceMinor: number }) => [
        l.channelSku,
        l.quantity,
        l.unitPriceMinor,
      ]),
    ).toEqual([
      ['VELA-LAV', 2, 1999],
      ['VELA-BAU', 1, 999],
    ]);
    expect((await find('111-0000001-0000002')).fulfillment).toBe('marketplace');
    expect((await find('111-0000001-0000003')).status).toBe('pending');
    // Items were read through their own NextToken (one item per page in the simulator).
    expect(sim.requests.some((r) => r.path.endsWith('/orderItems') && r.query.get('NextToken'))).toBe(true);
    const again = (await client.request('POST', url('/sync'))).json();
    expect(again).toMatchObject({ status: 'ok', created: 0, updated: 0 });
  });

  it('turns a status change into an update, also after throttling', async () => {
    sim.setStatus('111-0000001-0000001', 'Shipped');
    sim.throttleNext(2);
    const run = await syncAccount(t.deps, shopId, accountId, { trigger: 'manual', retry: quickRetry });
    expect(run).toMatchObject({ status: 'ok', updated: 1, created: 0 });
    expect((await find('111-0000001-0000001')).status).toBe('shipped');
    expect(
      sim.requests
        .filter((r) => r.path === '/orders/v0/orders')
        .every((r) => r.headers['x-amz-access-token']),
    ).toBe(true);
    sim.throttleNext(50);
    expect(
      await syncAccount(t.deps, shopId, accountId, { trigger: 'manual', retry: quickRetry }),
    ).toMatchObject({ status: 'throttled' });
    sim.throttleNext(0);
  });

  it('resumes a sync killed after its first page from the saved NextToken without duplicates', async () => {
    // Finish whatever the throttled run above left pending, so this test starts from a clean state.
    expect((await syncAccount(t.deps, shopId, accountId, { trigger: 'manual' })).status).toBe('ok');
    for (let i = 4; i <= 8; i++)
      sim.orders.set(
        `111-0000001-000000${i}`,
        order(`111-0000001-000000${i}`, { LastUpdateDate: hoursAgo(0.1) }),
      );
    const killed = await syncAccount(t.deps, shopId, accountId, {
      trigger: 'manual',
      onPageCommitted: () => {
        throw new Error('killed');
      },
    });
    expect(killed).toMatchObject({ status: 'failed', pages: 1 });
    const before = sim.requests.length;
    const resumed = await syncAccount(t.deps, shopId, accountId, { trigger: 'manual' });
    expect(resumed.status).toBe('ok');
    const first = sim.requests.slice(before).find((r) => r.path === '/orders/v0/orders')!;
    expect(first.query.get('NextToken')).toBeTruthy();
    expect(killed.created + resumed.created).toBe(5);
    expect(await countOrders()).toEqual({ total: 8, distinct: 8 });
  });

  it('pushes quantities through Listings Items PATCH and reports INVALID SKUs', async () => {
    const out = await pushStockThroughConnector(t.deps, shopId, accountId, [
      { channelSku: 'VELA-LAV', quantity: 12 },
      { channelSku: 'UNKNOWN-SKU', quantity: 3 },
    ]);
    expect(out).toEqual([
      { channelSku: 'VELA-LAV', ok: true },
      {
        channelSku: 'UNKNOWN-SKU',
        ok: false,
        message: 'The SKU UNKNOWN-SKU does not match any listing of this seller.',
      },
    ]);
    expect(sim.patches[0]).toMatchObject({
      sellerId: creds.sellerId,
      sku: 'VELA-LAV',
      marketplaceIds: creds.marketplaceId,
      body: {
        productType: 'PRODUCT',
        patches: [
          {
            op: 'replace',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12 }],
          },
        ],
      },
    });
  });

  it('refuses another sync of the same account while one holds the lease', async () => {
    await t.deps.database.db
      .updateTable('connector_schedule')
      .set({ lease_owner: 'other-server', lease_until: new Date(Date.now() + 60_000) })
      .where('account_id', '=', accountId)
      .execute();
    const res = await client.request('POST', url('/sync'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/being synced/);
    await t.deps.database.db
      .updateTable('connector_schedule')
      .set({ lease_owner: null, lease_until: new Date(Date.now() - 1000) })
      .where('account_id', '=', accountId)
      .execute();
  });

  it('reads PII with a Restricted Data Token, and without the restricted roles still syncs the orders', async () => {
    expect(sim.requests.some((r) => r.path === '/tokens/2021-03-01/restrictedDataToken')).toBe(true);
    const noPii = await startAmazonSimulator({ ...creds, piiRoles: false });
    try {
      noPii.orders.set('111-9999999-0000001', order('111-9999999-0000001'));
      const account = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US (no PII roles)',
        marketplace: 'ATVPDKIKX0DER',
      });
      const other = account.json().id as string;
      const saved = await client.request('PUT', `/api/shops/${slug}/channel-accounts/${other}/credentials`, {
        credentials: { ...creds, region: 'na', endpoint: noPii.url, lwaUrl: `${noPii.url}/auth/o2/token` },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const run = await syncAccount(t.deps, shopId, other, { trigger: 'manual', retry: quickRetry });
      expect(run).toMatchObject({ status: 'ok', created: 1 });
      const o = await find('111-9999999-0000001');
      expect(o.shipTo).toMatchObject({ name: null, line1: null, city: 'Springfield', country: 'US' });
      expect(o.buyer).toMatchObject({ name: null, email: null });
    } finally {
      await noPii.close();
    }
  });

  it('lets finance read sync runs but not sync', async () => {
    const finance = await memberClient(t, shopId, slug, 'finance');
    const runs = await finance.request('GET', url('/sync-runs'));
    expect(runs.statusCode).toBe(200);
    expect(runs.json().items.length).toBeGreaterThan(3);
    expect((await finance.request('POST', url('/sync'))).statusCode).toBe(403);
    // Another shop's (or no) account: 404, never an empty answer that confirms nothing.
    const unknown = `/api/shops/${slug}/channel-accounts/00000000-0000-4000-8000-000000000000`;
    for (const [method, path] of [
      ['GET', '/sync-runs'],
      ['GET', '/connection'],
      ['POST', '/sync'],
      ['POST', '/shopee-authorization'],
    ] as const)
      expect((await client.request(method, `${unknown}${path}`)).statusCode, path).toBe(404);
  });
});
