/**
 * Hot-SKU reservation benchmark: N concurrent clients reserving 1 unit of one SKU through
 * reserveStockInShop (its own transaction: tenant role, conditional update, ledger row,
 * reservation row — one round trip) against a bare single-row conditional UPDATE on the same table
 * and database, alternated in one process. Also printed, without a target: reserveStock inside a
 * caller's withShop transaction (BEGIN, set_config, piece, COMMIT), as orders use it.
 * PostgreSQL: 32 clients on a pool of 32. PGlite (one connection): single-client rate only.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { productInputSchema, saveProduct } from '../src/domains/catalog/index.ts';
import { createWarehouse, receiveStock, reserveStock } from '../src/domains/inventory/index.ts';
import { reserveStockInShop } from '../src/domains/inventory/reserve-stock.ts';
import { createShop, systemActor } from '../src/domains/shops/index.ts';
import { connectDatabase, type Database, type Engine } from '../src/platform/db/connect.ts';
import { withShop } from '../src/platform/db/tenant.ts';

export interface StockBenchResult {
  engine: Engine;
  name: string;
  unit: 'tx/s' | '%';
  p50: number;
  p95: null;
  n: number;
  target: number | null;
  meetsTarget: boolean | null;
  seconds: number;
  note?: string;
}

const HUGE = 1_000_000_000;

export async function stockReservationBench(
  engine: Engine,
  database: Database,
  log: (msg: string) => void,
  opts: { seconds?: number; clients?: number } = {},
): Promise<StockBenchResult[]> {
  const seconds = opts.seconds ?? Number(process.env.CUNKOU_BENCH_STOCK_SECONDS ?? 5);
  const clients = engine === 'postgres' ? (opts.clients ?? 32) : 1;
  const url = database.pool?.options.connectionString;
  const db32 = url ? await connectDatabase({ databaseUrl: url, poolSize: clients }) : database;
  const bare = url ? new pg.Pool({ connectionString: url, max: clients }) : null;
  try {
    const setup = await seed(database);
    const { shopId, variantId, hot, baseline } = setup;
    const bareUpdate = `UPDATE stock_levels SET reserved = reserved + 1
      WHERE shop_id = $1 AND variant_id = $2 AND warehouse_id = $3 AND on_hand - reserved >= 1`;
    const bareOnce = bare
      ? async () => (await bare.query(bareUpdate, [shopId, variantId, baseline])).rowCount === 1
      : async () =>
          (await database.pglite!.query(bareUpdate, [shopId, variantId, baseline])).affectedRows === 1;
    let ref = 0;
    const reserveOnce = async () => {
      const r = await reserveStockInShop(db32.db, shopId, systemActor, {
        refType: 'bench',
        refId: String(ref++),
        lines: [{ variantId, quantity: 1, warehouseId: hot }],
      });
      return r.ok;
    };
    const reserveInTxOnce = async () => {
      const r = await withShop(db32.db, shopId, (trx) =>
        reserveStock(trx, shopId, systemActor, {
          refType: 'bench',
          refId: String(ref++),
          lines: [{ variantId, quantity: 1, warehouseId: hot }],
        }),
      );
      return r.ok;
    };
    const run = async (once: () => Promise<boolean>, secs: number) => {
      const deadline = performance.now() + secs * 1000;
      let ok = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < deadline) if (await once()) ok++;
        }),
      );
      return { ok, rate: ok / ((performance.now() - t0) / 1000) };
    };
    await run(bareOnce, 0.5); // warm-up: connections, plans
    await run(reserveOnce, 0.5);
    await run(reserveInTxOnce, 0.5);
    const bareRates: number[] = [];
    const reserveRates: number[] = [];
    const inTxRates: number[] = [];
    // Alternate (bare, reserve) twice: these machines are noisy, a drift hits both sides.
    for (let i = 0; i < 2; i++) {
      bareRates.push((await run(bareOnce, seconds / 2)).rate);
      reserveRates.push((await run(reserveOnce, seconds / 2)).rate);
      inTxRates.push((await run(reserveInTxOnce, seconds / 4)).rate);
    }
    const check = await verify(database, shopId, variantId, hot, baseline);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bareRate = mean(bareRates);
    const reserveRate = mean(reserveRates);
    const inTxRate = mean(inTxRates);
    const ratio = (reserveRate / bareRate) * 100;
    log(
      `  stock: ${clients} client(s), reserveStockInShop ${reserveRate.toFixed(0)} tx/s, bare UPDATE ${bareRate.toFixed(0)} tx/s = ${ratio.toFixed(0)}%; in a withShop transaction ${inTxRate.toFixed(0)} tx/s; ${check.note}`,
    );
    if (!check.ok) throw new Error(`stock bench oversold or drifted: ${check.note}`);
    const base = { engine, p95: null, seconds: seconds * 2, note: check.note } as const;
    const name = (s: string) =>
      `stock: ${s}${engine === 'postgres' ? ` (${clients} clients)` : ' (1 client)'}`;
    const out: StockBenchResult[] = [
      {
        ...base,
        name: name('reserveStockInShop hot SKU'),
        unit: 'tx/s',
        p50: Math.round(reserveRate),
        n: check.reservations,
        target: null,
        meetsTarget: null,
      },
      {
        ...base,
        name: name('reserveStock in withShop hot SKU'),
        unit: 'tx/s',
        p50: Math.round(inTxRate),
        n: 0,
        target: null,
        meetsTarget: null,
      },
      {
        ...base,
        name: name('bare conditional UPDATE'),
        unit: 'tx/s',
        p50: Math.round(bareRate),
        n: check.bareReserved,
        target: null,
        meetsTarget: null,
      },
    ];
    if (engine === 'postgres') {
      out.push({
        ...base,
        name: name('reserveStockInShop / bare'),
        unit: '%',
        p50: Math.round(ratio),
        n: 2,
        target: 50,
        meetsTarget: ratio >= 50,
      });
    }
    return out;
  } finally {
    await bare?.end();
    if (db32 !== database) await db32.close();
  }
}

async function seed(database: Database) {
  const shop = await createShop(database.db, { slug: `bench-stock-${Date.now()}`, name: 'Bench stock' });
  const shopId = shop.id;
  return withShop(database.db, shopId, async (trx) => {
    const product = await saveProduct(
      trx,
      shopId,
      systemActor,
      productInputSchema.parse({ title: 'Hot candle', status: 'active', variants: [{ sku: 'HOT-1' }] }),
    );
    const variantId = product.variants[0]!.id;
    const wh = (code: string) =>
      createWarehouse(trx, shopId, systemActor, { code, name: code, kind: 'factory', country: 'CN' });
    const hot = (await wh('HOT')).id;
    const baseline = (await wh('BARE')).id;
    for (const w of [hot, baseline]) {
      await receiveStock(trx, shopId, systemActor, {
        warehouseId: w,
        lines: [{ variantId, quantity: HUGE }],
      });
    }
    return { shopId, variantId, hot, baseline };
  });
}

/** Zero oversell and no drift: reserved ≤ on hand, and the reserveStock row equals its ledger. */
async function verify(database: Database, shopId: string, variantId: string, hot: string, baseline: string) {
  return withShop(database.db, shopId, async (trx) => {
    const levels = await trx
      .selectFrom('stock_levels')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('variant_id', '=', variantId)
      .execute();
    const ledger = await trx
      .selectFrom('stock_movements')
      .select((eb) => [
        eb.fn.sum<number>('on_hand_delta').as('on_hand'),
        eb.fn.sum<number>('reserved_delta').as('reserved'),
      ])
      .where('shop_id', '=', shopId)
      .where('variant_id', '=', variantId)
      .where('warehouse_id', '=', hot)
      .executeTakeFirstOrThrow();
    const held = await trx
      .selectFrom('stock_reservations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shop_id', '=', shopId)
      .where('warehouse_id', '=', hot)
      .executeTakeFirstOrThrow();
    const h = levels.find((l) => l.warehouse_id === hot)!;
    const b = levels.find((l) => l.warehouse_id === baseline)!;
    const sound = levels.every((l) => l.reserved >= 0 && l.reserved <= l.on_hand && l.on_hand >= 0);
    const balanced = Number(ledger.on_hand) === h.on_hand && Number(ledger.reserved) === h.reserved;
    const matches = Number(held.n) === h.reserved;
    return {
      ok: sound && balanced && matches,
      reservations: Number(held.n),
      bareReserved: b.reserved,
      note: `zero oversell: ${sound}; ledger = levels: ${balanced}; reservations = reserved: ${matches}`,
    };
  });
}
