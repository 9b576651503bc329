/**
 * Slow-moving stock report timing at a realistic size (standalone, not part of `npm run bench`):
 *
 *   npx tsx bench/stock-ageing.ts [--engine postgres|pglite] [--variants 1000] [--per 34]
 *
 * One shop, `variants` SKUs × 3 warehouses × `per` movements each (1,000 × 3 × 34 ≈ 100,000
 * movements over 600 days: receipts, reservations, shipments), stock_levels summed from them.
 * Prints the p50 / max of the summary, one page of the SKU list, the clearance list and the xlsx
 * export, each computed from the whole ledger. PostgreSQL: a throwaway database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { ageingSummary } from '../src/domains/inventory/ageing/ageing-summary.ts';
import { exportAgeing } from '../src/domains/inventory/ageing/export-ageing.ts';
import { listAgeingSkus } from '../src/domains/inventory/ageing/list-ageing-skus.ts';
import { listClearance } from '../src/domains/inventory/ageing/list-clearance.ts';
import { createShop } from '../src/domains/shops/index.ts';
import { connectDatabase, type Database } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withShop } from '../src/platform/db/tenant.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    variants: { type: 'string', default: '1000' },
    per: { type: 'string', default: '34' },
    runs: { type: 'string', default: '7' },
  },
});
const pgAdminUrl = process.env.CUNKOU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (values.engine === 'pglite') {
    const database = await connectDatabase({ memory: true });
    await migrate(database.db);
    return { database, drop: () => database.close() };
  }
  const name = `cunkou_ageing_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await connectDatabase({ databaseUrl: pgAdminUrl.replace(/\/[^/]*$/, `/${name}`) });
  await migrate(database.db);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

async function seed(database: Database, variants: number, per: number) {
  const shop = await createShop(database.db, { slug: `bench-ageing-${Date.now()}`, name: 'Bench ageing' });
  await withShop(database.db, shop.id, async (trx) => {
    await sql`INSERT INTO products (shop_id, id, handle, title, status, search_tokens)
      SELECT ${shop.id}, gen_random_uuid(), 'p-' || i, 'Candle ' || i, 'active', '{}'
      FROM generate_series(1, ${variants}) i`.execute(trx);
    await sql`INSERT INTO variants (shop_id, id, product_id, position, sku, option_values, cost_price_minor)
      SELECT shop_id, gen_random_uuid(), id, 0, 'SKU-' || lpad(substr(handle, 3), 6, '0'), '{}',
        100 + (random() * 5000)::int
      FROM products WHERE shop_id = ${shop.id}`.execute(trx);
    await sql`INSERT INTO warehouses (shop_id, id, code, name, kind, country)
      VALUES (${shop.id}, gen_random_uuid(), 'FAC', 'Factory', 'factory', 'CN'),
        (${shop.id}, gen_random_uuid(), 'US3', 'US 3PL', 'overseas_3pl', 'US'),
        (${shop.id}, gen_random_uuid(), 'FBA', 'FBA US', 'marketplace', 'US')`.execute(trx);
    // Per SKU × warehouse, in blocks of 10: a receipt of 50, then 5 reservations and 4 shipments.
    await sql`INSERT INTO stock_movements (shop_id, variant_id, warehouse_id, kind, on_hand_delta,
        reserved_delta, at, received_on, lot)
      SELECT ${shop.id}, v.id, w.id,
        CASE WHEN k % 10 = 0 THEN 'receipt' WHEN k % 2 = 1 THEN 'reservation' ELSE 'shipment' END,
        CASE WHEN k % 10 = 0 THEN 50 WHEN k % 2 = 1 THEN 0 ELSE -1 END,
        CASE WHEN k % 10 = 0 THEN 0 WHEN k % 2 = 1 THEN 1 ELSE -1 END,
        now() - interval '600 days' + (k * 600 / ${per}) * interval '1 day' + (random() * 10) * interval '1 hour',
        CASE WHEN k % 10 = 0 THEN (now() - interval '600 days' + (k * 600 / ${per}) * interval '1 day')::date END,
        CASE WHEN k % 10 = 0 THEN 'L' || k END
      FROM variants v CROSS JOIN warehouses w CROSS JOIN generate_series(0, ${per - 1}) k
      WHERE v.shop_id = ${shop.id} AND w.shop_id = ${shop.id}
      ORDER BY 7`.execute(trx);
    await sql`INSERT INTO stock_levels (shop_id, variant_id, warehouse_id, on_hand, reserved)
      SELECT shop_id, variant_id, warehouse_id, sum(on_hand_delta), sum(reserved_delta)
      FROM stock_movements WHERE shop_id = ${shop.id} GROUP BY 1, 2, 3`.execute(trx);
  });
  // What autovacuum does to a table after bulk inserts: statistics (else the planner believes the
  // freshly filled tables hold 2 rows and nests loops) and the visibility map (index-only scans).
  await sql`VACUUM ANALYZE`.execute(database.db);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stock_movements`.execute(
    database.db,
  );
  return { shopId: shop.id, movements: rows[0]!.n };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(ms[Math.floor(ms.length / 2)]!), max: Math.round(ms.at(-1)!) };
}

const { database, drop } = await open();
try {
  const { shopId, movements } = await seed(database, Number(values.variants), Number(values.per));
  const asOf = new Date().toISOString().slice(0, 10);
  const opts = { asOf, windows: [30, 90] };
  const runs = Number(values.runs);
  const db = database.db;
  const results = {
    engine: values.engine,
    movements,
    summary: await time(runs, () => withShop(db, shopId, (trx) => ageingSummary(trx, shopId, opts))),
    skusPage: await time(runs, () =>
      withShop(db, shopId, (trx) => listAgeingSkus(trx, shopId, { ...opts, olderThanDays: 90, limit: 50 })),
    ),
    clearance: await time(runs, () =>
      withShop(db, shopId, (trx) =>
        listClearance(trx, shopId, {
          asOf,
          windowDays: 90,
          olderThanDays: 90,
          coverAboveDays: 180,
          limit: 50,
        }),
      ),
    ),
    exportXlsx: await time(3, () =>
      exportAgeing(
        db,
        shopId,
        { ...opts, olderThanDays: 90, coverAboveDays: 180 },
        'en',
        new Writable({ write: (_c, _e, cb) => cb() }),
      ),
    ),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  await drop();
}
