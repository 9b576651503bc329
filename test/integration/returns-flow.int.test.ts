import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonAllOrdersHeaders, amazonLine, multipart, tsv } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';
import { expectLedgerMatchesLevel, levelOf, lineId, movementsOf, shippedOrder } from './returns-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('returns (RMA): from an order back into stock, refunded', () => {
  let t: TestApp;
  let owner: Client;
  const slug = 'ret-flow';
  const S = `/api/shops/${slug}`;
  let account: string;
  let wh: string;
  let order: Awaited<ReturnType<typeof shippedOrder>>;
  let rma: { id: string; number: string; lines: { id: string; channelSku: string }[] };

  const line = (sku: string) => rma.lines.find((l) => l.channelSku === sku)!.id;
  const orderOf = async (id: string) => (await owner.request('GET', `${S}/orders/${id}`)).json();
  const receive = (id: string, body: unknown) => owner.request('POST', `${S}/returns/${id}/receipts`, body);

  beforeAll(async () => {
    t = await createTestApp();
    owner = (await seedShop(t, slug)).client;
    await seedSkus(owner, slug, ['MUG-1', 'MUG-2', 'LID-1']);
    wh = await seedWarehouse(owner, slug, 'FAC');
    const receipt = await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh,
      lines: [
        { sku: 'MUG-1', quantity: 10 },
        { sku: 'MUG-2', quantity: 10 },
        { sku: 'LID-1', quantity: 10 },
      ],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'shopee', name: 'Shopee PH' })
    ).json().id;
    // A kit: one SET-MUG is two MUG-2 and one LID-1.
    const mapping = await owner.request('POST', `${S}/sku-mappings`, {
      channelSku: 'SET-MUG',
      components: [
        { sku: 'MUG-2', quantity: 2 },
        { sku: 'LID-1', quantity: 1 },
      ],
    });
    expect(mapping.statusCode, mapping.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('refuses a return for an order that has not shipped, saying which statuses allow one', async () => {
    const paid = await owner.request('POST', `${S}/orders`, {
      channelAccountId: account,
      externalId: 'PAID-1',
      status: 'paid',
      currency: 'USD',
      lines: [{ sku: 'MUG-1', quantity: 1, unitPriceMinor: 1000 }],
    });
    const o = paid.json();
    const res = await owner.request('POST', `${S}/orders/${o.id}/returns`, {
      reason: 'defective',
      lines: [{ orderLineId: o.lines[0].id, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toBe(
      'Order PAID-1 is paid; a return can be created only for shipped, partially shipped, delivered or completed orders',
    );
    // Cancel it: its reservation must not disturb the levels below.
    await owner.request('POST', `${S}/orders/${o.id}/status`, { status: 'cancelled' });
  });

  it('opens an RMA for some lines of a shipped order and moves the order to return requested', async () => {
    order = await shippedOrder(owner, slug, account, 'SO-1', [
      { sku: 'MUG-1', quantity: 3, unitPriceMinor: 1000 },
      { sku: 'SET-MUG', quantity: 2, unitPriceMinor: 3000 },
    ]);
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual({ onHand: 7, reserved: 0 });
    expect(await levelOf(owner, slug, 'MUG-2', wh)).toEqual({ onHand: 6, reserved: 0 });
    expect(await levelOf(owner, slug, 'LID-1', wh)).toEqual({ onHand: 8, reserved: 0 });

    const res = await owner.request('POST', `${S}/orders/${order.id}/returns`, {
      reason: 'defective',
      note: 'cracked handle',
      lines: [
        { orderLineId: lineId(order, 'MUG-1'), quantity: 2 },
        { orderLineId: lineId(order, 'SET-MUG'), quantity: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    rma = res.json();
    expect(res.json()).toMatchObject({
      number: 'RMA-000001',
      status: 'requested',
      reason: 'defective',
      note: 'cracked handle',
      touchesStock: true,
      order: { externalId: 'SO-1', status: 'return_requested', totalMinor: 9000, refundableMinor: 9000 },
    });
    expect((await orderOf(order.id)).status).toBe('return_requested');
  });

  it('never lets the returns of a line exceed what was ordered', async () => {
    const res = await owner.request('POST', `${S}/orders/${order.id}/returns`, {
      reason: 'other',
      lines: [{ orderLineId: lineId(order, 'MUG-1'), quantity: 2 }],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.issues).toEqual([
      expect.objectContaining({
        field: 'lines.0.quantity',
        message:
          'MUG-1: 2 to return, but only 1 can still be returned (3 ordered, 2 already on other returns)',
      }),
    ]);
    const foreign = await owner.request('POST', `${S}/orders/${order.id}/returns`, {
      reason: 'other',
      lines: [{ orderLineId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].message).toBe('this line is not part of order SO-1');
  });

  it('receives sellable and quarantine (kits as their components) and partial receipts add up', async () => {
    const res = await receive(rma.id, {
      lines: [
        { lineId: line('MUG-1'), quantity: 1, warehouseId: wh, disposition: 'sellable' },
        { lineId: line('SET-MUG'), quantity: 1, warehouseId: wh, disposition: 'quarantine' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('partially_received');
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual({ onHand: 8, reserved: 0 });
    // Quarantined kit: 2 × MUG-2 and 1 × LID-1 on hand but held.
    expect(await levelOf(owner, slug, 'MUG-2', wh)).toEqual({ onHand: 8, reserved: 2 });
    expect(await levelOf(owner, slug, 'LID-1', wh)).toEqual({ onHand: 9, reserved: 1 });
    const holds = res.json().return.holds;
    expect(
      holds.map((h: { sku: string; quantity: number; status: string }) => [h.sku, h.quantity, h.status]),
    ).toEqual([
      ['LID-1', 1, 'held'],
      ['MUG-2', 2, 'held'],
    ]);
    // The order is not "returned" while goods are still expected.
    expect((await orderOf(order.id)).status).toBe('return_requested');
  });

  it('posts a write-off receipt once however often it is retried with the same key', async () => {
    const body = {
      idempotencyKey: 'scan-42',
      lines: [{ lineId: line('MUG-1'), quantity: 1, warehouseId: wh, disposition: 'writeoff' }],
    };
    const first = await receive(rma.id, body);
    expect(first.statusCode, first.body).toBe(201);
    const before = (await movementsOf(owner, slug, 'MUG-1')).length;
    const again = await receive(rma.id, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, receiptId: first.json().receiptId });
    expect((await movementsOf(owner, slug, 'MUG-1')).length).toBe(before);
    // Came back and was written off: on hand unchanged, both rows in the ledger.
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual({ onHand: 8, reserved: 0 });
    const kinds = (await movementsOf(owner, slug, 'MUG-1'))
      .filter((m) => m.refType === 'rma' && m.refId === rma.id)
      .map((m) => [m.kind, m.onHandDelta, m.reason]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['return', 1, 'RMA-000001'],
        ['writeoff', -1, 'RMA-000001'],
      ]),
    );
  });

  it('refuses to receive more than was asked for, or without a warehouse', async () => {
    const tooMany = await receive(rma.id, {
      lines: [{ lineId: line('SET-MUG'), quantity: 2, warehouseId: wh, disposition: 'sellable' }],
    });
    expect(tooMany.statusCode, tooMany.body).toBe(409);
    expect(tooMany.json().error.issues[0].message).toBe(
      'SET-MUG: receiving 2, but only 1 of 2 are still expected',
    );
    const noWarehouse = await receive(rma.id, {
      lines: [{ lineId: line('SET-MUG'), quantity: 1, disposition: 'sellable' }],
    });
    expect(noWarehouse.statusCode).toBe(400);
    expect(noWarehouse.json().error.issues[0]).toMatchObject({
      field: 'lines.0.warehouseId',
      message: 'choose the warehouse the goods came back to',
    });
  });

  it('completes the receipt and moves the order to returned', async () => {
    const res = await receive(rma.id, {
      lines: [{ lineId: line('SET-MUG'), quantity: 1, warehouseId: wh, disposition: 'sellable' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('received');
    expect(await levelOf(owner, slug, 'MUG-2', wh)).toEqual({ onHand: 10, reserved: 2 });
    expect(await levelOf(owner, slug, 'LID-1', wh)).toEqual({ onHand: 10, reserved: 1 });
    expect((await orderOf(order.id)).status).toBe('returned');
    const closed = await receive(rma.id, {
      lines: [{ lineId: line('MUG-1'), quantity: 1, warehouseId: wh, disposition: 'sellable' }],
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe(
      'RMA-000001 is received; only requested or partially received returns can be received',
    );
  });

  it('releases a quarantine hold to sellable or writes it off, once', async () => {
    const detail = (await owner.request('GET', `${S}/returns/${rma.id}`)).json();
    const hold = (sku: string) => detail.holds.find((h: { sku: string }) => h.sku === sku).id;
    const sell = await owner.request('POST', `${S}/returns/${rma.id}/quarantine-release`, {
      holdId: hold('MUG-2'),
      to: 'sellable',
    });
    expect(sell.statusCode, sell.body).toBe(200);
    expect(await levelOf(owner, slug, 'MUG-2', wh)).toEqual({ onHand: 10, reserved: 0 });
    const off = await owner.request('POST', `${S}/returns/${rma.id}/quarantine-release`, {
      holdId: hold('LID-1'),
      to: 'writeoff',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await levelOf(owner, slug, 'LID-1', wh)).toEqual({ onHand: 9, reserved: 0 });
    expect(off.json().holds.map((h: { sku: string; status: string }) => [h.sku, h.status])).toEqual([
      ['LID-1', 'written_off'],
      ['MUG-2', 'released'],
    ]);
    const twice = await owner.request('POST', `${S}/returns/${rma.id}/quarantine-release`, {
      holdId: hold('MUG-2'),
      to: 'writeoff',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'This quarantine hold was already settled (released to sellable)',
    );
    for (const sku of ['MUG-1', 'MUG-2', 'LID-1']) await expectLedgerMatchesLevel(owner, slug, sku, wh);
  });

  it('records a refund of at most what was paid, moves the order to refunded and closes the RMA', async () => {
    const tooMuch = await owner.request('POST', `${S}/returns/${rma.id}/refund`, { amountMinor: 9001 });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.message).toBe(
      'a refund of 9001 is more than what is left to refund on order SO-1: at most 9000 (USD, minor units)',
    );
    const res = await owner.request('POST', `${S}/returns/${rma.id}/refund`, {
      amountMinor: 7000,
      note: 'card',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      refundMinor: 7000,
      order: { status: 'refunded', refundableMinor: 2000 },
    });
    const twice = await owner.request('POST', `${S}/returns/${rma.id}/refund`, { amountMinor: 1 });
    expect(twice.statusCode).toBe(409);

    const o = await orderOf(order.id);
    expect(o.status).toBe('refunded');
    const steps = o.timeline
      .filter((e: { type: string }) => e.type === 'status_changed')
      .map((e: { toStatus: string }) => e.toStatus);
    expect(steps).toEqual(['shipped', 'return_requested', 'returned', 'refunded']);
    const types = o.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['return_created', 'return_received', 'return_refunded']));
    const rmaTimeline = res.json().timeline.map((e: { type: string }) => e.type);
    expect(rmaTimeline).toEqual([
      'created',
      'received',
      'received',
      'received',
      'quarantine_released',
      'quarantine_written_off',
      'refunded',
    ]);
    const audit = await owner.request('GET', `${S}/audit?entityId=${rma.id}&limit=200`);
    expect(audit.statusCode, audit.body).toBe(200);
    const actions = JSON.stringify(audit.json());
    for (const a of ['rma.created', 'rma.received', 'rma.quarantine_settled', 'rma.refunded']) {
      expect(actions).toContain(a);
    }
  });

  it('cancels a return before anything came back, freeing its quantities', async () => {
    const o = await shippedOrder(owner, slug, account, 'SO-2', [
      { sku: 'MUG-1', quantity: 1, unitPriceMinor: 500 },
    ]);
    const body = { reason: 'no_longer_needed', lines: [{ orderLineId: lineId(o, 'MUG-1'), quantity: 1 }] };
    const created = await owner.request('POST', `${S}/orders/${o.id}/returns`, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().number).toBe('RMA-000002');
    const cancel = await owner.request('POST', `${S}/returns/${created.json().id}/cancel`, {
      note: 'kept it',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect((await orderOf(o.id)).status).toBe('completed');
    const again = await owner.request('POST', `${S}/returns/${created.json().id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    // The cancelled return no longer counts: the unit can be returned again.
    const second = await owner.request('POST', `${S}/orders/${o.id}/returns`, body);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().number).toBe('RMA-000003');
    const reject = await owner.request('POST', `${S}/returns/${second.json().id}/cancel`, { reject: true });
    expect(reject.json().status).toBe('rejected');
    const refund = await owner.request('POST', `${S}/returns/${second.json().id}/refund`, {
      amountMinor: 100,
    });
    expect(refund.statusCode).toBe(409);
  });

  it('keeps a partially shipped order partially shipped, and refuses to receive an unmapped SKU', async () => {
    const created = await owner.request('POST', `${S}/orders`, {
      channelAccountId: account,
      externalId: 'PS-1',
      status: 'paid',
      currency: 'USD',
      lines: [
        { sku: 'MUG-1', quantity: 1, unitPriceMinor: 1000 },
        { sku: 'NOT-IN-CATALOG', quantity: 1, unitPriceMinor: 1000 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    const moved = await owner.request('POST', `${S}/orders/${o.id}/status`, { status: 'partially_shipped' });
    expect(moved.statusCode, moved.body).toBe(200);
    const rma = await owner.request('POST', `${S}/orders/${o.id}/returns`, {
      reason: 'wrong_item',
      lines: [{ orderLineId: lineId(o, 'NOT-IN-CATALOG'), quantity: 1 }],
    });
    expect(rma.statusCode, rma.body).toBe(201);
    // The lifecycle has no step from partially shipped to return requested: the order stays, the
    // return is on its timeline.
    const after = await orderOf(o.id);
    expect(after.status).toBe('partially_shipped');
    expect(after.timeline.map((e: { type: string }) => e.type)).toContain('return_created');
    const res = await receive(rma.json().id, {
      lines: [{ lineId: rma.json().lines[0].id, quantity: 1, warehouseId: wh, disposition: 'sellable' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].message).toBe(
      'NOT-IN-CATALOG is not mapped to a Cunkou SKU yet; map it in the SKU mapping queue, then receive',
    );
    await owner.request('POST', `${S}/returns/${rma.json().id}/cancel`, {});
  });

  it('records marketplace-fulfilled (FBA) returns without touching local stock', async () => {
    const amazon = (
      await owner.request('POST', `${S}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US',
        marketplace: 'US',
      })
    ).json().id;
    const file = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '111-0000009-0000009', sku: 'MUG-1', 'fulfillment-channel': 'Amazon' }),
    ]);
    const upload = multipart({ channelAccountId: amazon, format: 'amazon' }, 'All Orders.txt', file);
    const imported = await owner.request('POST', `${S}/order-imports`, upload.payload, upload.headers);
    expect(imported.json()).toMatchObject({ created: 1, failed: 0 });
    const list = (await owner.request('GET', `${S}/orders?q=111-0000009`)).json().items;
    const fba = await orderOf(list[0].id);
    expect(fba).toMatchObject({ fulfillment: 'marketplace', status: 'shipped' });
    const before = await levelOf(owner, slug, 'MUG-1', wh);
    const ledgerBefore = (await movementsOf(owner, slug, 'MUG-1')).length;
    const created = await owner.request('POST', `${S}/orders/${fba.id}/returns`, {
      reason: 'damaged_in_transit',
      lines: [{ orderLineId: fba.lines[0].id, quantity: 1 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().touchesStock).toBe(false);
    const res = await receive(created.json().id, {
      lines: [{ lineId: created.json().lines[0].id, quantity: 1, disposition: 'sellable' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('received');
    expect(res.json().return.receipts[0].lines[0]).toMatchObject({ warehouseId: null, movements: [] });
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual(before);
    expect((await movementsOf(owner, slug, 'MUG-1')).length).toBe(ledgerBefore);
  });

  it('lists returns newest first with status and number filters and a cursor', async () => {
    const all = (await owner.request('GET', `${S}/returns`)).json();
    expect(all.items.map((r: { number: string }) => r.number)).toEqual([
      'RMA-000005',
      'RMA-000004',
      'RMA-000003',
      'RMA-000002',
      'RMA-000001',
    ]);
    expect(all.items[4]).toMatchObject({ status: 'closed', units: 4, received: 4, refundMinor: 7000 });
    const cancelled = (await owner.request('GET', `${S}/returns?status=cancelled`)).json();
    expect(cancelled.items.map((r: { number: string }) => r.number)).toEqual(['RMA-000004', 'RMA-000002']);
    const byOrder = (await owner.request('GET', `${S}/returns?q=SO-2`)).json();
    expect(byOrder.items).toHaveLength(2);
    const byNumber = (await owner.request('GET', `${S}/returns?q=rma-000001`)).json();
    expect(byNumber.items.map((r: { number: string }) => r.number)).toEqual(['RMA-000001']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await owner.request('GET', `${S}/returns?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as { items: { number: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((r) => r.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r: { number: string }) => r.number));
    expect((await owner.request('GET', `${S}/returns/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(
      404,
    );
  });
});
