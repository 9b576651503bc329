/**
 * Public tracking page latency (standalone):
 *
 *   npx tsx bench/tracking-page.ts [--engine postgres|pglite|both] [--journeys 100000]
 *     [--events 5] [--requests 2000] [--json]
 *
 * Seeds `journeys` journeys (two legs each: first-mile courier + line haul) with `events` events
 * per journey, then requests the public HTML page and the JSON timeline through the real server
 * (app.inject: routing, shop lookup, tenant transaction, queries, rendering), by reference and by
 * leg number, for random journeys. Reports p50/p95/max in ms; target p95 ≤ 20 ms.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createShop } from '../src/domains/shops/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withShop } from '../src/platform/db/tenant.ts';
import { buildServer, openDeps } from '../src/server.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    journeys: { type: 'string', default: '100000' },
    events: { type: 'string', default: '5' },
    requests: { type: 'string', default: '2000' },
    json: { type: 'boolean', default: false },
  },
});
const pgAdminUrl = process.env.CUNKOU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (m: string) => process.stderr.write(`${m}\n`);

async function open(
  engine: 'postgres' | 'pglite',
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await connectDatabase({ memory: true });
    await migrate(database.db);
    return { database, drop: () => database.close() };
  }
  const name = `cunkou_trkpage_${randomBytes(4).toString('hex')}`;
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

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Math.round(n * 100) / 100;

async function run(engine: 'postgres' | 'pglite') {
  const journeys = Number(values.journeys);
  const perJourney = Number(values.events);
  const requests = Number(values.requests);
  const { database, drop } = await open(engine);
  const dataDir = await mkdtemp(join(tmpdir(), 'cunkou-trkpage-'));
  try {
    const shop = await createShop(database.db, { slug: 'bench-track-page', name: 'Bench tracking page' });
    // A second shop with as many rows, so every query must really filter by shop.
    const other = await createShop(database.db, { slug: 'bench-track-other', name: 'Other shop' });
    const seedStarted = performance.now();
    for (const s of [shop, other]) {
      await withShop(database.db, s.id, async (trx) => {
        await sql`INSERT INTO tracking_journeys (shop_id, id, reference, public_token, destination_country,
            destination_city, status, milestone, last_event_at)
          SELECT ${s.id}, gen_random_uuid(), 'CK-' || lpad(i::text, 8, '0'), md5(${s.id}::text || i), 'US', 'Austin',
            'InTransit', 'departed_origin', now()
          FROM generate_series(1, ${journeys}) i`.execute(trx);
        await sql`INSERT INTO tracking_legs (shop_id, journey_id, seq, kind, mode, carrier, tracking_number)
          SELECT shop_id, id, 1, 'first_mile', 'courier', 'sfexpress', 'SF' || lpad(substr(reference, 4), 13, '0')
          FROM tracking_journeys WHERE shop_id = ${s.id}
          UNION ALL
          SELECT shop_id, id, 2, 'line_haul', 'air', 'yunexpress', 'YT' || lpad(substr(reference, 4), 16, '0')
          FROM tracking_journeys WHERE shop_id = ${s.id}`.execute(trx);
        await sql`INSERT INTO tracking_events (shop_id, id, carrier, tracking_number, occurred_at, status, milestone,
            city, country, description, source, dedupe_key)
          SELECT l.shop_id, gen_random_uuid(), l.carrier, l.tracking_number, now() - (k || ' hours')::interval,
            'InTransit', CASE WHEN k = 1 THEN 'departed_origin' END, 'Shenzhen', 'CN',
            'Scan ' || k || ' <b>at</b> facility', 'api', md5(l.tracking_number || k)
          FROM tracking_legs l, generate_series(1, ${perJourney}) k
          WHERE l.shop_id = ${s.id} AND (k % 2 = 0) = (l.seq = 1)`.execute(trx);
      });
    }
    await sql`ANALYZE`.execute(database.db);
    log(
      `${engine}: seeded 2 × ${journeys} journeys in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const config = loadConfig({ CUNKOU_DATA: dataDir }, {});
    const deps = await openDeps(config, database);
    const app = await buildServer(deps);
    await app.ready();
    const measure = async (label: string, url: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: url(i),
          // Spread over many client addresses: the page's per-IP rate limit is not what is measured.
          remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' },
        });
        times.push(performance.now() - started);
        if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      const sorted = times.sort((a, b) => a - b);
      return {
        name: label,
        n: requests,
        p50: round(pct(sorted, 50)),
        p95: round(pct(sorted, 95)),
        max: round(sorted[sorted.length - 1]!),
        target: 20,
        met: pct(sorted, 95) <= 20,
      };
    };
    const pick = (i: number) => 1 + ((i * 7919) % journeys);
    // Warm-up (JIT, connection pool, caches), not counted.
    for (let i = 0; i < 50; i++)
      await app.inject({
        method: 'GET',
        url: `/track/${shop.slug}/CK-${String(pick(i)).padStart(8, '0')}`,
        remoteAddress: '10.255.0.1',
      });
    const results = [
      await measure('page by reference', (i) => `/track/${shop.slug}/CK-${String(pick(i)).padStart(8, '0')}`),
      await measure(
        'page by leg number',
        (i) => `/track/${shop.slug}/YT${String(pick(i + 1)).padStart(16, '0')}`,
      ),
      await measure(
        'json by reference',
        (i) => `/api/track/${shop.slug}/CK-${String(pick(i + 2)).padStart(8, '0')}`,
      ),
    ];
    await app.close();
    return { engine, journeys, eventsPerJourney: perJourney, results };
  } finally {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const engines =
  values.engine === 'both' ? (['postgres', 'pglite'] as const) : [values.engine as 'postgres' | 'pglite'];
const out = { bench: 'tracking-page', runs: [] as unknown[] };
for (const e of engines) out.runs.push(await run(e));
if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
else log(JSON.stringify(out, null, 2));
