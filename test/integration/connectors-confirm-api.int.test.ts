import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pushShipmentConfirmations,
  recordShipmentConfirmations,
  startSyncScheduler,
  syncAccount,
} from '../../src/domains/connectors/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import {
  type AmazonSimOrder,
  type AmazonSimulator,
  startAmazonSimulator,
} from '../simulators/amazon-sp-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { memberClient, quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

const creds = {
  clientId: 'amzn1.application-oa2-client.confirm0123456789',
  clientSecret: 'amzn1.oa2-cs.v1.confirmsecret0123456789',
  refreshToken: 'Atzr|IwEBIconfirm0123456789abcdef',
  sellerId: 'A3SELLER0CONFIRM',
  marketplaceId: 'ATVPDKIKX0DER',
};
const money = (Amount: string) => ({ CurrencyCode: 'USD', Amount });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const amazonOrder = (id: string): AmazonSimOrder => ({
  AmazonOrderId: id,
  PurchaseDate: hoursAgo(30),
  LastUpdateDate: hoursAgo(24),
  OrderStatus: 'Unshipped',
  FulfillmentChannel: 'MFN',
  MarketplaceId: creds.marketplaceId,
  OrderTotal: money('49.97'),
  PaymentMethod: 'Other',
  ShippingAddress: { City: 'Springfield', StateOrRegion: 'IL', PostalCode: '62701', CountryCode: 'US' },
  BuyerInfo: {},
  items: [
    {
      OrderItemId: `${id.replace(/-/g, '').slice(-10)}0001`,
      SellerSKU: 'TOY-CAR',
      ASIN: 'B0TOYCAR01',
      Title: 'Toy car',
      QuantityOrdered: 3,
      ItemPrice: money('29.97'),
      ItemTax: money('0'),
    },
    {
      OrderItemId: `${id.replace(/-/g, '').slice(-10)}0002`,
      SellerSKU: 'TOY-BUS',
      ASIN: 'B0TOYBUS01',
      Title: 'Toy bus',
      QuantityOrdered: 1,
      ItemPrice: money('20.00'),
      ItemTax: money('0'),
    },
  ],
});

