import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/kernel/ids.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

/** Thousands of channel SKUs: one query per 1,000 SKUs, never one per SKU. */
describe.skipIf(skip)('available-to-sell at catalog scale', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  const S = '/api/shops/ats-scale';
  let account: string;
  const skus: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, 'ats-scale');
    owner = seeded.client;
    shopId = seeded.shop.id;
    const values = Array.from({ length: 20 }, (_, i) => String(i).padStart(2, '0'));
    for (let p = 0; p < 5; p++) {
      const variants = values.flatMap((a) =>
        values.map((b) => ({ sku: `S${p}-${a}-${b}`, optionValues: { A: a, B: b } })),
      );
      skus.push(...variants.map((v) => v.sku));
      const res = await owner.request(
        'POST',
        `${S}/products`,
        productPayload(`S${p}`, {
          options: [
            { name: 'A', values },
            { name: 'B', values },
          ],
          variants,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const wh = await seedWarehouse(owner, 'ats-scale', 'FAC', { kind: 'factory' });
    for (let i = 0; i < skus.length; i += 1000) {
      const res = await owner.request('POST', `${S}/stock/receipts`, {
        warehouseId: wh,
        lines: skus.slice(i, i + 1000).map((sku, j) => ({ sku, quantity: ((i + j) % 7) + 1 })),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'amazon', name: 'Amazon' })
    ).json().id;
    // 500 two-piece kits, mapped for this account.
    const ids = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('variants').select(['id', 'sku']).where('shop_id', '=', shopId).execute(),
    );
    const idOf = new Map(ids.map((v) => [v.sku, v.id]));
    await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .insertInto('sku_mappings')
        .values(
          Array.from({ length: 500 }, (_, k) => ({
            shop_id: shopId,
            id: newId(),
            channel_account_id: account,
            channel_sku: `KIT-${String(k).padStart(4, '0')}`,
            components: JSON.stringify([
              { variantId: idOf.get(skus[2 * k]!)!, sku: skus[2 * k]!, quantity: 1 },
              { variantId: idOf.get(skus[2 * k + 1]!)!, sku: skus[2 * k + 1]!, quantity: 2 },
            ]),
          })),
        )
        .execute(),
    );
    const rules = await owner.request('PUT', `${S}/channel-accounts/${account}/stock-rules`, {
      listing: 'catalog',
    });
    expect(rules.statusCode, rules.body).toBe(200);
  }, 300_000);
  afterAll(async () => t?.close());

  it('computes 2,500 channel SKUs in a few batched queries', async () => {
    const started = performance.now();
    const res = await owner.request(
      'GET',
      `${S}/channel-accounts/${account}/stock-file?format=amazon&full=true`,
    );
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.split('\r\n').filter(Boolean).slice(1);
    expect(lines).toHaveLength(2500);
    const qty = new Map(lines.map((l) => [l.split('\t')[0], Number(l.split('\t')[4])]));
    // S0-00-00 got 1 unit, S0-00-01 got 2: KIT-0000 = min(1/1, 2/2) = 1; S0-00-02 (3) and S0-00-03 (4): KIT-0001 = min(3, 2) = 2
    expect(qty.get('KIT-0000')).toBe(1);
    expect(qty.get('KIT-0001')).toBe(2);
    expect(qty.get('S0-00-06')).toBe(7);
    console.info(`available-to-sell for 2,500 SKUs: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(20_000);

    const page = await owner.request(
      'GET',
      `${S}/channel-accounts/${account}/available-stock?limit=200&changed=true`,
    );
    expect(page.json().items).toHaveLength(200);
  });
});
