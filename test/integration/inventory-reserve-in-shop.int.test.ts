import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveStockInShop } from '../../src/domains/inventory/reserve-stock.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { connectDatabase, type Database } from '../../src/platform/db/connect.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine, type TestDatabase } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

/** The one-round-trip reservation (cunkou_reserve_piece_in_shop): same guarantees as reserveStock. */
describe.skipIf(skip)('reservations in their own transaction', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedShop>>;
  let b: Awaited<ReturnType<typeof seedShop>>;
  let v: Record<string, string>;
  let wh: string;
  let pool: Database;
  const level = () =>
    withShop(t.deps.database.db, a.shop.id, (trx) =>
      trx
        .selectFrom('stock_levels')
        .select(['on_hand', 'reserved'])
        .where('shop_id', '=', a.shop.id)
        .where('variant_id', '=', v.HOT!)
        .where('warehouse_id', '=', wh)
        .executeTakeFirstOrThrow(),
    );
  const reserve = (shopId: string, refId: string, quantity: number, db = t.deps.database.db) =>
    reserveStockInShop(db, shopId, systemActor, {
      refType: 'order',
      refId,
      lines: [{ variantId: v.HOT!, quantity, warehouseId: wh }],
    });

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.deps.database as TestDatabase).url;
    pool = url ? await connectDatabase({ databaseUrl: url, poolSize: 16 }) : t.deps.database;
    a = await seedShop(t, 'rin');
    b = await seedShop(t, 'rin-other');
    v = await seedSkus(a.client, 'rin', ['HOT']);
    wh = await seedWarehouse(a.client, 'rin', 'CN-1');
    const res = await a.client.request('POST', '/api/shops/rin/stock/receipts', {
      warehouseId: wh,
      lines: [{ sku: 'HOT', quantity: 20 }],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    if (pool && pool !== t?.deps.database) await pool.close();
    await t?.close();
  });

  it('reserves once per reference and leaves no tenant setting behind', async () => {
    const first = await reserve(a.shop.id, 'R-1', 2);
    expect(first).toEqual({ ok: true, allocations: [{ variantId: v.HOT, warehouseId: wh, quantity: 2 }] });
    // The same reference again: what it holds, not a second reservation.
    expect(await reserve(a.shop.id, 'R-1', 2)).toEqual(first);
    expect(await level()).toEqual({ on_hand: 20, reserved: 2 });
    const { rows } = await sql<{
      shop: string | null;
      role: string;
    }>`SELECT current_setting('cunkou.shop_id', true) AS shop, current_user AS role`.execute(
      t.deps.database.db,
    );
    expect(rows[0]!.shop ?? '').toBe('');
    expect(rows[0]!.role).not.toBe('cunkou_app');
  });

  it('cannot reserve another shop’s stock, nor re-bind a transaction of another shop', async () => {
    // Shop b naming shop a's variant and warehouse: row-level security and the shop filter see nothing.
    const r = await reserve(b.shop.id, 'B-1', 1);
    expect(r.ok).toBe(false);
    await expect(
      withShop(t.deps.database.db, b.shop.id, (trx) =>
        sql`SELECT cunkou_reserve_piece_in_shop(${a.shop.id}, 'order', 'B-2', ${v.HOT!}, ${wh}, 1, NULL, NULL)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/another shop/);
    expect(await level()).toEqual({ on_hand: 20, reserved: 2 });
  });

  it('returns shortages as a typed result and never oversells under concurrency', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => reserve(a.shop.id, `C-${i}`, 1, pool.db)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(18);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toEqual({ ok: false, shortages: [{ variantId: v.HOT, requested: 1, available: 0 }] });
    expect(await level()).toEqual({ on_hand: 20, reserved: 20 });
    const ledger = await withShop(t.deps.database.db, a.shop.id, (trx) =>
      trx
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.sum<number>('reserved_delta').as('reserved'))
        .where('shop_id', '=', a.shop.id)
        .where('variant_id', '=', v.HOT!)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(ledger.reserved)).toBe(20);
  });
});