describe.skipIf(skip)('connectors: shipment confirmations through Amazon SP-API confirmShipment', () => {
  let t: TestApp;
  let client: Client;
  let amazon: AmazonSimulator;
  let shopId: string;
  let amazonId: string;
  const slug = 'confirm-api';
  const acc = (id: string, p = '') => `/api/shops/${slug}/channel-accounts/${id}/shipment-confirmations${p}`;

  const orderOf = (externalId: string) =>
    withShop(t.deps.database.db, shopId, async (trx) => {
      const o = await trx
        .selectFrom('orders')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow();
      const lines = await trx
        .selectFrom('order_lines')
        .select(['id', 'channel_sku', 'quantity'])
        .where('shop_id', '=', shopId)
        .where('order_id', '=', o.id)
        .orderBy('position')
        .execute();
      return { id: o.id, lines };
    });
  const record = (items: Parameters<typeof recordShipmentConfirmations>[2]) =>
    withShop(t.deps.database.db, shopId, (trx) => recordShipmentConfirmations(trx, shopId, items));
  const rowsOf = (accountId: string) =>
    withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('channel_shipment_confirmations')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('account_id', '=', accountId)
        .orderBy('external_order_id')
        .execute(),
    );

  beforeAll(async () => {
    amazon = await startAmazonSimulator({ ...creds, ordersPerPage: 5, itemsPerPage: 5 });
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    amazonId = (
      await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US',
        marketplace: 'ATVPDKIKX0DER',
      })
    ).json().id;
    for (const id of ['111-0000009-0000001', '111-0000009-0000002', '111-0000009-0000003'])
      amazon.orders.set(id, amazonOrder(id));
    const put = await client.request('PUT', `/api/shops/${slug}/channel-accounts/${amazonId}/credentials`, {
      credentials: { ...creds, region: 'na', endpoint: amazon.url, lwaUrl: `${amazon.url}/auth/o2/token` },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await syncAccount(t.deps, shopId, amazonId, { trigger: 'manual' })).toMatchObject({
      status: 'ok',
      created: 3,
    });
  });
  afterAll(async () => {
    await t?.close();
    await amazon?.close();
  });

  it('records idempotently on (order, tracking number) with the channel line ids and carrier codes', async () => {
    const o1 = await orderOf('111-0000009-0000001');
    const split = {
      orderId: o1.id,
      carrier: 'yunexpress',
      carrierName: 'YunExpress',
      trackingNumber: 'yt2412345678901234',
      shippedAt: new Date('2026-11-24T03:00:00Z'),
      shipMethod: 'Standard',
      lines: [{ orderLineId: o1.lines[0]!.id, quantity: 2 }],
    };
    expect(await record([split])).toEqual({ recorded: 1 });
    expect(await record([split])).toEqual({ recorded: 0 });
    const [row] = await rowsOf(amazonId);
    expect(row).toMatchObject({
      status: 'pending',
      external_order_id: '111-0000009-0000001',
      carrier: 'yunexpress',
      channel_carrier_code: 'Yun Express',
      tracking_number: 'YT2412345678901234',
      attempts: 0,
    });
    expect(row!.lines).toEqual([
      { orderLineId: o1.lines[0]!.id, externalLineId: '00900000010001', sku: 'TOY-CAR', quantity: 2 },
    ]);
    // Unknown line and too many units are refused, naming the line.
    await expect(
      record([{ ...split, trackingNumber: 'X1', lines: [{ orderLineId: o1.lines[0]!.id, quantity: 4 }] }]),
    ).rejects.toMatchObject({ key: 'shipmentConfirmations.badQuantity' });
    const o2 = await orderOf('111-0000009-0000002');
    await expect(
      record([{ ...split, trackingNumber: 'X2', lines: [{ orderLineId: o2.lines[0]!.id, quantity: 1 }] }]),
    ).rejects.toMatchObject({ key: 'shipmentConfirmations.unknownLine' });
    // A carrier Amazon does not list goes as Other + the name; no lines means the whole order.
    expect(
      await record([
        {
          orderId: o2.id,
          carrier: 'railway',
          carrierName: 'Alashankou rail express',
          trackingNumber: 'RW0001',
          shippedAt: new Date('2026-11-24T04:00:00Z'),
          lines: [],
        },
      ]),
    ).toEqual({ recorded: 1 });
    const rows = await rowsOf(amazonId);
    expect(rows[1]).toMatchObject({
      channel_carrier_code: 'Other',
      channel_carrier_name: 'Alashankou rail express',
    });
    expect((rows[1]!.lines as unknown[]).length).toBe(2);
  });

  it('pushes to Amazon confirmShipment (204), records refusals in Amazon words, never sends twice', async () => {
    const o3 = await orderOf('111-0000009-0000003');
    amazon.orders.get('111-0000009-0000003')!.OrderStatus = 'Canceled';
    await record([
      {
        orderId: o3.id,
        carrier: 'ups',
        carrierName: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shippedAt: new Date('2026-11-24T05:00:00Z'),
        lines: [],
      },
    ]);
    const res = await client.request('POST', acc(amazonId, '/push'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json(), res.body).toMatchObject({ connected: true, sent: 2, failed: 1 });
    expect(amazon.confirmations).toHaveLength(2);
    const first = amazon.confirmations.find((c) => c.orderId === '111-0000009-0000001')!;
    expect(first.body).toEqual({
      marketplaceId: creds.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Yun Express',
        shippingMethod: 'Standard',
        trackingNumber: 'YT2412345678901234',
        shipDate: '2026-11-24T03:00:00.000Z',
        orderItems: [{ orderItemId: '00900000010001', quantity: 2 }],
      },
    });
    const other = amazon.confirmations.find((c) => c.orderId === '111-0000009-0000002')!;
    expect(other.body.packageDetail).toMatchObject({
      carrierCode: 'Other',
      carrierName: 'Alashankou rail express',
    });
    const audit = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('shop_id', '=', shopId)
        .where('action', '=', 'shipment_confirmation.pushed')
        .execute(),
    );
    expect(audit.map((a) => a.changes)).toEqual([{ sent: 2, failed: 1 }]);
    const list = (await client.request('GET', acc(amazonId, '?status=failed'))).json();
    expect(list.counts).toMatchObject({ sent: 2, failed: 1, pending: 0 });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      externalOrderId: '111-0000009-0000003',
      status: 'failed',
      attempts: 1,
      lastError: 'InvalidInput: The order is canceled and cannot be confirmed.',
    });
    // The next push retries only the failed one (sent ones are never sent again).
    amazon.orders.get('111-0000009-0000003')!.OrderStatus = 'Unshipped';
    const again = await pushShipmentConfirmations(t.deps, shopId, amazonId, { retry: quickRetry });
    expect(again).toMatchObject({ sent: 1, failed: 0 });
    expect(amazon.confirmations).toHaveLength(3);
    expect(await pushShipmentConfirmations(t.deps, shopId, amazonId)).toMatchObject({ sent: 0, failed: 0 });
    expect(amazon.confirmations).toHaveLength(3);
    // Recording a sent pair again changes nothing.
    const o1 = await orderOf('111-0000009-0000001');
    expect(
      await record([
        {
          orderId: o1.id,
          carrier: 'yunexpress',
          carrierName: 'YunExpress',
          trackingNumber: 'YT2412345678901234',
          shippedAt: new Date(),
          lines: [],
        },
      ]),
    ).toEqual({ recorded: 0 });
    expect((await rowsOf(amazonId)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('waits out Amazon 429 throttling and still confirms once; a second package gets the next reference', async () => {
    const o1 = await orderOf('111-0000009-0000001');
    await record([
      {
        orderId: o1.id,
        carrier: 'chinapost',
        carrierName: 'China Post',
        trackingNumber: 'RR123456785CN',
        shippedAt: new Date('2026-11-24T06:00:00Z'),
        lines: [{ orderLineId: o1.lines[0]!.id, quantity: 1 }],
      },
    ]);
    amazon.throttleNext(2);
    const r = await pushShipmentConfirmations(t.deps, shopId, amazonId, { retry: quickRetry });
    expect(r).toMatchObject({ sent: 1, failed: 0 });
    expect(amazon.confirmations.at(-1)!.body.packageDetail).toMatchObject({
      packageReferenceId: '2',
      carrierCode: 'China Post',
      trackingNumber: 'RR123456785CN',
    });
    expect(amazon.requests.filter((q) => q.path.endsWith('/shipmentConfirmation')).length).toBe(
      amazon.confirmations.length + 1 /* canceled */ + 2 /* throttled */,
    );
  });

  it('the sync scheduler pushes waiting confirmations after a good order sync', async () => {
    const o2 = await orderOf('111-0000009-0000002');
    await record([
      {
        orderId: o2.id,
        carrier: 'dhl',
        carrierName: 'DHL',
        trackingNumber: '1234567890',
        shippedAt: new Date('2026-11-24T07:00:00Z'),
        lines: [],
      },
    ]);
    await t.deps.database.db
      .updateTable('connector_schedule')
      .set({ next_sync_at: new Date(Date.now() - 60_000) })
      .where('shop_id', '=', shopId)
      .where('account_id', '=', amazonId)
      .execute();
    const before = amazon.confirmations.length;
    const scheduler = startSyncScheduler(t.deps, { tickMs: 3_600_000 });
    try {
      await scheduler.tick();
    } finally {
      await scheduler.stop();
    }
    expect(amazon.confirmations.length).toBe(before + 1);
    expect(amazon.confirmations.at(-1)!.body.packageDetail).toMatchObject({
      carrierCode: 'DHL',
      trackingNumber: '1234567890',
    });
    expect((await rowsOf(amazonId)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('guards the routes by permission and by shop', async () => {
    const viewer = await memberClient(t, shopId, slug, 'finance');
    expect((await viewer.request('GET', acc(amazonId))).statusCode).toBe(200);
    expect((await viewer.request('POST', acc(amazonId, '/push'))).statusCode).toBe(403);
    const warehouse = await memberClient(t, shopId, slug, 'warehouse');
    expect((await warehouse.request('POST', acc(amazonId, '/push'))).statusCode).toBe(200);
    const other = await seedShop(t, 'confirm-api-other');
    for (const [m, p] of [
      ['GET', acc(amazonId)],
      ['POST', acc(amazonId, '/push')],
    ] as const) {
      const res = await other.client.request(m, p.replace(`/shops/${slug}/`, '/shops/confirm-api-other/'));
      expect(res.statusCode).toBe(404);
    }
    // Another shop's push never touches this shop's rows.
    const r = await pushShipmentConfirmations(t.deps, other.shop.id, amazonId).catch((e) => e);
    expect(r).toMatchObject({ code: 'NOT_FOUND' });
  });
});
