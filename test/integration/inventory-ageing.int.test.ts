import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransfer,
  receiveStock,
  receiveTransfer,
  reserveStock,
  returnStock,
} from '../../src/domains/inventory/index.ts';
import { postMovement } from '../../src/domains/inventory/post-movement.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { type Tx, withShop } from '../../src/platform/db/tenant.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

/**
 * One shop's history at known dates, reported as of 2026-11-20 (windows end that day):
 *   A (cost 10.00): FAC receipt 100 on 01-10 (lot L1), 50 on 09-01 (L2); shipped 30 on 10-01;
 *     40 moved FAC → US3 on 10-15, arrived 11-05; 10 shipped from US3 on 11-10; 5 damaged at FAC
 *     on 11-12; 2 returned sellable to US3 on 11-15.
 *   B (cost 5.00): 20 at FAC since 2025-06-01, never sold.      D (cost 20.00): 10 since 07-01.
 *   C (cost 3.00): 10 received 11-17.     "=1+1" (formula-like SKU): 1 received 11-01.
 */
describe.skipIf(skip)('slow-moving stock: FIFO ageing, sell-through, clearance, export', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedShop>>;
  const v: Record<string, string> = {};
  let fac: string;
  let us3: string;
  const asOf = '2026-11-20';
  const url = (path: string) => `/api/shops/age/${path}`;
  const get = async (path: string) => {
    const res = await s.client.request('GET', url(path));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const tx = <T>(fn: (trx: Tx) => Promise<T>) => withShop(t.deps.database.db, s.shop.id, fn);
  const move = (
    sku: string,
    warehouseId: string,
    kind: 'shipment' | 'adjustment',
    delta: number,
    at: string,
  ) =>
    tx((trx) =>
      postMovement(trx, s.shop.id, systemActor, {
        variantId: v[sku]!,
        warehouseId,
        kind,
        onHand: delta,
        reason: kind === 'adjustment' ? 'damaged' : null,
        at,
      }),
    );
  const receive = (sku: string, warehouseId: string, quantity: number, day: string, lot?: string) =>
    tx((trx) =>
      receiveStock(trx, s.shop.id, systemActor, {
        warehouseId,
        lines: [{ sku, quantity, ...(lot ? { lot } : {}) }],
        receivedOn: day,
        at: `${day}T08:00:00Z`,
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    s = await seedShop(t, 'age');
    const costs: Record<string, number> = {
      'AGE-A': 1000,
      'AGE-B': 500,
      'AGE-C': 300,
      'AGE-D': 2000,
      '=1+1': 100,
    };
    for (const [sku, cost] of Object.entries(costs)) {
      const res = await s.client.request('POST', url('products'), {
        title: `香薰蜡烛 ${sku}`,
        status: 'active',
        variants: [{ sku, costPriceMinor: cost }],
      });
      expect(res.statusCode, res.body).toBe(201);
      v[sku] = res.json().variants[0].id;
    }
    fac = await seedWarehouse(s.client, 'age', 'FAC', { kind: 'factory' });
    us3 = await seedWarehouse(s.client, 'age', 'US3', { kind: 'overseas_3pl', country: 'US' });
    await receive('AGE-A', fac, 100, '2026-01-10', 'L1');
    await receive('AGE-A', fac, 50, '2026-09-01', 'L2');
    await move('AGE-A', fac, 'shipment', -30, '2026-10-01T10:00:00Z');
    const tr = await tx((trx) =>
      createTransfer(trx, s.shop.id, systemActor, {
        fromWarehouseId: fac,
        toWarehouseId: us3,
        lines: [{ sku: 'AGE-A', quantity: 40 }],
        at: '2026-10-15T09:00:00Z',
      }),
    );
    await tx((trx) => receiveTransfer(trx, s.shop.id, systemActor, tr.id, { at: '2026-11-05T09:00:00Z' }));
    await move('AGE-A', us3, 'shipment', -10, '2026-11-10T10:00:00Z');
    await move('AGE-A', fac, 'adjustment', -5, '2026-11-12T10:00:00Z');
    await tx((trx) =>
      returnStock(trx, s.shop.id, systemActor, {
        variantId: v['AGE-A']!,
        warehouseId: us3,
        quantity: 2,
        disposition: 'sellable',
        at: '2026-11-15T10:00:00Z',
      }),
    );
    await receive('AGE-B', fac, 20, '2025-06-01');
    await receive('AGE-D', fac, 10, '2026-07-01');
    await receive('AGE-C', fac, 10, '2026-11-17');
    await receive('=1+1', fac, 1, '2026-11-01');
    // Reserved today (after the report day): counts for today's availability, not 2026-11-20's.
    const held = await tx((trx) =>
      reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'AGE-ORDER-1',
        lines: [{ variantId: v['AGE-A']!, warehouseId: us3, quantity: 5 }],
      }),
    );
    expect(held.ok).toBe(true);
  });
  afterAll(async () => t?.close());

  const row = (items: { sku: string; warehouseCode: string }[], sku: string, code: string) =>
    items.find((r) => r.sku === sku && r.warehouseCode === code) as Record<string, unknown> | undefined;

  it('ages lots first-in first-out; a transfer keeps the age of the lots it took; a return starts a new lot', async () => {
    const { items } = await get(`stock/ageing/skus?asOf=${asOf}&limit=200`);
    // 30 shipped, 40 moved and 5 damaged all came out of L1 (the oldest): 25 of L1 and all of L2 stay.
    expect(row(items, 'AGE-A', 'FAC')).toMatchObject({
      onHand: 75,
      lots: [
        { day: '2026-01-10', quantity: 25, lot: 'L1' },
        { day: '2026-09-01', quantity: 50, lot: 'L2' },
      ],
      buckets: [0, 0, 50, 0, 25, 0],
      oldestReceivedOn: '2026-01-10',
      oldestAgeDays: 314,
      heldDays: 314,
      valueMinor: 75_000,
    });
    // The 40 moved units are still from 2026-01-10 at US3; 10 of them sold; the return is 5 days old.
    expect(row(items, 'AGE-A', 'US3')).toMatchObject({
      onHand: 32,
      lots: [
        { day: '2026-01-10', quantity: 30, lot: 'L1' },
        { day: '2026-11-15', quantity: 2, lot: null },
      ],
      buckets: [2, 0, 0, 0, 30, 0],
      // Aged from 2026-01-10, but in US3 only since the transfer arrived on 2026-11-05.
      oldestAgeDays: 314,
      heldDays: 15,
    });
    expect(row(items, 'AGE-B', 'FAC')).toMatchObject({ buckets: [0, 0, 0, 0, 0, 20], oldestAgeDays: 537 });
    expect(row(items, 'AGE-D', 'FAC')).toMatchObject({ buckets: [0, 0, 0, 10, 0, 0], oldestAgeDays: 142 });
    expect(row(items, 'AGE-C', 'FAC')).toMatchObject({ buckets: [10, 0, 0, 0, 0, 0], oldestAgeDays: 3 });
  });

  it('buckets exactly at their edges (30 → 0-30, 31 → 31-60, 365 → 181-365, 366 → 365+)', async () => {
    const edge = async (day: string) => {
      const { items } = await get(`stock/ageing/skus?asOf=${day}&search=AGE-C&limit=10`);
      return row(items, 'AGE-C', 'FAC')!.buckets;
    };
    expect(await edge('2026-12-17')).toEqual([10, 0, 0, 0, 0, 0]);
    expect(await edge('2026-12-18')).toEqual([0, 10, 0, 0, 0, 0]);
    expect(await edge('2027-11-17')).toEqual([0, 0, 0, 0, 10, 0]);
    expect(await edge('2027-11-18')).toEqual([0, 0, 0, 0, 0, 10]);
  });

  it('remaining lots add up to stock_levels.on_hand for every SKU × warehouse today', async () => {
    const { items } = await get('stock/ageing/skus?limit=200');
    const levels = await tx((trx) =>
      trx
        .selectFrom('stock_levels')
        .select(['variant_id', 'warehouse_id', 'on_hand'])
        .where('shop_id', '=', s.shop.id)
        .execute(),
    );
    const withStock = levels.filter((l) => l.on_hand > 0);
    expect(withStock.length).toBe(6);
    for (const l of withStock) {
      const r = items.find(
        (i: { variantId: string; warehouseId: string }) =>
          i.variantId === l.variant_id && i.warehouseId === l.warehouse_id,
      );
      const lots = r.lots.reduce((n: number, x: { quantity: number }) => n + x.quantity, 0);
      expect([lots, r.onHand, r.buckets.reduce((a: number, b: number) => a + b, 0)]).toEqual([
        l.on_hand,
        l.on_hand,
        l.on_hand,
      ]);
    }
    expect(row(items, 'AGE-A', 'US3')).toMatchObject({ onHand: 32, reserved: 5, available: 27 });
    expect((await get('stock/ageing')).unmatched).toBe(0);
  });

  it('an earlier as-of date replays the ledger up to that day', async () => {
    const { items } = await get('stock/ageing/skus?asOf=2026-10-20&limit=200');
    // Before the transfer arrived: 40 are in transit, not on hand anywhere.
    expect(row(items, 'AGE-A', 'FAC')).toMatchObject({
      onHand: 80,
      lots: [
        { day: '2026-01-10', quantity: 30 },
        { day: '2026-09-01', quantity: 50 },
      ],
    });
    expect(row(items, 'AGE-A', 'US3')).toBeUndefined();
  });

  it('computes sell-through, average daily sales and days of cover per window exactly', async () => {
    const { items } = await get(`stock/ageing/skus?asOf=${asOf}&windows=30,90&limit=200`);
    // FAC, 30 days (10-22..11-20): nothing shipped, 80 on hand at the start → 0 %, no cover figure.
    // FAC, 90 days (08-23..11-20): 30 shipped of 100 at start + 50 received → 20 %; 75 × 90 / 30 = 225 days.
    expect(row(items, 'AGE-A', 'FAC')).toMatchObject({
      available: 75,
      lastSaleOn: '2026-10-01',
      sales: [
        { days: 30, shipped: 0, sellThroughPct: 0, avgDailySales: 0, daysOfCover: null },
        { days: 90, shipped: 30, sellThroughPct: 20, avgDailySales: 0.33, daysOfCover: 225 },
      ],
    });
    // US3: 10 shipped of 0 at start + 40 arrived + 2 returned = 10 / 42 → 23.8 %; 32 × 30 / 10 = 96.
    expect(row(items, 'AGE-A', 'US3')).toMatchObject({
      reserved: 0,
      available: 32,
      lastSaleOn: '2026-11-10',
      sales: [
        { days: 30, shipped: 10, sellThroughPct: 23.8, avgDailySales: 0.33, daysOfCover: 96 },
        { days: 90, shipped: 10, sellThroughPct: 23.8, avgDailySales: 0.11, daysOfCover: 288 },
      ],
    });
    expect(row(items, 'AGE-B', 'FAC')).toMatchObject({
      lastSaleOn: null,
      sales: [{ shipped: 0 }, { shipped: 0 }],
    });
  });

  it('summarises units and value by warehouse × bucket', async () => {
    const sum = await get(`stock/ageing?asOf=${asOf}`);
    const byCode = Object.fromEntries(
      sum.warehouses.map((w: { warehouseCode: string; buckets: unknown }) => [w.warehouseCode, w]),
    );
    const units = (code: string) => byCode[code].buckets.map((b: { units: number }) => b.units);
    const value = (code: string) => byCode[code].buckets.map((b: { valueMinor: number }) => b.valueMinor);
    // FAC: C 10 + "=1+1" 1 | – | A/L2 50 | D 10 | A/L1 25 | B 20
    expect(units('FAC')).toEqual([11, 0, 50, 10, 25, 20]);
    expect(value('FAC')).toEqual([3100, 0, 50_000, 20_000, 25_000, 10_000]);
    expect(units('US3')).toEqual([2, 0, 0, 0, 30, 0]);
    expect(value('US3')).toEqual([2000, 0, 0, 0, 30_000, 0]);
    expect(sum.totals).toMatchObject({ units: 148, valueMinor: 140_100 });
  });

  it('lists clearance candidates by value tied up, with the rule that put them there', async () => {
    const res = await get(`stock/clearance?asOf=${asOf}`);
    expect(
      res.items.map((r: { sku: string; warehouseCode: string }) => `${r.sku}@${r.warehouseCode}`),
    ).toEqual(['AGE-A@FAC', 'AGE-A@US3', 'AGE-D@FAC', 'AGE-B@FAC']);
    const [aFac, aUs3, d, b] = res.items;
    expect(aFac).toMatchObject({
      valueMinor: 75_000,
      agedUnits: 25,
      reasons: ['aged', 'overstock'],
      action: 'clearance_price',
      discountPct: 25,
      daysOfCover: 225,
    });
    expect(aUs3).toMatchObject({
      valueMinor: 32_000,
      heldDays: 15,
      action: 'clearance_price',
      discountPct: 25,
    });
    expect(d).toMatchObject({ valueMinor: 20_000, reasons: ['aged', 'noSales'], action: 'move_channel' });
    expect(b).toMatchObject({ valueMinor: 10_000, reasons: ['aged', 'noSales'], action: 'write_off' });
    expect(res.totalValueMinor).toBe(137_000);
    // Thresholds are parameters: at 400 days of cover and 400 days of age A@FAC is fine.
    const lax = await get(`stock/clearance?asOf=${asOf}&olderThanDays=400&coverAboveDays=400`);
    expect(lax.items.map((r: { sku: string }) => r.sku)).toEqual(['AGE-D', 'AGE-B']);
    // Cursor paging walks the same order.
    const p1 = await get(`stock/clearance?asOf=${asOf}&limit=3`);
    const p2 = await get(`stock/clearance?asOf=${asOf}&limit=3&cursor=${p1.nextCursor}`);
    expect([...p1.items, ...p2.items].map((r: { valueMinor: number }) => r.valueMinor)).toEqual([
      75_000, 32_000, 20_000, 10_000,
    ]);
    expect(p2.nextCursor).toBeNull();
  });

  it('filters the SKU list by warehouse, bucket and search, and pages with a cursor', async () => {
    const byWh = await get(`stock/ageing/skus?asOf=${asOf}&warehouseId=${us3}`);
    expect(byWh.items.map((r: { sku: string }) => r.sku)).toEqual(['AGE-A']);
    const old = await get(`stock/ageing/skus?asOf=${asOf}&bucket=365%2B`);
    expect(old.items.map((r: { sku: string }) => r.sku)).toEqual(['AGE-B']);
    const found = await get(`stock/ageing/skus?asOf=${asOf}&search=age-d`);
    expect(found.items.map((r: { sku: string }) => r.sku)).toEqual(['AGE-D']);
    const p1 = await get(`stock/ageing/skus?asOf=${asOf}&limit=4`);
    const p2 = await get(`stock/ageing/skus?asOf=${asOf}&limit=4&cursor=${p1.nextCursor}`);
    const keys = [...p1.items, ...p2.items].map(
      (r: { sku: string; warehouseCode: string }) => `${r.sku}@${r.warehouseCode}`,
    );
    expect(keys).toEqual(['=1+1@FAC', 'AGE-A@FAC', 'AGE-A@US3', 'AGE-B@FAC', 'AGE-C@FAC', 'AGE-D@FAC']);
    expect(p2.nextCursor).toBeNull();
    for (const query of ['bucket=old', 'windows=30,abc', 'windows=0', 'asOf=2026-13-01', 'limit=500']) {
      const bad = await s.client.request('GET', url(`stock/ageing/skus?${query}`));
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('exports xlsx with headers in the reader language, numbers as numbers, formula-like SKUs neutralised', async () => {
    const read = async (headers: Record<string, string> = {}) => {
      const res = await s.client.request('GET', url(`stock/ageing/export?asOf=${asOf}`), undefined, headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return { name: ws.name, rows };
    };
    const en = await read();
    expect(en.name).toBe('Stock ageing');
    expect(en.rows[0]!.slice(0, 8)).toEqual([
      'SKU',
      'Product',
      'Warehouse',
      'On hand',
      'Available',
      'Unit cost (CNY)',
      'Value at cost (CNY)',
      'Age 0-30 days',
    ]);
    expect(en.rows[0]).toContain('Days of cover (90-day sales)');
    expect(en.rows).toHaveLength(7);
    expect(en.rows[1]![0]).toBe("'=1+1");
    const a = en.rows.find((r) => r[0] === 'AGE-A' && r[2] === 'FAC')!;
    const col = (name: string) => a[en.rows[0]!.indexOf(name)];
    expect([col('On hand'), col('Unit cost (CNY)'), col('Value at cost (CNY)')]).toEqual([75, 10, 750]);
    expect(col('Age 181-365 days')).toBe(25);
    expect(col('Days of cover (30-day sales)')).toBe('no sales');
    expect(col('Days of cover (90-day sales)')).toBe(225);
    expect(col('Suggested action')).toBe('Clearance price: mark down 25%');
    const zh = await read({ 'accept-language': 'zh-CN' });
    // The member's saved language is English: it wins over the header, as for every server message.
    expect(zh.rows[0]![0]).toBe('SKU');
  });

  it('speaks Chinese to a Chinese-speaking member', async () => {
    const zhMember = await seedShop(t, 'age-zh', 'owner', 'correct-horse-1', 'zh-CN');
    const res = await zhMember.client.request('GET', '/api/shops/age-zh/stock/ageing/export');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('库龄分析');
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['SKU', '商品', '仓库', '在库数量']);
    expect(ws.rowCount).toBe(1);
  });

  it('needs stock:read, and never shows another shop its stock', async () => {
    const other = await seedShop(t, 'age-other');
    for (const path of ['stock/ageing', 'stock/ageing/skus', 'stock/clearance', 'stock/ageing/export']) {
      const mine = await other.client.request('GET', `/api/shops/age-other/${path}?asOf=${asOf}`);
      expect(mine.statusCode, path).toBe(200);
      if (path === 'stock/ageing') expect(mine.json().warehouses).toEqual([]);
      else if (path !== 'stock/ageing/export') expect(mine.json().items).toEqual([]);
      const theirs = await other.client.request('GET', url(`${path}?asOf=${asOf}`));
      expect([403, 404], path).toContain(theirs.statusCode);
    }
    const mint = await s.client.request('POST', url('tokens'), {
      name: 'catalog only',
      scopes: ['catalog:read'],
    });
    expect(mint.statusCode, mint.body).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: url('stock/ageing'),
      headers: { authorization: `Bearer ${mint.json().token}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
