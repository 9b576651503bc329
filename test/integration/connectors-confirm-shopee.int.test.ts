import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pushShipmentConfirmations,
  recordShipmentConfirmations,
  syncAccount,
} from '../../src/domains/connectors/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import {
  type ShopeeSimOrder,
  type ShopeeSimulator,
  startShopeeSimulator,
} from '../simulators/shopee-open-platform.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { nowSeconds, quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

const PARTNER_ID = 2_004_999;
const PARTNER_KEY = 'shpkconfirm5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f';
const SHOPEE_SHOP = 778_100;
const shopeeOrder = (sn: string, status = 'READY_TO_SHIP'): ShopeeSimOrder => ({
  order_sn: sn,
  order_status: status,
  currency: 'BRL',
  region: 'BR',
  create_time: nowSeconds() - 3 * 86_400,
  update_time: nowSeconds() - 2 * 86_400,
  total_amount: 59.8,
  buyer_username: 'ana',
  recipient_address: { name: 'Ana', city: 'São Paulo', state: 'SP', region: 'BR', zipcode: '01304-001' },
  actual_shipping_fee: 0,
  payment_method: 'Pix',
  cod: false,
  shipping_carrier: 'Other (seller arranged)',
  message_to_seller: '',
  item_list: [
    {
      item_id: 300,
      item_name: 'Toy car',
      item_sku: 'TOY',
      model_id: 3001,
      model_name: 'Red',
      model_sku: 'TOY-CAR',
      model_quantity_purchased: 2,
      model_original_price: 29.9,
      model_discounted_price: 29.9,
    },
  ],
});

describe.skipIf(skip)('connectors: shipment confirmations through Shopee logistics.ship_order', () => {
  let t: TestApp;
  let client: Client;
  let shopee: ShopeeSimulator;
  let shopId: string;
  let shopeeId: string;
  const slug = 'confirm-shopee';
  const acc = (id: string, p = '') => `/api/shops/${slug}/channel-accounts/${id}/shipment-confirmations${p}`;
  const orderOf = (externalId: string) =>
    withShop(t.deps.database.db, shopId, async (trx) =>
      trx
        .selectFrom('orders')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow(),
    );
  const record = (items: Parameters<typeof recordShipmentConfirmations>[2]) =>
    withShop(t.deps.database.db, shopId, (trx) => recordShipmentConfirmations(trx, shopId, items));

  beforeAll(async () => {
    shopee = await startShopeeSimulator({
      partnerId: PARTNER_ID,
      partnerKey: PARTNER_KEY,
      shopId: SHOPEE_SHOP,
    });
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    shopeeId = (
      await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
        channel: 'shopee',
        name: 'Shopee BR',
        marketplace: 'BR',
      })
    ).json().id;
    shopee.orders.set('241124SHP001', shopeeOrder('241124SHP001'));
    shopee.orders.set('241124SHP002', shopeeOrder('241124SHP002'));
    await client.request('PUT', `/api/shops/${slug}/channel-accounts/${shopeeId}/credentials`, {
      credentials: { partnerId: String(PARTNER_ID), partnerKey: PARTNER_KEY, baseUrl: shopee.url },
    });
    const auth = await client.request(
      'POST',
      `/api/shops/${slug}/channel-accounts/${shopeeId}/shopee-authorization`,
    );
    shopee.issueCode();
    const redirect = await fetch(auth.json().url, { redirect: 'manual' });
    const back = new URL(redirect.headers.get('location')!);
    expect((await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` })).statusCode).toBe(
      302,
    );
    expect(await syncAccount(t.deps, shopId, shopeeId, { trigger: 'manual' })).toMatchObject({
      status: 'ok',
      created: 2,
    });
  });
  afterAll(async () => {
    await t?.close();
    await shopee?.close();
  });

  it('pushes to Shopee logistics.ship_order (signed), records refusals, retries throttling', async () => {
    const a = await orderOf('241124SHP001');
    const b = await orderOf('241124SHP002');
    shopee.setStatus('241124SHP002', 'CANCELLED');
    await record([
      {
        orderId: a.id,
        carrier: '4px',
        carrierName: '4PX',
        trackingNumber: '4PX3000123456789CN',
        shippedAt: new Date(),
        lines: [],
      },
      {
        orderId: b.id,
        carrier: '4px',
        carrierName: '4PX',
        trackingNumber: '4PX3000123456790CN',
        shippedAt: new Date(),
        lines: [],
      },
    ]);
    shopee.throttleNext(1);
    const r = await pushShipmentConfirmations(t.deps, shopId, shopeeId, { retry: quickRetry });
    expect(r).toMatchObject({ connected: true, sent: 1, failed: 1 });
    expect(shopee.shipCalls).toEqual([
      { order_sn: '241124SHP001', non_integrated: { tracking_number: '4PX3000123456789CN' } },
    ]);
    // Every ship_order call carried a valid signature (the simulator refuses others with error_sign).
    const failed = r.outcomes.find((o) => o.status === 'failed')!;
    expect(failed).toMatchObject({
      externalOrderId: '241124SHP002',
      error: 'logistics.order_status_error: Order status CANCELLED can not arrange shipment.',
    });
    // Retry through the route once the seller fixed it at Shopee.
    shopee.setStatus('241124SHP002', 'READY_TO_SHIP');
    const retry = await client.request('POST', acc(shopeeId, `/${failed.id}/retry`));
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ sent: 1, failed: 0 });
    const again = await client.request('POST', acc(shopeeId, `/${failed.id}/retry`));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('this one is sent');
    expect(shopee.shipCalls).toHaveLength(2);
  });
});
