import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedWarehouse } from './inventory-helpers.ts';
import { expectLedgerMatchesLevel, levelOf, movementsOf } from './returns-helpers.ts';
import { address, paidOrder, seedService, seedTradeSkus, senderBody } from './shipping-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('shipments: orders → parcels → label → shipped, stock out once', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  const slug = 'ship-flow';
  const S = `/api/shops/${slug}`;
  let account: string;
  let wh: string;
  let service: string;

  const create = (body: unknown) => owner.request('POST', `${S}/shipments`, body);
  const label = (id: string, body: unknown = {}) => owner.request('POST', `${S}/shipments/${id}/label`, body);
  const ship = (id: string) => owner.request('POST', `${S}/shipments/${id}/ship`, {});
  const order = async (id: string) => (await owner.request('GET', `${S}/orders/${id}`)).json();

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await seedTradeSkus(owner, slug, ['MUG-1', 'LID-1']);
    wh = await seedWarehouse(owner, slug, 'FAC');
    const receipt = await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh,
      lines: [
        { sku: 'MUG-1', quantity: 10 },
        { sku: 'LID-1', quantity: 10 },
      ],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'shopee', name: 'Shopee' })
    ).json().id;
    service = await seedService(t, shopId, 'CNPOST-REG', 'chinapost');
    const sender = await owner.request('POST', `${S}/shipping/senders`, senderBody);
    expect(sender.statusCode, sender.body).toBe(201);
    expect(sender.json()).toMatchObject({ isDefault: true, nameZh: '李伟' });
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuses to merge orders going to different addresses, naming both', async () => {
    const a = await paidOrder(owner, slug, account, 'M-A', [
      { sku: 'MUG-1', quantity: 1, unitPriceMinor: 1500 },
    ]);
    const b = await paidOrder(
      owner,
      slug,
      account,
      'M-B',
      [{ sku: 'LID-1', quantity: 1, unitPriceMinor: 500 }],
      address('Bob Meyer'),
    );
    const res = await create({ orderIds: [a.id, b.id], serviceId: service });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toContain('M-A');
    expect(res.json().error.message).toContain('M-B');
    expect(res.json().error.message).toContain('Bob Meyer');
    // Same address (spelled with different spacing/case): one shipment for both orders.
    const c = await paidOrder(
      owner,
      slug,
      account,
      'M-C',
      [{ sku: 'LID-1', quantity: 1, unitPriceMinor: 500 }],
      address('anna  SCHMIDT'),
    );
    const merged = await create({ orderIds: [a.id, c.id], serviceId: service, clientKey: 'merge-1' });
    expect(merged.statusCode, merged.body).toBe(201);
    const m = merged.json();
    expect(m.orders.map((o: { ref: string }) => o.ref).sort()).toEqual(['M-A', 'M-C']);
    expect(m.status).toBe('packed');
    expect(m.number).toMatch(/^CK\d{12}$/);
    // Default weight from the catalog: one MUG-1 (200 g) + one LID-1 (300 g).
    expect(m.parcels).toHaveLength(1);
    expect(m.parcels[0].weightG).toBe(500);
    // The same client key again: the same shipment, not a second one.
    const again = await create({ orderIds: [a.id, c.id], serviceId: service, clientKey: 'merge-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(m.id);
    const cancel = await owner.request('POST', `${S}/shipments/${m.id}/cancel`);
    expect(cancel.json().status).toBe('cancelled');
  });

  it('splits an order over shipments, never more than ordered minus already shipped; stock leaves once', async () => {
    const o = await paidOrder(owner, slug, account, 'SPLIT-1', [
      { sku: 'MUG-1', quantity: 3, unitPriceMinor: 1500 },
      { sku: 'LID-1', quantity: 2, unitPriceMinor: 500 },
    ]);
    const mug = o.lines.find((l) => l.channelSku === 'MUG-1')!.id;
    const lid = o.lines.find((l) => l.channelSku === 'LID-1')!.id;
    const before = {
      mug: await levelOf(owner, slug, 'MUG-1', wh),
      lid: await levelOf(owner, slug, 'LID-1', wh),
    };
    const first = await create({
      orderIds: [o.id],
      serviceId: service,
      parcels: [
        { lines: [{ orderLineId: mug, quantity: 2 }], weightG: 450, dimsMm: { l: 200, w: 150, h: 100 } },
        { lines: [{ orderLineId: lid, quantity: 2 }] },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const A = first.json();
    expect(A.parcels.map((p: { weightG: number }) => p.weightG)).toEqual([450, 600]);
    const tooMany = await create({
      orderIds: [o.id],
      serviceId: service,
      parcels: [{ lines: [{ orderLineId: mug, quantity: 2 }] }],
    });
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.json().error.issues[0].message).toBe(
      'MUG-1 (order SPLIT-1): 2 to ship, but only 1 are left (3 ordered, 2 already in other shipments)',
    );
    // Not labelled yet: shipping is refused and says why.
    const early = await ship(A.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('packed');
    const bad = await label(A.id, { trackingNumbers: [{ parcelNo: 1, trackingNumber: 'RR123456784CN' }] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.issues[0].message).toContain('RR123456784CN');
    const labelled = await label(A.id, {
      trackingNumbers: [{ parcelNo: 1, trackingNumber: 'rr 123456785 cn' }],
    });
    expect(labelled.statusCode, labelled.body).toBe(200);
    expect(labelled.json().parcels[0].trackingNumber).toBe('RR123456785CN');
    expect(labelled.json().status).toBe('labelled');

    const shipped = await ship(A.id);
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', replayed: false });
    expect((await order(o.id)).status).toBe('partially_shipped');
    const replay = await ship(A.id);
    expect(replay.json().replayed).toBe(true);
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual({
      onHand: before.mug.onHand - 2,
      reserved: before.mug.reserved - 3,
    });
    expect(await levelOf(owner, slug, 'LID-1', wh)).toEqual({
      onHand: before.lid.onHand - 2,
      reserved: before.lid.reserved - 2,
    });

    const rest = await create({ orderIds: [o.id], serviceId: service });
    expect(rest.statusCode, rest.body).toBe(201);
    const B = rest.json();
    expect(B.parcels[0].lines).toMatchObject([{ sku: 'MUG-1', quantity: 1 }]);
    expect((await label(B.id)).statusCode).toBe(200);
    expect((await ship(B.id)).statusCode).toBe(200);
    expect((await ship(B.id)).json().replayed).toBe(true);
    expect((await order(o.id)).status).toBe('shipped');
    expect(await levelOf(owner, slug, 'MUG-1', wh)).toEqual({
      onHand: before.mug.onHand - 3,
      reserved: before.mug.reserved - 3,
    });
    // Ledger: this order's units left exactly once (3 MUG-1, 2 LID-1), levels equal the ledger.
    const out = (await movementsOf(owner, slug, 'MUG-1')).filter(
      (m) => m.kind === 'shipment' && [o.id, A.id, B.id].includes(m.refId!),
    );
    expect(out.reduce((s, m) => s + m.onHandDelta, 0)).toBe(-3);
    await expectLedgerMatchesLevel(owner, slug, 'MUG-1', wh);
    await expectLedgerMatchesLevel(owner, slug, 'LID-1', wh);
    // Nothing left: a third shipment is refused.
    const none = await create({ orderIds: [o.id], serviceId: service });
    expect(none.statusCode).toBe(409);

    // The journey is registered under the shipment number with the line-haul leg, and the
    // write-back is queued once per order and tracking number.
    const journey = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('tracking_journeys')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('reference', '=', A.number)
        .executeTakeFirst(),
    );
    expect(journey).toMatchObject({ shipment_id: A.id, destination_country: 'DE' });
    const legs = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('tracking_legs')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('journey_id', '=', journey!.id)
        .execute(),
    );
    expect(legs).toMatchObject([
      { kind: 'line_haul', carrier: 'chinapost', tracking_number: 'RR123456785CN' },
    ]);
    const confirmations = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('channel_shipment_confirmations' as never)
        .selectAll()
        .where('order_id' as never, '=', o.id as never)
        .execute(),
    );
    expect(confirmations.length).toBe(2);
  });

  it('refuses an order on hold, naming the hold', async () => {
    const res = await owner.request('POST', `${S}/orders`, {
      channelAccountId: account,
      externalId: 'HOLD-1',
      status: 'paid',
      currency: 'EUR',
      shipTo: address(),
      lines: [{ sku: 'NOT-MAPPED', quantity: 1, unitPriceMinor: 100 }],
    });
    expect(res.json().holds).toContain('unmapped_sku');
    const refused = await create({ orderIds: [res.json().id], serviceId: service });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Order HOLD-1 is on hold (SKU not mapped); release the hold first',
    );
  });

  it('scans to ship: number → shipped; again → already shipped; typo and unknown told apart', async () => {
    const o = await paidOrder(owner, slug, account, 'SCAN-1', [
      { sku: 'LID-1', quantity: 1, unitPriceMinor: 500 },
    ]);
    const s = (await create({ orderIds: [o.id], serviceId: service })).json();
    const scan = (code: string) => owner.request('POST', `${S}/shipments/scan`, { code });
    expect((await scan(s.number)).json()).toMatchObject({ outcome: 'not_labelled' });
    await label(s.id);
    const first = (await scan(` ${s.number.toLowerCase()} `)).json();
    expect(first).toMatchObject({ outcome: 'shipped', number: s.number, message: `${s.number} shipped` });
    expect((await order(o.id)).status).toBe('shipped');
    const again = (await scan(s.number)).json();
    expect(again.outcome).toBe('already_shipped');
    expect(again.message).toContain(`${first.shippedAt.slice(0, 16).replace('T', ' ')} UTC`);
    const last = Number(s.number.at(-1));
    const typo = `${s.number.slice(0, -1)}${(last + 1) % 10}`;
    expect((await scan(typo)).json()).toMatchObject({ outcome: 'typo' });
    expect((await scan('CK00000000000X')).json()).toMatchObject({ outcome: 'unknown' });
  });

  it('prints labels of many shipments as one PDF, one page per parcel, and each document kind', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await paidOrder(owner, slug, account, `PDF-${i}`, [
        { sku: 'MUG-1', quantity: 1, unitPriceMinor: 1500 },
      ]);
      const s = (await create({ orderIds: [o.id], serviceId: service })).json();
      ids.push(i === 1 ? s.number : s.id);
    }
    const res = await owner.request('POST', `${S}/shipments/documents/labels`, { ids });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="labels-3.pdf"');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getPageCount()).toBe(3);
    const one = ids[0]!;
    for (const kind of [
      'label',
      'cn22',
      'cn23',
      'customs',
      'commercial-invoice',
      'packing-list',
      'packing-slip',
      'pick-list',
    ]) {
      const doc = await owner.request('GET', `${S}/shipments/${one}/documents/${kind}.pdf`);
      expect(doc.statusCode, `${kind}: ${doc.body.slice(0, 200)}`).toBe(200);
      expect(doc.headers['content-type']).toBe('application/pdf');
      expect(doc.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const pick = await owner.request('POST', `${S}/shipments/documents/pick-list`, { ids });
    expect(pick.statusCode).toBe(200);
    const unknown = await owner.request('POST', `${S}/shipments/documents/labels`, { ids: ['CK999'] });
    expect(unknown.statusCode).toBe(404);
  });
});
