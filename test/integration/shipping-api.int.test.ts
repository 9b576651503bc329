import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryOverride } from '../../src/domains/carriers/connect.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type FourPxSimulator, startFourPxSimulator } from '../simulators/fourpx-open-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { APP_KEY, APP_SECRET, createCarrierAccount } from './carriers-helpers.ts';
import { quickRetry } from './connectors-helpers.ts';
import { seedWarehouse } from './inventory-helpers.ts';
import { paidOrder, seedService, seedTradeSkus, senderBody } from './shipping-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('shipments API: senders, carrier labels, tenancy', () => {
  let t: TestApp;
  let sim: FourPxSimulator;
  let owner: Client;
  let other: Client;
  let shopId: string;
  let account: string;
  let apiService: string;
  let postService: string;
  const slug = 'ship-api';
  const S = `/api/shops/${slug}`;

  beforeAll(async () => {
    retryOverride.policy = quickRetry;
    t = await createTestApp();
    sim = await startFourPxSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
    other = (await seedShop(t, 'ship-api-b')).client;
    await seedTradeSkus(owner, slug, ['CANDLE-1']);
    const wh = await seedWarehouse(owner, slug, 'SZ');
    await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh,
      lines: [{ sku: 'CANDLE-1', quantity: 20 }],
    });
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'own_store', name: 'Store' })
    ).json().id;
    const carrierAccount = (await createCarrierAccount(owner, slug, sim.url)).id;
    apiService = await seedService(t, shopId, '4PX-PX', '4px', carrierAccount);
    postService = await seedService(t, shopId, 'CNPOST', 'chinapost');
  }, 120_000);
  afterAll(async () => {
    retryOverride.policy = undefined;
    await sim?.close();
    await t?.close();
  });

  it('keeps sender addresses with one default; labels need one', async () => {
    const o = await paidOrder(owner, slug, account, 'NOSENDER', [
      { sku: 'CANDLE-1', quantity: 1, unitPriceMinor: 1299 },
    ]);
    const s = (
      await owner.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: postService })
    ).json();
    const refused = await owner.request('POST', `${S}/shipments/${s.id}/label`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('No sender address');
    const a = (await owner.request('POST', `${S}/shipping/senders`, senderBody)).json();
    const b = await owner.request('POST', `${S}/shipping/senders`, {
      ...senderBody,
      name: 'Zhang San',
      isDefault: true,
    });
    expect(b.statusCode).toBe(201);
    const list = (await owner.request('GET', `${S}/shipping/senders`)).json().items;
    expect(list.map((x: { name: string; isDefault: boolean }) => [x.name, x.isDefault])).toEqual([
      ['Zhang San', true],
      ['Li Wei', false],
    ]);
    const put = await owner.request('PUT', `${S}/shipping/senders/${a.id}`, {
      ...senderBody,
      city: 'Jinhua',
    });
    expect(put.json().city).toBe('Jinhua');
    expect((await owner.request('DELETE', `${S}/shipping/senders/${a.id}`)).statusCode).toBe(204);
    expect((await owner.request('POST', `${S}/shipments/${s.id}/label`, {})).statusCode).toBe(200);
  });

  it('buys the label through the carrier API once, prints it in the batch, cancels at the carrier', async () => {
    const o = await paidOrder(owner, slug, account, 'API-1', [
      { sku: 'CANDLE-1', quantity: 2, unitPriceMinor: 1299 },
    ]);
    const s = (
      await owner.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: apiService })
    ).json();
    expect(s.service).toMatchObject({ code: '4PX-PX', viaApi: true });
    const labelled = await owner.request('POST', `${S}/shipments/${s.id}/label`, {});
    expect(labelled.statusCode, labelled.body).toBe(200);
    const tracking = labelled.json().parcels[0].trackingNumber;
    expect(tracking).toMatch(/^4PX\d+CN$/);
    expect(labelled.json().parcels[0].labelKind).toBe('carrier');
    const again = await owner.request('POST', `${S}/shipments/${s.id}/label`, {});
    expect(again.json()).toMatchObject({ replayed: true });
    expect(sim.orders.size).toBe(1);
    const own = (
      await owner.request('POST', `${S}/shipments`, {
        orderIds: [
          (
            await paidOrder(owner, slug, account, 'OWN-1', [
              { sku: 'CANDLE-1', quantity: 1, unitPriceMinor: 500 },
            ])
          ).id,
        ],
        serviceId: postService,
      })
    ).json();
    const pdf = await owner.request('POST', `${S}/shipments/documents/labels`, {
      ids: [tracking, own.number],
    });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBe(2);
    const byTracking = await owner.request('GET', `${S}/shipments/lookup/${tracking}`);
    expect(byTracking.json().id).toBe(s.id);
    const cancelled = await owner.request('POST', `${S}/shipments/${s.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect([...sim.orders.values()][0]!.status).toBe('cancelled');
    // The order's lines are free again for a new shipment.
    expect(
      (await owner.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: postService }))
        .statusCode,
    ).toBe(201);
  });

  it('bulk ships: each shipment on its own, refusals named; the first-mile leg joins the journey', async () => {
    const mk = async (ref: string) => {
      const o = await paidOrder(owner, slug, account, ref, [
        { sku: 'CANDLE-1', quantity: 1, unitPriceMinor: 700 },
      ]);
      return (
        await owner.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: postService })
      ).json();
    };
    const a = await mk('BULK-1');
    const b = await mk('BULK-2');
    await owner.request('POST', `${S}/shipments/${a.id}/label`, {
      trackingNumbers: [{ parcelNo: 1, trackingNumber: 'RR123456785CN' }],
    });
    await owner.request('PATCH', `${S}/shipments/${a.id}`, {});
    const first = await owner.request('PATCH', `${S}/shipments/${b.id}`, {
      firstMile: { carrier: 'zto', trackingNumber: '75312345678901' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const res = await owner.request('POST', `${S}/shipments/ship`, { ids: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().shipped).toBe(1);
    expect(res.json().results[1]).toMatchObject({ id: b.id, ok: false });
    expect(res.json().results[1].message).toBe(
      `${b.number} is packed; only labelled shipments can be marked shipped`,
    );
    await owner.request('POST', `${S}/shipments/${b.id}/label`, {});
    expect((await owner.request('POST', `${S}/shipments/ship`, { ids: [b.id, a.id] })).json().shipped).toBe(
      1,
    );
    const legs = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('tracking_legs as l')
        .innerJoin('tracking_journeys as j', (jn) =>
          jn.onRef('j.shop_id', '=', 'l.shop_id').onRef('j.id', '=', 'l.journey_id'),
        )
        .select(['l.kind', 'l.carrier', 'l.tracking_number'])
        .where('l.shop_id', '=', shopId)
        .where('j.reference', '=', b.number)
        .execute(),
    );
    expect(legs).toEqual([{ kind: 'first_mile', carrier: 'zto', tracking_number: '75312345678901' }]);
    const listed = (
      await owner.request('GET', `${S}/shipments?status=shipped&serviceId=${postService}`)
    ).json();
    expect(listed.items.map((x: { number: string }) => x.number)).toEqual(
      expect.arrayContaining([a.number, b.number]),
    );
  });

  it('never shows shop A’s shipments to shop B (every route 404)', async () => {
    const o = await paidOrder(owner, slug, account, 'TEN-1', [
      { sku: 'CANDLE-1', quantity: 1, unitPriceMinor: 500 },
    ]);
    const s = (
      await owner.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: postService })
    ).json();
    const B = '/api/shops/ship-api-b';
    const calls: [string, string, unknown?][] = [
      ['GET', `${B}/shipments/${s.id}`],
      ['GET', `${B}/shipments/${s.id}/rates`],
      ['GET', `${B}/shipments/lookup/${s.number}`],
      ['GET', `${B}/shipments/${s.id}/documents/label.pdf`],
      ['PATCH', `${B}/shipments/${s.id}`, { parcels: [{ parcelNo: 1, weightG: 10 }] }],
      ['POST', `${B}/shipments/${s.id}/label`, {}],
      ['POST', `${B}/shipments/${s.id}/ship`, {}],
      ['POST', `${B}/shipments/${s.id}/cancel`],
      ['POST', `${B}/shipments/documents/labels`, { ids: [s.id] }],
      ['POST', `${B}/shipments/documents/pick-list`, { ids: [s.number] }],
      ['POST', `${B}/shipments`, { orderIds: [o.id] }],
      ['POST', `${B}/shipments/preview`, { orderIds: [o.id] }],
    ];
    for (const [method, url, body] of calls) {
      const res = await other.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    const scan = await other.request('POST', `${B}/shipments/scan`, { code: s.number });
    expect(scan.json().outcome).toBe('unknown');
    expect((await other.request('GET', `${B}/shipments`)).json().total).toBe(0);
    // Shop A's own copy is untouched.
    expect((await owner.request('GET', `${S}/shipments/${s.id}`)).json().status).toBe('packed');
  });
});
