import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonAllOrdersHeaders, amazonLine, multipart, tsv } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('orders reserve stock through the ledger', () => {
  let t: TestApp;
  let owner: Client;
  const S = '/api/shops/ord-stock';
  let account: string;
  let warehouse: string;

  const order = (externalId: string, quantity: number, extra: Record<string, unknown> = {}) =>
    owner.request('POST', `${S}/orders`, {
      channelAccountId: account,
      externalId,
      status: 'paid',
      currency: 'USD',
      buyer: { name: 'Ann Lee' },
      shipTo: { line1: '1 Main St', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
      lines: [{ sku: 'CANDLE-1', quantity, unitPriceMinor: 1599 }],
      ...extra,
    });
  const level = async () => {
    const res = await owner.request('GET', `${S}/stock?sku=CANDLE-1`);
    const row = res.json().items[0];
    return { onHand: row.onHand, reserved: row.reserved };
  };
  const holdsOf = async (id: string) =>
    (await owner.request('GET', `${S}/orders/${id}`)).json().holds as string[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = (await seedShop(t, 'ord-stock')).client;
    expect((await owner.request('POST', `${S}/products`, productPayload('CANDLE-1'))).statusCode).toBe(201);
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'shopee', name: 'Shopee PH' })
    ).json().id;
  });
  afterAll(async () => t?.close());

  it('does not hold orders while the shop tracks no stock', async () => {
    const res = await order('NO-WH-1', 5);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().holds).not.toContain('insufficient_stock');
  });

  it('reserves paid orders, holds the one that would oversell, and never reserves more than on hand', async () => {
    const wh = await owner.request('POST', `${S}/warehouses`, {
      code: 'FAC',
      name: 'Factory',
      kind: 'factory',
      country: 'CN',
    });
    warehouse = wh.json().id;
    const receipt = await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: warehouse,
      lines: [{ sku: 'CANDLE-1', quantity: 3 }],
    });
    expect(receipt.statusCode, receipt.body).toBeLessThan(300);

    const first = (await order('A-1', 2)).json();
    expect(first.holds).not.toContain('insufficient_stock');
    expect(await level()).toEqual({ onHand: 3, reserved: 2 });

    const second = (await order('A-2', 2)).json();
    expect(await holdsOf(second.id)).toContain('insufficient_stock');
    expect(await level()).toEqual({ onHand: 3, reserved: 2 });

    // Cancelling the first gives its stock back; the held order reserves when it is touched again.
    expect(
      (await owner.request('POST', `${S}/orders/${first.id}/status`, { status: 'cancelled' })).statusCode,
    ).toBe(200);
    expect(await level()).toEqual({ onHand: 3, reserved: 0 });
    const ready = await owner.request('POST', `${S}/orders/${second.id}/status`, { status: 'ready_to_ship' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(await holdsOf(second.id)).not.toContain('insufficient_stock');
    expect(await level()).toEqual({ onHand: 3, reserved: 2 });

    // Shipping turns the reservation into a shipment: out of on hand, no longer reserved.
    expect(
      (await owner.request('POST', `${S}/orders/${second.id}/status`, { status: 'shipped' })).statusCode,
    ).toBe(200);
    expect(await level()).toEqual({ onHand: 1, reserved: 0 });
    const timeline = (await owner.request('GET', `${S}/orders/${second.id}`)).json().timeline as {
      type: string;
    }[];
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['hold_added', 'hold_released']));
  });

  it('lifts the stock hold when a waiting order is cancelled', async () => {
    const waiting = (await order('A-3', 50)).json();
    expect(await holdsOf(waiting.id)).toContain('insufficient_stock');
    expect(
      (await owner.request('POST', `${S}/orders/${waiting.id}/status`, { status: 'cancelled' })).statusCode,
    ).toBe(200);
    expect(await holdsOf(waiting.id)).not.toContain('insufficient_stock');
    expect(await level()).toEqual({ onHand: 1, reserved: 0 });
  });

  it('leaves marketplace-fulfilled (FBA) orders out of local stock, and reserves merchant ones from files', async () => {
    const amazon = (
      await owner.request('POST', `${S}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US',
        marketplace: 'US',
      })
    ).json().id;
    const file = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '111-0000001-0000001',
        sku: 'CANDLE-1',
        'fulfillment-channel': 'Amazon',
        'order-status': 'Pending',
        'item-status': 'Unshipped',
      }),
      amazonLine({
        'amazon-order-id': '111-0000002-0000002',
        sku: 'CANDLE-1',
        'fulfillment-channel': 'Merchant',
        'order-status': 'Unshipped',
        'item-status': 'Unshipped',
      }),
    ]);
    const upload = multipart({ channelAccountId: amazon, format: 'amazon' }, 'All Orders.txt', file);
    const res = await owner.request('POST', `${S}/order-imports`, upload.payload, upload.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, failed: 0 });
    // Only the merchant-fulfilled, paid order took the one unit left.
    expect(await level()).toEqual({ onHand: 1, reserved: 1 });
  });
});
