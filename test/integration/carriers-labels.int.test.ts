import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryOverride } from '../../src/domains/carriers/connect.ts';
import { cancelCarrierOrder, fetchStoredLabel, purchaseLabel } from '../../src/domains/carriers/index.ts';
import { type AppError, isAppError, localizeError } from '../../src/kernel/errors.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type FourPxSimulator, startFourPxSimulator } from '../simulators/fourpx-open-api.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { APP_KEY, APP_SECRET, createCarrierAccount, parcel } from './carriers-helpers.ts';
import { quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(skip)('carriers: buying labels through the 4PX API', () => {
  let t: TestApp;
  let sim: FourPxSimulator;
  let shopId: string;
  let accountId: string;
  const slug = 'carrier-lab';

  beforeAll(async () => {
    retryOverride.policy = quickRetry;
    t = await createTestApp();
    sim = await startFourPxSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    const s = await seedShop(t, slug);
    shopId = s.shop.id;
    accountId = (await createCarrierAccount(s.client, slug, sim.url)).id;
  });
  afterAll(async () => {
    retryOverride.policy = undefined;
    await sim?.close();
    await t?.close();
  });

  it('creates the order (signed), stores tracking number and a 100×150 mm label PDF', async () => {
    const bought = await purchaseLabel(t.deps, shopId, accountId, parcel(), 'SH-000123/1');
    expect(bought.carrier).toBe('4px');
    expect(bought.trackingNumber).toMatch(/^4PX\d+CN$/);
    expect(bought.carrierOrderId).toMatch(/^DS\d+$/);
    expect(bought.lastMile).toEqual({
      carrier: 'usps',
      trackingNumber: expect.stringMatching(/^92001902\d+$/),
    });
    const pdf = await PDFDocument.load(bought.labelPdf);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round((width * 25.4) / 72)).toBe(100);
    expect(Math.round((height * 25.4) / 72)).toBe(150);
    expect(sim.calls.every((c) => c.signOk)).toBe(true);
    const sent = sim.orders.get('SH-000123-1')!.body as {
      parcel_list: { declare_product_info: unknown[] }[];
    };
    expect(sent.parcel_list[0]).toMatchObject({ weight: 420, parcel_value: 25.98, currency: 'USD' });
    expect(sent.parcel_list[0]?.declare_product_info[0]).toMatchObject({
      hscode_export: '340600',
      declare_product_name_cn: '香薰蜡烛',
    });
    const stored = await fetchStoredLabel(t.deps, shopId, 'SH-000123/1');
    expect(stored?.equals(bought.labelPdf)).toBe(true);
  });

  it('a retry with the same key returns the stored label and never buys again', async () => {
    const creates = sim.calls.filter((c) => c.method === 'ds.xms.order.create').length;
    const again = await purchaseLabel(t.deps, shopId, accountId, parcel(), 'SH-000123/1');
    expect(sim.calls.filter((c) => c.method === 'ds.xms.order.create').length).toBe(creates);
    expect(again.trackingNumber).toBe(
      (await purchaseLabel(t.deps, shopId, accountId, parcel(), 'SH-000123/1')).trackingNumber,
    );
    expect(sim.orders.size).toBe(1);
  });

  it('an answer lost after the carrier created the order: the retry finds it via "already exists"', async () => {
    sim.dropNextCreateAnswer();
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-000124' }),
      'SH-000124/1',
    );
    const order = sim.orders.get('SH-000124-1')!;
    expect(bought.trackingNumber).toBe(order.trackingNo);
    expect([...sim.orders.values()].filter((o) => o.refNo.startsWith('SH-000124'))).toHaveLength(1);
    const methods = sim.calls.map((c) => c.method);
    expect(methods).toContain('ds.xms.order.get');
  });

  it('two concurrent purchases with one key end with one carrier order and one label row', async () => {
    const [a, b] = await Promise.all([
      purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-C1' }), 'SH-C1/1'),
      purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-C1' }), 'SH-C1/1'),
    ]);
    expect(a.trackingNumber).toBe(b.trackingNumber);
    expect([...sim.orders.keys()].filter((k) => k.startsWith('SH-C1'))).toEqual(['SH-C1-1']);
    const rows = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('carrier_labels').select('id').where('idempotency_key', '=', 'SH-C1/1').execute(),
    );
    expect(rows).toHaveLength(1);
  });

  it('throttling (HTTP 429) is retried with backoff', async () => {
    sim.throttle(2);
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-000125' }),
      'SH-000125/1',
    );
    expect(bought.trackingNumber).toBeTruthy();
  });

  it.each([
    ['recipient.postcode', parcel({ shipmentNumber: 'SH-2' }, { postcode: 'ABC' }), '邮编'],
    ['recipient.lines', parcel({ shipmentNumber: 'SH-3' }, { lines: ['x'.repeat(130)] }), '地址'],
    ['weightG', parcel({ shipmentNumber: 'SH-4', weightG: 31_000 }), '重量'],
    [
      'declaredValue',
      parcel({ shipmentNumber: 'SH-5', items: [{ ...parcel().items[0]!, unitValueMinor: 150_000 }] }),
      '申报价值',
    ],
    [
      'items.hsCode',
      parcel({ shipmentNumber: 'SH-6', items: [{ ...parcel().items[0]!, hsCode: '34' }] }),
      '海关编码',
    ],
  ])('a carrier refusal names the field %s, in English and Chinese', async (field, p, zh) => {
    const e = await refusal(purchaseLabel(t.deps, shopId, accountId, p, `${p.shipmentNumber}/1`));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.issues.map((i) => i.field)).toEqual([field]);
    expect(localizeError('en', e).issues[0]!.message).toMatch(/carrier|weight|address|declared/);
    const cn = localizeError('zh-CN', e);
    expect(cn.message).toContain('4PX 拒绝了订单');
    expect(cn.issues[0]!.message).toContain(zh);
    const none = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('carrier_labels')
        .select('id')
        .where('idempotency_key', '=', `${p.shipmentNumber}/1`)
        .execute(),
    );
    expect(none).toEqual([]);
  });

  it('cancel before pickup; cancel after pickup is refused with the carrier reason', async () => {
    const a = await purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-7' }), 'SH-7/1');
    expect(await cancelCarrierOrder(t.deps, shopId, accountId, a.carrierOrderId)).toEqual({
      cancelled: true,
      message: null,
    });
    expect(sim.orders.get('SH-7-1')!.status).toBe('cancelled');
    expect(await fetchStoredLabel(t.deps, shopId, 'SH-7/1')).toBeNull();
    // Bought again under the same key: a new carrier order number, not "already exists".
    const again = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-7' }),
      'SH-7/1',
    );
    expect(again.carrierOrderId).not.toBe(a.carrierOrderId);
    expect(sim.orders.has('SH-7-1-R2')).toBe(true);

    const b = await purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-8' }), 'SH-8/1');
    sim.pickUp('SH-8-1');
    const r = await cancelCarrierOrder(t.deps, shopId, accountId, b.carrierOrderId);
    expect(r).toEqual({ cancelled: false, message: '订单已揽收,不能取消' });
    expect(await fetchStoredLabel(t.deps, shopId, 'SH-8/1')).not.toBeNull();
  });

  it('a label URL outside the allowed hosts is not fetched (SSRF); nothing is stored', async () => {
    sim.labelOrigin = 'http://10.1.2.3';
    try {
      const e = await refusal(
        purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-S1' }), 'SH-S1/1'),
      );
      expect(e.key).toBe('carriers.label.hostNotAllowed');
    } finally {
      sim.labelOrigin = null;
    }
    expect(await fetchStoredLabel(t.deps, shopId, 'SH-S1/1')).toBeNull();
    // Once the carrier serves the label from an allowed host, the retry uses the existing order.
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-S1' }),
      'SH-S1/1',
    );
    expect(bought.trackingNumber).toBe(sim.orders.get('SH-S1-1')!.trackingNo);
    expect([...sim.orders.keys()].filter((k) => k.startsWith('SH-S1'))).toEqual(['SH-S1-1']);
  });

  it('an account that is switched off cannot buy labels', async () => {
    await withShop(t.deps.database.db, shopId, (trx) =>
      trx.updateTable('carrier_accounts').set({ active: false }).where('id', '=', accountId).execute(),
    );
    try {
      const e = await refusal(
        purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-OFF' }), 'SH-OFF/1'),
      );
      expect(e.code).toBe('CONFLICT');
    } finally {
      await withShop(t.deps.database.db, shopId, (trx) =>
        trx.updateTable('carrier_accounts').set({ active: true }).where('id', '=', accountId).execute(),
      );
    }
    expect(sim.orders.has('SH-OFF-1')).toBe(false);
  });

  it('a wrong secret is the carrier signature error, not a field refusal', async () => {
    const other = await seedShop(t, 'carrier-bad');
    const bad = await other.client.request('POST', '/api/shops/carrier-bad/carrier-accounts', {
      carrier: '4px',
      name: 'Bad',
      environment: 'sandbox',
      baseUrl: sim.url,
      productCode: 'PX',
      credentials: { appKey: APP_KEY, appSecret: 'not-the-secret' },
    });
    const e = await refusal(
      purchaseLabel(t.deps, other.shop.id, bad.json().id, parcel({ shipmentNumber: 'SH-9' }), 'SH-9/1'),
    );
    expect(e.code).toBe('PROVIDER_FAILED');
    expect(e.key).toBe('carriers.remote.authFailed');
    // Tenancy: shop B cannot use shop A's account id.
    const cross = await refusal(
      purchaseLabel(t.deps, other.shop.id, accountId, parcel({ shipmentNumber: 'SH-10' }), 'SH-10/1'),
    );
    expect(cross.code).toBe('NOT_FOUND');
    expect(await fetchStoredLabel(t.deps, other.shop.id, 'SH-000123/1')).toBeNull();
  });
});
