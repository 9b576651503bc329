/**
 * Catalog benchmarks on the real server and the real import, on PGlite and PostgreSQL.
 *
 *   npm run bench                          # both engines, 100,000 products / rows
 *   npm run bench -- --json                # one JSON document on stdout, progress on stderr
 *   npm run bench -- --engine postgres --size 2000
 *   npm run bench -- --explain             # also print EXPLAIN ANALYZE of each list scenario
 *
 * PostgreSQL: a throwaway database on CUNKOU_BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test), dropped at the end. PGlite: a temp data directory,
 * as the embedded server uses one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runProductImport, suggestMapping } from '../src/domains/catalog/index.ts';
import { addMember, createShop, systemActor } from '../src/domains/shops/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database, type Engine } from '../src/platform/db/connect.ts';
import { openTabular, writeTabular } from '../src/platform/files/tabular/index.ts';
import type { App } from '../src/platform/http/app.ts';
import { buildServer, openDeps } from '../src/server.ts';
import { explainListScenarios } from './explain.ts';
import { analyze, fakeProduct, generateProducts, rng } from './generate-products.ts';
import { writeAmazonFile } from './orders-data.ts';
import { ordersBench } from './orders-import.ts';
import { shippingBenches } from './shipping.ts';
import { stockReservationBench } from './stock-reservation.ts';

export interface BenchResult {
  engine: Engine | 'node';
  name: string;
  unit: 'ms' | 'rows/s' | 'tx/s' | '%';
  p50: number | null;
  p95: number | null;
  n: number;
  target: number | null;
  meetsTarget: boolean | null;
  seconds?: number;
  note?: string;
}

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    engine: { type: 'string', default: 'both' },
    size: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    explain: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    // Lines of the Amazon All Orders file for the orders section (`--skip orders` leaves it out).
    'orders-size': { type: 'string', default: '1000000' },
  },
  allowPositionals: true,
});

const size = Number(args.size);
const requests = Number(args.requests);
if (!Number.isInteger(size) || size < 100) throw new Error('--size must be an integer ≥ 100');
if (!Number.isInteger(requests) || requests < 1) throw new Error('--requests must be a positive integer');
if (!['both', 'pglite', 'postgres'].includes(args.engine))
  throw new Error('--engine must be pglite, postgres or both');
const skip = new Set(args.skip.split(',').filter(Boolean)); // "list", "import", "orders", "stock", "shipping"
const pgAdminUrl = process.env.CUNKOU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const results: BenchResult[] = [];

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// Engines

interface EngineHandle {
  database: Database;
  dataDir: string;
  close(): Promise<void>;
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function openEngine(engine: Engine): Promise<EngineHandle> {
  const dataDir = await mkdtemp(join(tmpdir(), `cunkou-bench-${engine}-`));
  if (engine === 'pglite') {
    const database = await connectDatabase({ dataDir: join(dataDir, 'db') });
    return {
      database,
      dataDir,
      close: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `cunkou_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await connectDatabase({
    databaseUrl: pgAdminUrl.replace(/\/[^/]*$/, `/${name}`),
    poolSize: 10,
  });
  return {
    database,
    dataDir,
    close: async () => {
      await database.close().catch(() => {});
      const again = new pg.Client({ connectionString: pgAdminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Product list API

async function login(app: App, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cunkou_session');
  if (!cookie) throw new Error('login set no session cookie');
  return `cunkou_session=${cookie.value}`;
}

interface Scenario {
  name: string;
  /** Query string for the i-th request (scenarios rotate through realistic variations). */
  query: (i: number) => string;
}

export const chineseQueries = ['蜡烛', '香薰蜡烛', '收纳盒', '宠物玩具', '保温杯', '陶瓷'];
export const latinQueries = ['lum', 'nord', 'lav', 'paws', 'kumo', 'ember'];
export const tagValues = ['热销', '包邮', '礼品', '限量', '清仓'];
export const statusValues = ['active', 'draft', 'archived'];

