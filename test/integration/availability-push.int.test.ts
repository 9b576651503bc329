import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AmazonSimulator, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

const creds = {
  clientId: 'amzn1.application-oa2-client.ats0123456789abcdef',
  clientSecret: 'amzn1.oa2-cs.v1.atssecret0123456789abcdef',
  refreshToken: 'Atzr|IwEBIatsrefresh0123456789abcdef',
  sellerId: 'A3ATSSELLER0EXAMPLE',
  marketplaceId: 'ATVPDKIKX0DER',
};

/** Push through the real Amazon connector, against the SP-API simulator (Listings Items PATCH). */
describe.skipIf(skip)('stock push through the Amazon connector', () => {
  let t: TestApp;
  let owner: Client;
  let sim: AmazonSimulator;
  const S = '/api/shops/ats-push';
  let account: string;
  let fac: string;

  const rows = async () =>
    Object.fromEntries(
      (await owner.request('GET', `${S}/channel-accounts/${account}/available-stock`))
        .json()
        .items.map((r: { channelSku: string }) => [r.channelSku, r]),
    );
  const push = async (body: Record<string, unknown> = {}) => {
    const res = await owner.request('POST', `${S}/channel-accounts/${account}/stock-pushes`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const patched = () =>
    sim.patches.map((p) => [p.sku, JSON.stringify(p.body).match(/"quantity":(\d+)/)?.[1]]);

  beforeAll(async () => {
    sim = await startAmazonSimulator(creds);
    sim.skus.add('MUG-1');
    t = await createTestApp();
    owner = (await seedShop(t, 'ats-push')).client;
    await seedSkus(owner, 'ats-push', ['MUG-1', 'GHOST-1']);
    fac = await seedWarehouse(owner, 'ats-push', 'FAC', { kind: 'factory' });
    const receipt = await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: fac,
      lines: [
        { sku: 'MUG-1', quantity: 10 },
        { sku: 'GHOST-1', quantity: 5 },
      ],
    });
    expect(receipt.statusCode, receipt.body).toBeLessThan(300);
    account = (
      await owner.request('POST', `${S}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US',
        marketplace: creds.marketplaceId,
      })
    ).json().id;
    // One SKU per line, same on both sides; GHOST-1 is not listed on Amazon.
    const rules = await owner.request('PUT', `${S}/channel-accounts/${account}/stock-rules`, {
      listing: 'catalog',
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const conn = await owner.request('PUT', `${S}/channel-accounts/${account}/credentials`, {
      credentials: { ...creds, region: 'na', endpoint: sim.url, lwaUrl: `${sim.url}/auth/o2/token` },
    });
    expect(conn.statusCode, conn.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('sends changed SKUs only, records acceptances and refusals, retries only what is still changed', async () => {
    const first = await push();
    expect(first).toMatchObject({ sent: 2, accepted: 1, refused: 1 });
    expect(first.outcomes).toEqual(
      expect.arrayContaining([
        { channelSku: 'MUG-1', quantity: 10, ok: true, message: null },
        expect.objectContaining({ channelSku: 'GHOST-1', quantity: 5, ok: false }),
      ]),
    );
    expect(patched()).toEqual(
      expect.arrayContaining([
        ['MUG-1', '10'],
        ['GHOST-1', '5'],
      ]),
    );
    let r = await rows();
    expect(r['MUG-1']).toMatchObject({ changed: false, lastPushed: { quantity: 10, source: 'api' } });
    expect(r['GHOST-1']).toMatchObject({
      changed: true,
      lastPushed: null,
      lastAttempt: { outcome: 'refused' },
    });
    expect(r['GHOST-1'].lastAttempt.message).toContain('GHOST-1');

    // Nothing new for MUG-1: only the refused SKU is tried again.
    sim.patches.length = 0;
    expect(await push()).toMatchObject({ sent: 1, refused: 1 });
    expect(patched()).toEqual([['GHOST-1', '5']]);

    // A sale-like drop in stock: MUG-1 changes and goes out again with its new absolute quantity.
    const adjust = await owner.request('POST', `${S}/stock/adjustments`, {
      sku: 'MUG-1',
      warehouseId: fac,
      delta: -3,
      reason: 'damaged',
    });
    expect(adjust.statusCode, adjust.body).toBeLessThan(300);
    sim.patches.length = 0;
    expect(await push({ skus: ['MUG-1'] })).toMatchObject({ sent: 1, accepted: 1 });
    expect(patched()).toEqual([['MUG-1', '7']]);
    r = await rows();
    expect(r['MUG-1']).toMatchObject({ quantity: 7, changed: false, lastPushed: { quantity: 7 } });

    // full: everything synced goes out, changed or not.
    sim.patches.length = 0;
    expect(await push({ full: true })).toMatchObject({ sent: 2 });
  });
});
