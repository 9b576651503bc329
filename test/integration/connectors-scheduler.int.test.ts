import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncScheduler, syncEnabled } from '../../src/domains/connectors/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type AmazonSimulator, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

const creds = {
  clientId: 'amzn1.application-oa2-client.sched',
  clientSecret: 'amzn1.oa2-cs.v1.sched-secret-000',
  refreshToken: 'Atzr|sched-refresh-token-000',
  sellerId: 'A3SCHEDSELLER',
  marketplaceId: 'A1PA6795UKMFR9',
};

describe.skipIf(skip)('connectors: scheduler', () => {
  let t: TestApp;
  let client: Client;
  let sim: AmazonSimulator;
  let shopId: string;
  let accountId: string;
  const slug = 'conn-sched';

  beforeAll(async () => {
    sim = await startAmazonSimulator(creds);
    t = await createTestApp();
    ({ client } = await seedShop(t, slug));
    shopId = (
      await t.deps.database.db
        .selectFrom('shops')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
    accountId = (
      await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon DE',
        marketplace: 'DE',
      })
    ).json().id;
    const res = await client.request('PUT', `/api/shops/${slug}/channel-accounts/${accountId}/credentials`, {
      credentials: { ...creds, region: 'eu', endpoint: sim.url, lwaUrl: `${sim.url}/auth/o2/token` },
    });
    expect(res.statusCode, res.body).toBe(200);
    sim.orders.set('302-1', {
      AmazonOrderId: '302-1',
      PurchaseDate: new Date(Date.now() - 7_200_000).toISOString(),
      LastUpdateDate: new Date(Date.now() - 3_600_000).toISOString(),
      OrderStatus: 'Unshipped',
      FulfillmentChannel: 'MFN',
      MarketplaceId: creds.marketplaceId,
      OrderTotal: { CurrencyCode: 'EUR', Amount: '19.90' },
      PaymentMethod: 'Other',
      ShippingAddress: {
        Name: 'Lena Weber',
        AddressLine1: 'Hauptstr. 5',
        City: 'Berlin',
        PostalCode: '10115',
        CountryCode: 'DE',
      },
      BuyerInfo: {},
      items: [
        {
          OrderItemId: 'a',
          SellerSKU: 'KERZE-1',
          ASIN: 'B0K',
          Title: 'Kerze',
          QuantityOrdered: 1,
          ItemPrice: { CurrencyCode: 'EUR', Amount: '19.90' },
          ItemTax: { CurrencyCode: 'EUR', Amount: '3.18' },
        },
      ],
    });
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('is on unless CUNKOU_SYNC=off', () => {
    expect(syncEnabled({})).toBe(true);
    expect(syncEnabled({ CUNKOU_SYNC: 'off' })).toBe(false);
  });

  it('syncs a due account once even when two schedulers tick at the same time, then waits its interval', async () => {
    // A run left "running" by a killed process is closed as interrupted by the next sync.
    await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .insertInto('channel_sync_runs')
        .values({
          shop_id: shopId,
          id: '00000000-0000-4000-8000-0000000000aa',
          account_id: accountId,
          trigger: 'schedule',
          status: 'running',
        })
        .execute(),
    );
    const a = startSyncScheduler(t.deps, { tickMs: 3_600_000 });
    const b = startSyncScheduler(t.deps, { tickMs: 3_600_000 });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.stop(), b.stop()]);
    const runs = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('channel_sync_runs').selectAll().where('shop_id', '=', shopId).execute(),
    );
    expect(runs).toHaveLength(2);
    expect(runs.find((r) => r.id.endsWith('aa'))).toMatchObject({
      status: 'failed',
      error_key: 'connectors.sync.interrupted',
    });
    expect(runs.find((r) => !r.id.endsWith('aa'))).toMatchObject({
      trigger: 'schedule',
      status: 'ok',
      created: 1,
    });
    const schedule = await t.deps.database.db
      .selectFrom('connector_schedule')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(schedule.lease_owner).toBeNull();
    expect(new Date(schedule.next_sync_at).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    // Not due any more: another tick does nothing.
    const c = startSyncScheduler(t.deps, { tickMs: 3_600_000 });
    await c.tick();
    await c.stop();
    const after = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('channel_sync_runs').select('id').where('shop_id', '=', shopId).execute(),
    );
    expect(after).toHaveLength(2);
  });
});
