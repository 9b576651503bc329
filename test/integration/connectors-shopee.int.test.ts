import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnection, saveCredentials } from '../../src/domains/connectors/connection.ts';
import { pushStockThroughConnector, syncAccount } from '../../src/domains/connectors/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { deriveKey, loadSecretKey } from '../../src/platform/crypto/secret-box.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import {
  type ShopeeSimOrder,
  type ShopeeSimulator,
  startShopeeSimulator,
} from '../simulators/shopee-open-platform.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { memberClient, nowSeconds, quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

const PARTNER_ID = 2_004_321;
const PARTNER_KEY = 'shpk7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f';
const SHOP_ID = 778_899;

const order = (sn: string, extra: Partial<ShopeeSimOrder> = {}): ShopeeSimOrder => ({
  order_sn: sn,
  order_status: 'READY_TO_SHIP',
  currency: 'BRL',
  region: 'BR',
  create_time: nowSeconds() - 3 * 86_400,
  update_time: nowSeconds() - 2 * 86_400,
  total_amount: 69.8,
  buyer_username: 'ana.souza',
  recipient_address: {
    name: 'Ana Souza',
    phone: '5511987654321',
    full_address: 'Rua Augusta, 1500, apto 12',
    district: 'Consolação',
    town: '',
    city: 'São Paulo',
    state: 'SP',
    region: 'BR',
    zipcode: '01304-001',
  },
  actual_shipping_fee: 10,
  payment_method: 'Pix',
  cod: false,
  shipping_carrier: 'Shopee Xpress',
  message_to_seller: '',
  item_list: [
    {
      item_id: 100,
      item_name: 'Vela aromática',
      item_sku: 'VELA',
      model_id: 1001,
      model_name: 'Lavanda',
      model_sku: 'VELA-LAV',
      model_quantity_purchased: 2,
      model_original_price: 32.9,
      model_discounted_price: 29.9,
    },
  ],
  ...extra,
});

