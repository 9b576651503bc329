import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryOverride } from '../../src/domains/carriers/connect.ts';
import { cancelCarrierOrder, fetchStoredLabel, purchaseLabel } from '../../src/domains/carriers/index.ts';
import { getJourneyTimeline, registerJourney } from '../../src/domains/tracking/index.ts';
import { isAppError, localizeError } from '../../src/kernel/errors.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { startYunExpressSimulator, type YunExpressSimulator } from '../simulators/yunexpress-oms-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { parcel } from './carriers-helpers.ts';
import { quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();
const CUSTOMER = 'C88001';
const SECRET = 'yun-api-secret-7f3a';

async function thrown(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe.skipIf(skip)('carriers: YunExpress OMS API', () => {
  let t: TestApp;
  let sim: YunExpressSimulator;
  let owner: Client;
  let shopId: string;
  let accountId: string;
  const slug = 'carrier-yun';

  beforeAll(async () => {
    retryOverride.policy = quickRetry;
    t = await createTestApp();
    sim = await startYunExpressSimulator({ customerCode: CUSTOMER, apiSecret: SECRET });
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts`, {
      carrier: 'yunexpress',
      name: 'YunExpress',
      environment: 'sandbox',
      baseUrl: sim.url,
      productCode: 'THZXR',
      credentials: { customerCode: CUSTOMER, apiSecret: SECRET },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().credentials).toEqual({ customerCode: '••••', apiSecret: '••••7f3a' });
    accountId = res.json().id;
  });
  afterAll(async () => {
    retryOverride.policy = undefined;
    await sim?.close();
    await t?.close();
  });

  it('test connection uses Basic auth of CustomerCode&ApiSecret', async () => {
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts/${accountId}/test`);
    expect(res.json()).toEqual({ ok: true, message: 'Connected: 3 products available' });
    expect(sim.calls.at(-1)).toEqual({ path: '/api/Common/GetShippingMethods', authOk: true });
  });

  it('buys a label: waybill number, last-mile number, 100×150 mm PDF, kilograms on the wire', async () => {
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-Y1' }),
      'SH-Y1/1',
    );
    expect(bought.carrier).toBe('yunexpress');
    expect(bought.trackingNumber).toMatch(/^YT26\d+$/);
    expect(bought.lastMile).toEqual({
      carrier: 'other',
      trackingNumber: expect.stringMatching(/^9261290\d+$/),
    });
    const page = (await PDFDocument.load(bought.labelPdf)).getPage(0).getSize();
    expect([Math.round((page.width * 25.4) / 72), Math.round((page.height * 25.4) / 72)]).toEqual([100, 150]);
    expect(sim.orders.get('SH-Y1-1')!.body).toMatchObject({ Weight: 0.42, ShippingMethodCode: 'THZXR' });
    expect((await fetchStoredLabel(t.deps, shopId, 'SH-Y1/1'))?.equals(bought.labelPdf)).toBe(true);
  });

  it('a lost answer is recovered through "already exists" + GetOrder: one order only', async () => {
    sim.dropNextCreateAnswer();
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-Y2' }),
      'SH-Y2/1',
    );
    expect(bought.trackingNumber).toBe(sim.orders.get('SH-Y2-1')!.wayBillNumber);
    expect([...sim.orders.keys()].filter((k) => k.startsWith('SH-Y2'))).toEqual(['SH-Y2-1']);
    const again = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-Y2' }),
      'SH-Y2/1',
    );
    expect(again.trackingNumber).toBe(bought.trackingNumber);
  });

  it('refusals name the field, in both languages', async () => {
    const e = await thrown(
      purchaseLabel(
        t.deps,
        shopId,
        accountId,
        parcel({ shipmentNumber: 'SH-Y3' }, { postcode: '9410' }),
        'SH-Y3/1',
      ),
    );
    expect(e.issues.map((i) => i.field)).toEqual(['recipient.postcode']);
    expect(localizeError('zh-CN', e).message).toContain('YunExpress 拒绝了订单');
    const w = await thrown(
      purchaseLabel(
        t.deps,
        shopId,
        accountId,
        parcel({ shipmentNumber: 'SH-Y4', weightG: 30_500 }),
        'SH-Y4/1',
      ),
    );
    expect(w.issues.map((i) => i.field)).toEqual(['weightG']);
  });

  it('delete before pickup; after pickup the carrier refuses', async () => {
    const a = await purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-Y5' }), 'SH-Y5/1');
    expect(await cancelCarrierOrder(t.deps, shopId, accountId, a.carrierOrderId)).toEqual({
      cancelled: true,
      message: null,
    });
    const b = await purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-Y6' }), 'SH-Y6/1');
    sim.receive('SH-Y6-1');
    const r = await cancelCarrierOrder(t.deps, shopId, accountId, b.carrierOrderId);
    expect(r.cancelled).toBe(false);
    expect(r.message).toContain('订单已收货');
  });

  it('tracking pull ingests the carrier events into the journey', async () => {
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-Y7' }),
      'SH-Y7/1',
    );
    await withShop(t.deps.database.db, shopId, (trx) =>
      registerJourney(trx, shopId, {
        reference: 'SH-Y7',
        destinationCountry: 'US',
        legs: [{ kind: 'line_haul', carrier: 'yunexpress', trackingNumber: bought.trackingNumber }],
      }),
    );
    sim.addDetail('SH-Y7-1', {
      ProcessDate: '2026-11-21 08:30:00',
      ProcessContent: '快件已揽收',
      ProcessLocation: 'Shenzhen',
    });
    sim.addDetail('SH-Y7-1', {
      ProcessDate: '2026-11-23T22:00:00',
      ProcessContent: 'Departed from origin airport 离开始发地机场',
      ProcessLocation: 'Shenzhen',
    });
    const { id } = (await owner.request('GET', `/api/shops/${slug}/carrier-labels?key=SH-Y7%2F1`)).json()
      .items[0];
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-labels/${id}/tracking/pull`);
    expect(res.json()).toEqual({ fetched: 2, inserted: 2, duplicates: 0 });
    const tl = await withShop(t.deps.database.db, shopId, (trx) => getJourneyTimeline(trx, shopId, 'SH-Y7'));
    expect(tl?.events).toHaveLength(2);
    expect(tl?.status).toBe('InTransit');
  });

  it('a wrong secret is an authentication error, never shown back', async () => {
    await owner.request('PATCH', `/api/shops/${slug}/carrier-accounts/${accountId}`, {
      credentials: { apiSecret: 'wrong-secret-000' },
    });
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts/${accountId}/test`);
    expect(res.json().ok).toBe(false);
    expect(res.json().message).toContain('身份验证失败');
    expect(res.body).not.toContain('wrong-secret-000');
    const e = await thrown(
      purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-Y8' }), 'SH-Y8/1'),
    );
    expect(e.key).toBe('carriers.remote.authFailed');
  });
});
