import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryOverride } from '../../src/domains/carriers/connect.ts';
import { purchaseLabel } from '../../src/domains/carriers/index.ts';
import { getJourneyTimeline, registerJourney } from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type FourPxSimulator, startFourPxSimulator } from '../simulators/fourpx-open-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { APP_KEY, APP_SECRET, createCarrierAccount, parcel } from './carriers-helpers.ts';
import { memberClient, quickRetry } from './connectors-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('carriers: label routes and tracking pull', () => {
  let t: TestApp;
  let sim: FourPxSimulator;
  let owner: Client;
  let shopId: string;
  let accountId: string;
  const slug = 'carrier-rt';

  beforeAll(async () => {
    retryOverride.policy = quickRetry;
    t = await createTestApp();
    sim = await startFourPxSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
    accountId = (await createCarrierAccount(owner, slug, sim.url)).id;
  });
  afterAll(async () => {
    retryOverride.policy = undefined;
    await sim?.close();
    await t?.close();
  });

  it('lists labels by key and serves the stored PDF; other shops get 404', async () => {
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-R1' }),
      'SH-R1/1',
    );
    const list = await owner.request(
      'GET',
      `/api/shops/${slug}/carrier-labels?key=${encodeURIComponent('SH-R1/1')}`,
    );
    expect(list.statusCode).toBe(200);
    const [label] = list.json().items;
    expect(label).toMatchObject({ trackingNumber: bought.trackingNumber, status: 'bought', carrier: '4px' });
    const pdf = await owner.request('GET', `/api/shops/${slug}/carrier-labels/${label.id}/label.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBe(1);

    const other = await seedShop(t, 'carrier-rt-other');
    expect(
      (await other.client.request('GET', `/api/shops/carrier-rt-other/carrier-labels/${label.id}/label.pdf`))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.client.request('POST', `/api/shops/carrier-rt-other/carrier-labels/${label.id}/cancel`))
        .statusCode,
    ).toBe(404);
  });

  it('pulls tracking from the carrier into the journey; a second pull adds nothing', async () => {
    const bought = await purchaseLabel(
      t.deps,
      shopId,
      accountId,
      parcel({ shipmentNumber: 'SH-R2' }),
      'SH-R2/1',
    );
    await withShop(t.deps.database.db, shopId, (trx) =>
      registerJourney(trx, shopId, {
        reference: 'SH-R2',
        destinationCountry: 'US',
        legs: [{ kind: 'line_haul', mode: 'air', carrier: '4px', trackingNumber: bought.trackingNumber }],
      }),
    );
    sim.addEvent('SH-R2-1', {
      businessLinkCode: 'FPX_C_SPLS',
      occurDatetime: '2026-11-20 10:00:00',
      trackingContent: '快件已揽收 Parcel picked up',
      occurLocation: 'Shenzhen',
    });
    sim.addEvent('SH-R2-1', {
      businessLinkCode: 'FPX_S_OK',
      occurDatetime: '2026-11-27 15:30:00',
      trackingContent: 'Delivered 已签收',
      occurLocation: 'San Francisco, US',
    });
    const { id } = (
      await owner.request('GET', `/api/shops/${slug}/carrier-labels?trackingNumber=${bought.trackingNumber}`)
    ).json().items[0];
    const warehouse = await memberClient(t, shopId, slug, 'warehouse');
    const first = await warehouse.request('POST', `/api/shops/${slug}/carrier-labels/${id}/tracking/pull`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ fetched: 2, inserted: 2, duplicates: 0 });
    const second = await warehouse.request('POST', `/api/shops/${slug}/carrier-labels/${id}/tracking/pull`);
    expect(second.json()).toEqual({ fetched: 2, inserted: 0, duplicates: 2 });
    const timeline = await withShop(t.deps.database.db, shopId, (trx) =>
      getJourneyTimeline(trx, shopId, 'SH-R2'),
    );
    expect(timeline?.status).toBe('Delivered');
    expect(timeline?.events).toHaveLength(2);
    // Pulling all open labels: the same events again are duplicates; fresh labels have none yet.
    const all = await warehouse.request('POST', `/api/shops/${slug}/carrier-labels/tracking/pull`, {});
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ fetched: 2, inserted: 0, duplicates: 2, failed: [] });
    expect(all.json().labels).toBeGreaterThanOrEqual(2);
  });

  it('cancels through the route (shipping:write); finance cannot', async () => {
    await purchaseLabel(t.deps, shopId, accountId, parcel({ shipmentNumber: 'SH-R3' }), 'SH-R3/1');
    const { id } = (await owner.request('GET', `/api/shops/${slug}/carrier-labels?key=SH-R3%2F1`)).json()
      .items[0];
    const viewer = await memberClient(t, shopId, slug, 'finance');
    expect((await viewer.request('POST', `/api/shops/${slug}/carrier-labels/${id}/cancel`)).statusCode).toBe(
      403,
    );
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-labels/${id}/cancel`);
    expect(res.json()).toEqual({ cancelled: true, message: null });
    expect((await owner.request('GET', `/api/shops/${slug}/carrier-labels/${id}`)).json().status).toBe(
      'cancelled',
    );
  });
});