async function listBench(engine: Engine, app: App, slug: string, cookie: string): Promise<Scenario[]> {
  const base = `/api/shops/${slug}/products`;
  const get = async (qs: string) => {
    const res = await app.inject({ method: 'GET', url: qs ? `${base}?${qs}` : base, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${base}?${qs}: ${res.statusCode} ${res.body}`);
    return res;
  };
  // Cursors for pages 2–11 of the default list and of the title sort, found by paging.
  const walk = async (qs: string, pages: number) => {
    const cursors: string[] = [];
    let cursor: string | null = null;
    for (let p = 0; p < pages; p++) {
      const res = await get(cursor ? `${qs}${qs ? '&' : ''}cursor=${encodeURIComponent(cursor)}` : qs);
      cursor = (res.json() as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
      cursors.push(cursor);
    }
    return cursors;
  };
  const pageCursors = await walk('', 10);
  const titleCursors = await walk('sort=title_asc', 5);
  const enc = encodeURIComponent;
  const scenarios: Scenario[] = [
    { name: 'default first page', query: () => '' },
    { name: 'next pages (cursor)', query: (i) => `cursor=${enc(pageCursors[i % pageCursors.length]!)}` },
    { name: 'status filter', query: (i) => `status=${statusValues[i % statusValues.length]}` },
    { name: 'tag filter', query: (i) => `tag=${enc(tagValues[i % tagValues.length]!)}` },
    { name: 'Chinese search', query: (i) => `q=${enc(chineseQueries[i % chineseQueries.length]!)}` },
    { name: 'Latin prefix search', query: (i) => `q=${enc(latinQueries[i % latinQueries.length]!)}` },
    {
      name: 'title sort',
      query: (i) =>
        i % 2 === 0 || !titleCursors.length
          ? 'sort=title_asc'
          : `sort=title_asc&cursor=${enc(titleCursors[i % titleCursors.length]!)}`,
    },
  ];
  // Not in the brief's mix (reported apart, not in "overall"): a seller looking up one product code.
  // Matches are sparse, so this shows what search costs when the index walk cannot find a page.
  const extra: Scenario = {
    name: 'product code search (extra)',
    query: (i) => `q=${enc(`SPU-${String((i * 7919) % size).padStart(6, '0')}`)}`,
  };
  const all: number[] = [];
  for (const s of [...scenarios, extra]) {
    const n = s === extra ? Math.min(requests, 50) : requests; // the extra one is slow: fewer samples
    for (let i = 0; i < (s === extra ? 5 : 20); i++) await get(s.query(i)); // warm-up: plans, caches, JIT
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const qs = s.query(i);
      const t0 = performance.now();
      await get(qs);
      samples.push(performance.now() - t0);
    }
    if (s !== extra) all.push(...samples);
    pushLatency(engine, `list: ${s.name}`, samples);
  }
  pushLatency(engine, 'list: overall (brief mix)', all);
  return [...scenarios, extra];
}

function pushLatency(engine: Engine, name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const target = engine === 'postgres' ? 30 : null;
  const p95 = percentile(sorted, 95);
  const result: BenchResult = {
    engine,
    name,
    unit: 'ms',
    p50: round(percentile(sorted, 50)),
    p95: round(p95),
    n: samples.length,
    target,
    meetsTarget: target === null ? null : p95 <= target,
  };
  results.push(result);
  log(`  ${name.padEnd(30)} p50 ${result.p50} ms  p95 ${result.p95} ms  (n=${result.n})`);
}

// ---------------------------------------------------------------------------------------------
// Import

export const importHeaders = [
  '款号',
  '标题',
  'SKU',
  '条码',
  '成本价',
  '重量(g)',
  '海关编码',
  '原产国',
  '品牌',
  '标签',
  '类目',
];

/** An ERP-style export: one row per variant, product columns repeated on every row. */
function* importRows(rows: number): Generator<unknown[]> {
  const r = rng(7);
  let written = 0;
  for (let n = 0; written < rows; n++) {
    const p = fakeProduct(r, n, 'IMP');
    for (const v of p.variants) {
      if (written >= rows) return;
      yield [
        p.handle,
        p.title,
        v.sku,
        v.gtin,
        v.costMinor / 100,
        v.weightG,
        '3406000000',
        'CN',
        p.brand,
        p.tags.join(','),
        p.category,
      ];
      written++;
    }
  }
}

async function writeImportFile(dir: string, rows: number): Promise<{ path: string; fileName: string }> {
  const fileName = `products-${rows}.xlsx`;
  const path = join(dir, fileName);
  const t0 = performance.now();
  await writeTabular({ path }, 'xlsx', importHeaders, importRows(rows));
  const { size: bytes } = await stat(path);
  log(
    `wrote ${fileName}: ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { path, fileName };
}

async function readBench(file: { path: string; fileName: string }) {
  const t0 = performance.now();
  const t = await openTabular(file);
  let n = 0;
  for await (const _ of t.rows) n++;
  await t.close();
  const seconds = (performance.now() - t0) / 1000;
  results.push({
    engine: 'node',
    name: 'import: read xlsx only (openTabular)',
    unit: 'rows/s',
    p50: Math.round(n / seconds),
    p95: null,
    n,
    target: null,
    meetsTarget: null,
    seconds: round(seconds),
  });
  log(`  read xlsx only: ${n} rows in ${seconds.toFixed(1)} s = ${Math.round(n / seconds)} rows/s`);
}

async function importBench(
  engine: Engine,
  database: Database,
  file: { path: string; fileName: string },
  rows: number,
) {
  const shop = await createShop(database.db, { slug: 'bench-import', name: 'Bench import' });
  const t = await openTabular(file);
  const headers = t.headers;
  await t.close();
  const columns = Object.fromEntries(
    Object.entries(suggestMapping(headers)).filter((e): e is [string, string] => !!e[1]),
  );
  if (Object.keys(columns).length !== importHeaders.length)
    throw new Error(`mapping is incomplete: ${JSON.stringify(suggestMapping(headers))}`);
  let lastLog = performance.now();
  const t0 = performance.now();
  const result = await runProductImport(database.db, {
    shopId: shop.id,
    actor: systemActor,
    file,
    columns,
    mode: 'all_or_nothing',
    defaultCurrency: 'USD',
    onProgress: (done) => {
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        log(`  import: ${done} rows, ${Math.round(done / ((lastLog - t0) / 1000))} rows/s`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (!result.committed || result.failed || result.totalRows !== rows || result.created !== rows) {
    throw new Error(
      `import did not go through: ${JSON.stringify({ ...result, errors: result.errors.slice(0, 5) })}`,
    );
  }
  const rate = rows / seconds;
  const target = engine === 'postgres' ? 5000 : 1000;
  results.push({
    engine,
    name: 'import: xlsx all_or_nothing',
    unit: 'rows/s',
    p50: Math.round(rate),
    p95: null,
    n: rows,
    target,
    meetsTarget: rate >= target,
    seconds: round(seconds),
  });
  log(`  import: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rate)} rows/s (target ${target})`);
}

// ---------------------------------------------------------------------------------------------

type OrdersFile = { path: string; fileName: string; lines: number };

async function benchEngine(
  engine: Engine,
  file: { path: string; fileName: string } | undefined,
  ordersFile?: OrdersFile,
) {
  log(`\n== ${engine} ==`);
  const handle = await openEngine(engine);
  let app: App | undefined;
  try {
    const config = loadConfig({ CUNKOU_DATA: handle.dataDir }, {});
    const deps = await openDeps(config, handle.database);
    app = await buildServer(deps);
    await app.ready();
    const db = handle.database.db;

    if (!skip.has('list')) {
      const shop = await createShop(db, { slug: 'bench', name: 'Bench shop' });
      const other = await createShop(db, { slug: 'bench-other', name: 'Other shop' });
      const password = 'correct-horse-battery-1';
      await addMember(db, { shopId: shop.id, email: 'owner@bench.test', role: 'owner', password });
      const otherCount = Math.max(50, Math.round(size / 10));
      let t0 = performance.now();
      let lastLog = t0;
      const progress = (done: number) => {
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now();
          log(`  generated ${done} products`);
        }
      };
      const stats = await generateProducts(db, { shopId: shop.id, count: size, onProgress: progress });
      const genSeconds = (performance.now() - t0) / 1000;
      await generateProducts(db, { shopId: other.id, count: otherCount, seed: 99, prefix: 'OTH' });
      t0 = performance.now();
      await analyze(db);
      log(
        `  generated ${stats.products} products, ${stats.variants} variants, ${stats.images} images in ${genSeconds.toFixed(1)} s (+${otherCount} in a second shop); ANALYZE ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      results.push({
        engine,
        name: 'generate: products (bench data)',
        unit: 'rows/s',
        p50: Math.round(size / genSeconds),
        p95: null,
        n: size,
        target: null,
        meetsTarget: null,
        seconds: round(genSeconds),
      });

      const cookie = await login(app, 'owner@bench.test', password);
      const scenarios = await listBench(engine, app, 'bench', cookie);
      if (args.explain) await explainListScenarios(handle.database, shop.id, scenarios, log);
    }
    if (file && !skip.has('import')) await importBench(engine, handle.database, file, size);
    if (ordersFile)
      results.push(
        ...(await ordersBench({ engine, database: handle.database, app, file: ordersFile, requests, log })),
      );
    if (!skip.has('stock')) results.push(...(await stockReservationBench(engine, handle.database, log)));
  } finally {
    await app?.close();
    await handle.close();
  }
}

function printTable() {
  const lines = [
    '',
    `${'engine'.padEnd(9)}${'benchmark'.padEnd(40)}${'p50'.padStart(10)}${'p95'.padStart(10)}  ${'unit'.padEnd(7)}${'n'.padStart(8)}${'target'.padStart(9)}  ok`,
  ];
  for (const r of results) {
    const target = r.target === null ? '' : r.unit === 'ms' ? `≤${r.target}` : `≥${r.target}`;
    const ok = r.meetsTarget === null ? '' : r.meetsTarget ? 'yes' : 'NO';
    lines.push(
      `${r.engine.padEnd(9)}${r.name.padEnd(40)}${String(r.p50 ?? '').padStart(10)}${String(r.p95 ?? '').padStart(10)}  ${r.unit.padEnd(7)}${String(r.n).padStart(8)}${target.padStart(9)}  ${ok}`,
    );
  }
  log(lines.join('\n'));
}

async function main() {
  const started = performance.now();
  const engines: Engine[] = args.engine === 'both' ? ['pglite', 'postgres'] : [args.engine as Engine];
  if (engines.includes('postgres') && !(await postgresAvailable())) {
    if (args.engine === 'postgres') throw new Error(`PostgreSQL at ${pgAdminUrl} does not answer`);
    log(`PostgreSQL at ${pgAdminUrl} does not answer — running PGlite only.`);
    engines.splice(engines.indexOf('postgres'), 1);
  }
  log(
    `cunkou bench: ${size} products/rows, ${requests} requests per scenario, engines: ${engines.join(', ')}`,
  );
  const fileDir = await mkdtemp(join(tmpdir(), 'cunkou-bench-file-'));
  try {
    let file: { path: string; fileName: string } | undefined;
    if (!skip.has('import')) {
      file = await writeImportFile(fileDir, size);
      await readBench(file);
    }
    let ordersFile: OrdersFile | undefined;
    if (!skip.has('orders')) {
      const lines = Number(args['orders-size']);
      ordersFile = { path: join(fileDir, 'All Orders.txt'), fileName: 'All Orders.txt', lines };
      const t0 = performance.now();
      const { orders } = await writeAmazonFile(ordersFile.path, lines);
      log(
        `orders file: ${lines} lines, ${orders} orders, ${((await stat(ordersFile.path)).size / 1048576).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    for (const engine of engines) await benchEngine(engine, file, ordersFile);
  } finally {
    await rm(fileDir, { recursive: true, force: true });
  }
  // `--skip shipping` leaves out rate shopping, labels and tracking (issue 4).
  const shipping = skip.has('shipping')
    ? undefined
    : shippingBenches(engines.length === 2 ? 'both' : engines[0]!, log);
  printTable();
  const seconds = (performance.now() - started) / 1000;
  log(`\ntotal ${seconds.toFixed(0)} s`);
  const doc = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGb: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    size,
    requestsPerScenario: requests,
    seconds: round(seconds, 1),
    results,
    ...(shipping ? { shipping } : {}),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

// No process.exit on success: every pool and PGlite instance is closed, so the process ends by itself.
main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
