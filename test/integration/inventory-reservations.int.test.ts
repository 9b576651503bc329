import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  releaseReservation,
  reserveStock,
  returnStock,
  shipReservation,
} from '../../src/domains/inventory/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { connectDatabase, type Database } from '../../src/platform/db/connect.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine, type TestDatabase } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('reservations', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedShop>>;
  let v: Record<string, string>;
  let cn: string;
  let us: string;
  /** Its own pool, bigger than the test default, so PostgreSQL really runs the reservations at once. */
  let pool: Database;
  const inShop = <T>(fn: Parameters<typeof withShop<T>>[2], db = t.deps.database.db) =>
    withShop(db, s.shop.id, fn);
  const receive = (sku: string, warehouseId: string, quantity: number) =>
    s.client.request('POST', '/api/shops/res/stock/receipts', { warehouseId, lines: [{ sku, quantity }] });
  const levels = (variantId: string) =>
    inShop((trx) =>
      trx
        .selectFrom('stock_levels')
        .selectAll()
        .where('shop_id', '=', s.shop.id)
        .where('variant_id', '=', variantId)
        .execute(),
    );

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.deps.database as TestDatabase).url;
    pool = url ? await connectDatabase({ databaseUrl: url, poolSize: 24 }) : t.deps.database;
    s = await seedShop(t, 'res');
    v = await seedSkus(s.client, 'res', ['HOT', 'WIG-1', 'WIG-2']);
    cn = await seedWarehouse(s.client, 'res', 'CN-FAC', { kind: 'factory', country: 'CN', priority: 10 });
    us = await seedWarehouse(s.client, 'res', 'US-3PL', {
      kind: 'overseas_3pl',
      country: 'US',
      priority: 20,
    });
  });
  afterAll(async () => {
    if (pool && pool !== t?.deps.database) await pool.close();
    await t?.close();
  });

  it('prefers the destination country, splits only when no warehouse has enough, and is idempotent', async () => {
    await receive('WIG-1', cn, 10);
    await receive('WIG-1', us, 4);
    const one = await inShop((trx) =>
      reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'US-1',
        destinationCountry: 'US',
        lines: [{ variantId: v['WIG-1']!, quantity: 3 }],
      }),
    );
    expect(one).toEqual({ ok: true, allocations: [{ variantId: v['WIG-1'], warehouseId: us, quantity: 3 }] });
    const split = await inShop((trx) =>
      reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'BIG-1',
        destinationCountry: 'DE',
        lines: [{ variantId: v['WIG-1']!, quantity: 11 }],
      }),
    );
    const byWarehouse = (a: { warehouseId: string }, b: { warehouseId: string }) =>
      a.warehouseId === cn ? -1 : b.warehouseId === cn ? 1 : 0;
    expect(split.ok && [...split.allocations].sort(byWarehouse)).toEqual([
      { variantId: v['WIG-1'], warehouseId: cn, quantity: 10 },
      { variantId: v['WIG-1'], warehouseId: us, quantity: 1 },
    ]);
    const again = await inShop((trx) =>
      reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'US-1',
        lines: [{ variantId: v['WIG-1']!, quantity: 3 }],
      }),
    );
    expect(again).toEqual(one);
  });

  it('returns shortages as a result, reserves nothing, and leaves the caller transaction usable', async () => {
    await receive('WIG-2', cn, 5);
    const result = await inShop(async (trx) => {
      const r = await reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'SHORT-1',
        lines: [
          { variantId: v['WIG-2']!, quantity: 2 },
          { variantId: v['WIG-1']!, quantity: 50 },
        ],
      });
      const alive = await sql<{ one: number }>`SELECT 1 AS one`.execute(trx);
      return { r, alive: alive.rows[0]!.one };
    });
    expect(result.alive).toBe(1);
    expect(result.r).toEqual({
      ok: false,
      shortages: [{ variantId: v['WIG-1'], requested: 50, available: 0 }],
    });
    expect((await levels(v['WIG-2']!))[0]).toMatchObject({ on_hand: 5, reserved: 0 });
  });

  it('releases, ships and takes returns back by disposition', async () => {
    const reserve = (refId: string) =>
      inShop((trx) =>
        reserveStock(trx, s.shop.id, systemActor, {
          refType: 'order',
          refId,
          lines: [{ variantId: v['WIG-2']!, quantity: 2, warehouseId: cn }],
        }),
      );
    await reserve('R-1');
    await reserve('R-2');
    expect((await levels(v['WIG-2']!))[0]).toMatchObject({ on_hand: 5, reserved: 4 });
    const released = await inShop((trx) =>
      releaseReservation(trx, s.shop.id, systemActor, { refType: 'order', refId: 'R-1' }),
    );
    expect(released.released).toHaveLength(1);
    const shipped = await inShop((trx) =>
      shipReservation(trx, s.shop.id, systemActor, { refType: 'order', refId: 'R-2' }),
    );
    expect(shipped.shipped).toEqual([{ variantId: v['WIG-2'], warehouseId: cn, quantity: 2 }]);
    expect(
      await inShop((trx) =>
        releaseReservation(trx, s.shop.id, systemActor, { refType: 'order', refId: 'R-2' }),
      ),
    ).toEqual({
      released: [],
    });
    expect((await levels(v['WIG-2']!))[0]).toMatchObject({ on_hand: 3, reserved: 0 });
    const ret = (disposition: 'sellable' | 'quarantine' | 'writeoff') =>
      inShop((trx) =>
        returnStock(trx, s.shop.id, systemActor, {
          variantId: v['WIG-2']!,
          warehouseId: cn,
          quantity: 1,
          disposition,
          refType: 'rma',
          refId: 'RMA-1',
        }),
      );
    await ret('sellable');
    await ret('writeoff');
    const q = await ret('quarantine');
    expect(q.quarantineRef?.refType).toBe('quarantine');
    expect((await levels(v['WIG-2']!))[0]).toMatchObject({ on_hand: 5, reserved: 1 });
  });

  it('never oversells under 240 concurrent reservations from several channels', async () => {
    await receive('HOT', cn, 30);
    await receive('HOT', us, 20);
    const channels = ['amazon', 'shopee', 'tiktok', 'aliexpress', 'store', 'whatsapp'];
    let seed = 42;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const requests = Array.from({ length: 240 }, (_, i) => ({
      refType: 'order',
      refId: `${channels[i % channels.length]}-${i}`,
      quantity: 1 + Math.floor(rand() * 3),
      destinationCountry: rand() < 0.5 ? 'US' : 'GB',
    }));
    const results = await Promise.all(
      requests.map((r) =>
        withShop(pool.db, s.shop.id, (trx) =>
          reserveStock(trx, s.shop.id, systemActor, {
            refType: r.refType,
            refId: r.refId,
            destinationCountry: r.destinationCountry,
            lines: [{ variantId: v.HOT!, quantity: r.quantity }],
          }),
        ),
      ),
    );
    const reservedByResults = results.reduce(
      (n, r) => n + (r.ok ? r.allocations.reduce((m, a) => m + a.quantity, 0) : 0),
      0,
    );
    const successes = results.filter((r) => r.ok).length;
    const shortages = results.filter((r) => !r.ok).length;
    expect(successes + shortages).toBe(requests.length);
    expect(shortages).toBeGreaterThan(0);
    for (const [i, r] of results.entries()) {
      if (r.ok) expect(r.allocations.reduce((m, a) => m + a.quantity, 0)).toBe(requests[i]!.quantity);
      else expect(r.shortages[0]!.requested).toBe(requests[i]!.quantity);
    }
    const hot = await levels(v.HOT!);
    const onHand = hot.reduce((n, l) => n + l.on_hand, 0);
    const reserved = hot.reduce((n, l) => n + l.reserved, 0);
    expect(onHand).toBe(50);
    expect(reserved).toBe(reservedByResults);
    expect(reserved).toBeLessThanOrEqual(onHand);
    // Small orders fill all but the last unit or two: what is left cannot cover the smallest short one.
    const smallestShort = Math.min(...results.flatMap((r) => (r.ok ? [] : [r.shortages[0]!.requested])));
    expect(onHand - reserved).toBeLessThan(smallestShort);
    for (const l of hot) {
      expect(l.on_hand).toBeGreaterThanOrEqual(0);
      expect(l.reserved).toBeGreaterThanOrEqual(0);
      expect(l.reserved).toBeLessThanOrEqual(l.on_hand);
    }
    const ledger = await inShop((trx) =>
      trx
        .selectFrom('stock_movements')
        .select(['warehouse_id', 'kind'])
        .select((eb) => [
          eb.fn.sum<number>('on_hand_delta').as('on_hand'),
          eb.fn.sum<number>('reserved_delta').as('reserved'),
        ])
        .where('shop_id', '=', s.shop.id)
        .where('variant_id', '=', v.HOT!)
        .groupBy(['warehouse_id', 'kind'])
        .execute(),
    );
    for (const l of hot) {
      const rows = ledger.filter((x) => x.warehouse_id === l.warehouse_id);
      expect(rows.reduce((n, x) => n + Number(x.on_hand), 0)).toBe(l.on_hand);
      expect(rows.reduce((n, x) => n + Number(x.reserved), 0)).toBe(l.reserved);
    }
    const held = await inShop((trx) =>
      trx
        .selectFrom('stock_reservations')
        .select((eb) => eb.fn.sum<number>('quantity').as('q'))
        .where('shop_id', '=', s.shop.id)
        .where('variant_id', '=', v.HOT!)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow(),
    );
    expect(Number(held.q)).toBe(reserved);
  });
});