describe.skipIf(skip)('connectors: Shopee Open Platform v2', () => {
  let t: TestApp;
  let client: Client;
  let sim: ShopeeSimulator;
  let shopId: string;
  let accountId: string;
  const slug = 'conn-shopee';
  const url = (p: string) => `/api/shops/${slug}/channel-accounts/${accountId}${p}`;
  const find = async (sn: string) => {
    const list = (await client.request('GET', `/api/shops/${slug}/orders?q=${sn}`)).json();
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
  const authorise = async () => {
    const res = await client.request('POST', url('/shopee-authorization'));
    expect(res.statusCode, res.body).toBe(200);
    sim.issueCode();
    const shopee = await fetch(res.json().url, { redirect: 'manual' });
    expect(shopee.status).toBe(302);
    const back = new URL(shopee.headers.get('location')!);
    return `${back.pathname}${back.search}`;
  };

  beforeAll(async () => {
    sim = await startShopeeSimulator({ partnerId: PARTNER_ID, partnerKey: PARTNER_KEY, shopId: SHOP_ID });
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    await client.request('POST', `/api/shops/${slug}/products`, productPayload('VELA-LAV'));
    const res = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'shopee',
      name: 'Shopee BR',
      marketplace: 'BR',
    });
    accountId = res.json().id;
    for (const sn of ['241120AAA001', '241120AAA002', '241120AAA003']) sim.orders.set(sn, order(sn));
    sim.orders.get('241120AAA003')!.item_list.push({
      item_id: 100,
      item_name: 'Vela aromática',
      item_sku: 'VELA',
      model_id: 1002,
      model_name: 'Baunilha',
      model_sku: 'VELA-BAU',
      model_quantity_purchased: 1,
      model_original_price: 29.9,
      model_discounted_price: 29.9,
    });
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('stores credentials sealed and only ever shows them masked', async () => {
    const res = await client.request('PUT', url('/credentials'), {
      credentials: { partnerId: String(PARTNER_ID), partnerKey: PARTNER_KEY, baseUrl: sim.url },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(PARTNER_KEY);
    expect(res.json().credentials).toEqual({
      partnerId: String(PARTNER_ID),
      partnerKey: `••••${PARTNER_KEY.slice(-4)}`,
      baseUrl: sim.url,
    });
    expect(res.json().authorised).toBe(false);
    const got = await client.request('GET', url('/connection'));
    expect(got.body).not.toContain(PARTNER_KEY);
    const row = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('channel_connections')
        .selectAll()
        .where('shop_id', '=', shopId)
        .executeTakeFirstOrThrow(),
    );
    expect(row.credentials_sealed).not.toContain(PARTNER_KEY);
    expect(row.credentials_sealed).toMatch(/^v1\.[0-9a-f]{12}\./);
    const audit = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('audit_log').select('changes').where('shop_id', '=', shopId).execute(),
    );
    expect(JSON.stringify(audit)).not.toContain(PARTNER_KEY);
    // A partial update keeps the stored secret.
    const again = await client.request('PUT', url('/credentials'), {
      credentials: { partnerId: String(PARTNER_ID) },
      syncIntervalMinutes: 15,
    });
    expect(again.json().credentials.partnerKey).toBe(`••••${PARTNER_KEY.slice(-4)}`);
    expect(again.json().syncIntervalMinutes).toBe(15);
  });

  it("refuses API URLs outside the channel's hosts and the allowed sandbox hosts (no SSRF)", async () => {
    for (const baseUrl of [
      'http://169.254.169.254/latest/meta-data',
      'https://partner.shopeemobile.com.evil.test',
    ]) {
      const res = await client.request('PUT', url('/credentials'), {
        credentials: { partnerId: String(PARTNER_ID), partnerKey: PARTNER_KEY, baseUrl },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.messageKey).toBe('connectors.credentials.hostNotAllowed');
      expect(res.json().error.message).toContain(new URL(baseUrl).hostname);
    }
    const official = await client.request('PUT', url('/credentials'), {
      credentials: { baseUrl: 'https://partner.test-stable.shopeemobile.com' },
    });
    expect(official.statusCode, official.body).toBe(200);
    const back = await client.request('PUT', url('/credentials'), { credentials: { baseUrl: sim.url } });
    expect(back.json().credentials.baseUrl).toBe(sim.url);
  });

  it('fails clearly when the data is opened with another key', async () => {
    const other = { ...t.deps.config, secretKey: Buffer.alloc(32, 7).toString('base64') };
    await expect(
      withShop(t.deps.database.db, shopId, (trx) => loadConnection(trx, other, shopId, accountId)),
    ).rejects.toThrow(/sealed with a different key/);
    // Entering the credentials again (complete) works under a new key, and back again.
    const full = {
      credentials: { partnerId: String(PARTNER_ID), partnerKey: PARTNER_KEY, baseUrl: sim.url },
    };
    for (const config of [other, t.deps.config]) {
      const saved = await withShop(t.deps.database.db, shopId, (trx) =>
        saveCredentials(trx, config, shopId, systemActor, accountId, full),
      );
      expect(saved.credentials.partnerKey).toBe(`••••${PARTNER_KEY.slice(-4)}`);
    }
    const partial = await client.request('PUT', url('/credentials'), {
      credentials: { partnerId: String(PARTNER_ID) },
    });
    expect(partial.statusCode).toBe(200);
  });

  it('signs the authorisation link and completes it through the callback with a one-time state', async () => {
    const res = await client.request('POST', url('/shopee-authorization'));
    const link = new URL(res.json().url);
    expect(`${link.origin}${link.pathname}`).toBe(`${sim.url}/api/v2/shop/auth_partner`);
    const ts = link.searchParams.get('timestamp')!;
    const expected = createHmac('sha256', PARTNER_KEY)
      .update(`${PARTNER_ID}/api/v2/shop/auth_partner${ts}`)
      .digest('hex');
    expect(link.searchParams.get('sign')).toBe(expected);
    expect(link.searchParams.get('redirect')).toContain('/api/connectors/shopee/callback?state=');

    const callback = await authorise();
    const done = await t.app.inject({ method: 'GET', url: callback });
    expect(done.statusCode, done.body).toBe(302);
    expect(done.headers.location).toBe(`/admin/shops/${slug}/channels/${accountId}/connection?authorised=1`);
    const conn = (await client.request('GET', url('/connection'))).json();
    expect(conn).toMatchObject({ authorised: true, remoteShopId: String(SHOP_ID) });
    // The same link again (replay) is refused.
    const replay = await t.app.inject({ method: 'GET', url: callback });
    expect(replay.statusCode).toBe(403);
  });

  it('refuses a forged or expired state', async () => {
    const callback = await authorise();
    const u = new URL(callback, 'http://x');
    const [body] = u.searchParams.get('state')!.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), a: accountId }),
    ).toString('base64url');
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/connectors/shopee/callback?state=${forgedBody}.AAAA&code=x&shop_id=${SHOP_ID}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toMatch(/not valid/);
    const key = loadSecretKey({ secretKey: undefined, dataDir: t.dataDir });
    const expiredBody = Buffer.from(
      JSON.stringify({ s: shopId, a: accountId, n: 'x', e: Date.now() - 1000 }),
    ).toString('base64url');
    const sig = createHmac('sha256', deriveKey(key, 'shopee-oauth-state'))
      .update(expiredBody)
      .digest('base64url');
    const expired = await t.app.inject({
      method: 'GET',
      url: `/api/connectors/shopee/callback?state=${expiredBody}.${sig}&code=x&shop_id=${SHOP_ID}`,
    });
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.message).toMatch(/expired/);
  });

  it('syncs orders with lines, buyer, address, amounts and status; a second sync changes nothing', async () => {
    const res = await client.request('POST', url('/sync'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', created: 3, updated: 0, failed: 0 });
    const o = await find('241120AAA003');
    expect(o).toMatchObject({
      channel: 'shopee',
      status: 'paid',
      channelStatus: 'READY_TO_SHIP',
      fulfillment: 'merchant',
      currency: 'BRL',
      buyer: { name: 'ana.souza', phone: '+5511987654321' },
      shipTo: {
        name: 'Ana Souza',
        line1: 'Rua Augusta, 1500, apto 12',
        city: 'São Paulo',
        state: 'SP',
        postcode: '01304-001',
        country: 'BR',
      },
      amounts: { itemTotalMinor: 8970, shippingMinor: 1000, totalMinor: 6980 },
      paymentMethod: 'Pix',
      carrier: 'Shopee Xpress',
    });
    expect(
      o.lines.map((l: { channelSku: string; quantity: number; unitPriceMinor: number }) => [
        l.channelSku,
        l.quantity,
        l.unitPriceMinor,
      ]),
    ).toEqual([
      ['VELA-LAV', 2, 2990],
      ['VELA-BAU', 1, 2990],
    ]);
    const again = (await client.request('POST', url('/sync'))).json();
    expect(again).toMatchObject({ status: 'ok', created: 0, updated: 0 });
    expect(await countOrders()).toEqual({ total: 3, distinct: 3 });
  });

  it('turns a status change on Shopee into an update', async () => {
    sim.setStatus('241120AAA001', 'SHIPPED');
    const run = (await client.request('POST', url('/sync'))).json();
    expect(run).toMatchObject({ status: 'ok', created: 0, updated: 1 });
    expect((await find('241120AAA001')).status).toBe('shipped');
  });

  it('retries throttled calls and refreshes an expired access token once', async () => {
    sim.throttleNext(2);
    sim.expireAccessToken();
    const refreshes = sim.counters.refreshes;
    const run = await syncAccount(t.deps, shopId, accountId, { trigger: 'manual', retry: quickRetry });
    expect(run.status).toBe('ok');
    expect(sim.counters.refreshes).toBe(refreshes + 1);
    expect(sim.requests.filter((r) => r.path === '/api/v2/order/get_order_list').length).toBeGreaterThan(0);
    sim.throttleNext(50);
    const throttled = await syncAccount(t.deps, shopId, accountId, { trigger: 'manual', retry: quickRetry });
    expect(throttled).toMatchObject({ status: 'throttled', errorKey: 'connectors.remote.throttled' });
    sim.throttleNext(0);
  });

  it('resumes a sync killed after its first page without duplicates', async () => {
    // Finish whatever the throttled run above left pending, so this test starts from a clean state.
    expect((await syncAccount(t.deps, shopId, accountId, { trigger: 'manual' })).status).toBe('ok');
    for (let i = 1; i <= 5; i++)
      sim.orders.set(`241121BBB00${i}`, order(`241121BBB00${i}`, { update_time: nowSeconds() }));
    const killed = await syncAccount(t.deps, shopId, accountId, {
      trigger: 'manual',
      pageSize: 2,
      onPageCommitted: () => {
        throw new Error('killed');
      },
    });
    expect(killed).toMatchObject({ status: 'failed', pages: 1 });
    const conn = (await client.request('GET', url('/connection'))).json();
    expect(conn.resumePending).toBe(true);
    const before = sim.requests.length;
    const resumed = await syncAccount(t.deps, shopId, accountId, { trigger: 'manual', pageSize: 2 });
    expect(resumed.status).toBe('ok');
    const firstList = sim.requests.slice(before).find((r) => r.path === '/api/v2/order/get_order_list')!;
    expect(firstList.query.get('cursor')).toBe('2');
    expect(killed.created + resumed.created).toBe(5);
    expect(await countOrders()).toEqual({ total: 8, distinct: 8 });
    const runs = (await client.request('GET', url('/sync-runs?limit=2'))).json();
    expect(runs.items).toHaveLength(2);
    expect(runs.nextCursor).toBeTruthy();
  });

  it('pushes absolute stock through update_stock and reports per-SKU refusals', async () => {
    sim.items.push({
      item_id: 100,
      item_sku: 'VELA',
      models: [
        { model_id: 1001, model_sku: 'VELA-LAV' },
        { model_id: 1002, model_sku: 'VELA-BAU' },
      ],
    });
    sim.rejectModels.add(1002);
    const out = await pushStockThroughConnector(t.deps, shopId, accountId, [
      { channelSku: 'VELA-LAV', quantity: 7 },
      { channelSku: 'VELA-BAU', quantity: 3 },
      { channelSku: 'NOPE', quantity: 1 },
    ]);
    expect(out).toEqual([
      { channelSku: 'NOPE', ok: false, message: 'SKU not found in the Shopee shop' },
      { channelSku: 'VELA-LAV', ok: true },
      { channelSku: 'VELA-BAU', ok: false, message: 'Stock is locked by a promotion.' },
    ]);
    expect(sim.stockCalls).toEqual([
      {
        item_id: 100,
        stock_list: [
          { model_id: 1001, seller_stock: [{ stock: 7 }] },
          { model_id: 1002, seller_stock: [{ stock: 3 }] },
        ],
      },
    ]);
    const plain = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'shopee',
      name: 'No API',
      marketplace: 'BR',
    });
    expect(
      await pushStockThroughConnector(t.deps, shopId, plain.json().id, [
        { channelSku: 'VELA-LAV', quantity: 1 },
      ]),
    ).toBeNull();
  });

  it('lets an operator connect and sync; warehouse, finance and service get 403', async () => {
    const operator = await memberClient(t, shopId, slug, 'operator');
    expect((await operator.request('GET', url('/connection'))).statusCode).toBe(200);
    expect((await operator.request('POST', url('/shopee-authorization'))).statusCode).toBe(200);
    for (const role of ['warehouse', 'finance', 'service'] as const) {
      const c = await memberClient(t, shopId, slug, role);
      expect(
        (await c.request('PUT', url('/credentials'), { credentials: { partnerKey: 'x'.repeat(20) } }))
          .statusCode,
      ).toBe(403);
      expect((await c.request('POST', url('/sync'))).statusCode).toBe(403);
      expect((await c.request('POST', url('/shopee-authorization'))).statusCode).toBe(403);
      expect((await c.request('GET', url('/connection'))).statusCode).toBe(403);
      expect((await c.request('GET', url('/sync-runs'))).statusCode).toBe(200);
    }
  });
});
