import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

/**
 * Property over the whole stack (ledger → stock_levels → SQL → rule arithmetic → API): for random
 * stock (FBA included) and rules, the quantity shown is never negative, never more kits than the
 * feeding warehouses can make, never above the cap, and the FBA stock never counts.
 */
describe.skipIf(skip)('available-to-sell: property over random stock and rules', () => {
  let t: TestApp;
  let owner: Client;
  const S = '/api/shops/ats-prop';
  let account: string;
  const wh: Record<string, string> = {};
  const onHand: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    owner = (await seedShop(t, 'ats-prop')).client;
    await seedSkus(owner, 'ats-prop', ['P-A', 'P-B']);
    wh.W1 = await seedWarehouse(owner, 'ats-prop', 'W1', { kind: 'factory' });
    wh.W2 = await seedWarehouse(owner, 'ats-prop', 'W2', { kind: 'overseas_3pl', country: 'US' });
    wh.FBA = await seedWarehouse(owner, 'ats-prop', 'FBA', { kind: 'marketplace', country: 'US' });
    account = (await owner.request('POST', `${S}/channel-accounts`, { channel: 'amazon', name: 'A' })).json()
      .id;
    const map = await owner.request('POST', `${S}/sku-mappings`, {
      channelAccountId: account,
      channelSku: 'KIT',
      components: [
        { sku: 'P-A', quantity: 2 },
        { sku: 'P-B', quantity: 3 },
      ],
    });
    expect(map.statusCode, map.body).toBe(201);
  });
  afterAll(async () => t?.close());

  /** Move on hand to `target` through the ledger (an adjustment), never editing levels. */
  const setOnHand = async (sku: string, code: string, target: number) => {
    const key = `${sku}@${code}`;
    const delta = target - (onHand[key] ?? 0);
    if (delta === 0) return;
    const res = await owner.request('POST', `${S}/stock/adjustments`, {
      sku,
      warehouseId: wh[code],
      delta,
      reason: 'property test',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    onHand[key] = target;
  };

  it('never negative, never above what the pool can make, never above the cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          a1: fc.nat(40),
          a2: fc.nat(40),
          b1: fc.nat(40),
          b2: fc.nat(40),
          fba: fc.nat(500),
          bufferUnits: fc.nat(10),
          bufferPercent: fc.nat(100),
          sharePercent: fc.nat(100),
          cap: fc.option(fc.nat(30), { nil: null }),
        }),
        async (r) => {
          await setOnHand('P-A', 'W1', r.a1);
          await setOnHand('P-A', 'W2', r.a2);
          await setOnHand('P-B', 'W1', r.b1);
          await setOnHand('P-B', 'W2', r.b2);
          await setOnHand('P-A', 'FBA', r.fba);
          await setOnHand('P-B', 'FBA', r.fba);
          const put = await owner.request('PUT', `${S}/channel-accounts/${account}/stock-rules`, {
            bufferUnits: r.bufferUnits,
            bufferPercent: r.bufferPercent,
            sharePercent: r.sharePercent,
            cap: r.cap,
          });
          expect(put.statusCode, put.body).toBe(200);
          const row = (await owner.request('GET', `${S}/channel-accounts/${account}/available-stock`)).json()
            .items[0] as { quantity: number; pool: number; components: { available: number }[] };
          const pool = Math.min(Math.floor((r.a1 + r.a2) / 2), Math.floor((r.b1 + r.b2) / 3));
          expect(row.components.map((c) => c.available)).toEqual([r.a1 + r.a2, r.b1 + r.b2]);
          expect(row.pool).toBe(pool);
          expect(row.quantity).toBeGreaterThanOrEqual(0);
          expect(row.quantity).toBeLessThanOrEqual(pool);
          if (r.cap !== null) expect(row.quantity).toBeLessThanOrEqual(r.cap);
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});
