/**
 * Tracking events ingest + normalise at scale (standalone):
 *
 *   npx tsx bench/tracking-events.ts [--engine postgres|pglite|both] [--events 1000000] [--per 10]
 *     [--batch 10000] [--journeys 0.5] [--json]
 *
 * `events / per` tracking numbers, `per` events each, with carrier-style wording in English and
 * Chinese (normalised through the real tables), a share of the numbers registered as journeys
 * (so each batch also recomputes journey status). Events arrive interleaved across numbers, in
 * batches as webhooks/CSV imports deliver them: each batch is one ingestTrackingEvents call in one
 * tenant transaction. One JSON object on stdout with --json. PostgreSQL: a throwaway database on
 * CUNKOU_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createShop } from '../src/domains/shops/index.ts';
import { ingestTrackingEvents, type RawTrackingEvent } from '../src/domains/tracking/index.ts';
import { connectDatabase, type Database } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withShop } from '../src/platform/db/tenant.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    events: { type: 'string', default: '1000000' },
    per: { type: 'string', default: '10' },
    batch: { type: 'string', default: '10000' },
    journeys: { type: 'string', default: '0.5' },
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
  const name = `cunkou_trk_${randomBytes(4).toString('hex')}`;
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

// A parcel's life in carrier wording; raw statuses where forwarders send them.
const script: { raw: string | null; text: string; country: string | null }[] = [
  { raw: '已下单', text: 'Shipment information received', country: 'CN' },
  { raw: '已揽收', text: '深圳仓已收货 Shenzhen warehouse received', country: 'CN' },
  { raw: null, text: 'Export customs cleared at Shenzhen', country: 'CN' },
  { raw: '航班已起飞', text: 'Flight departed from SZX', country: 'CN' },
  { raw: 'InTransit_Arrival', text: 'Arrived at destination airport', country: 'US' },
  { raw: null, text: 'Import customs clearance completed', country: 'US' },
  { raw: null, text: 'Handed over to USPS', country: 'US' },
  { raw: null, text: 'Arrived at USPS Regional Facility', country: 'US' },
  { raw: 'OutForDelivery', text: 'Out for Delivery', country: 'US' },
  { raw: 'Delivered_Other', text: 'Delivered, In/At Mailbox', country: 'US' },
];

function* batches(total: number, per: number, batch: number, base: number): Generator<RawTrackingEvent[]> {
  const numbers = Math.ceil(total / per);
  let out: RawTrackingEvent[] = [];
  // Interleaved: step k of every parcel, then step k+1 — as a day of webhooks looks.
  for (let k = 0; k < per; k++) {
    for (let n = 0; n < numbers && k * numbers + n < total; n++) {
      const step = script[k % script.length]!;
      out.push({
        carrier: 'yunexpress',
        trackingNumber: `YT${String(n).padStart(16, '0')}`,
        occurredAt: new Date(base + n * 1000 + k * 86_400_000),
        description: k >= script.length ? `${step.text} (${k})` : step.text,
        rawStatus: step.raw,
        country: step.country,
        city: k > 4 ? 'Los Angeles' : 'Shenzhen',
        source: 'aggregator',
      });
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length) yield out;
}

async function run(engine: 'postgres' | 'pglite') {
  const total = Number(values.events);
  const per = Number(values.per);
  const batch = Number(values.batch);
  const { database, drop } = await open(engine);
  try {
    const shop = await createShop(database.db, { slug: `bench-trk-${Date.now()}`, name: 'Bench tracking' });
    const numbers = Math.ceil(total / per);
    const journeys = Math.floor(numbers * Number(values.journeys));
    await withShop(database.db, shop.id, async (trx) => {
      await sql`INSERT INTO tracking_journeys (shop_id, id, reference, public_token, destination_country)
        SELECT ${shop.id}, gen_random_uuid(), 'CK-' || lpad(i::text, 8, '0'), md5(random()::text) || i, 'US'
        FROM generate_series(0, ${journeys - 1}) i`.execute(trx);
      await sql`INSERT INTO tracking_legs (shop_id, journey_id, seq, kind, mode, carrier, tracking_number)
        SELECT shop_id, id, 1, 'line_haul', 'air', 'yunexpress', 'YT' || lpad(substr(reference, 4)::int::text, 16, '0')
        FROM tracking_journeys WHERE shop_id = ${shop.id}`.execute(trx);
    });
    log(
      `${engine}: ${numbers} numbers, ${journeys} journeys; ingesting ${total} events in batches of ${batch}…`,
    );
    const base = Date.UTC(2026, 9, 1);
    let inserted = 0;
    let journeysUpdated = 0;
    const started = performance.now();
    for (const events of batches(total, per, batch, base)) {
      const r = await withShop(database.db, shop.id, (trx) => ingestTrackingEvents(trx, shop.id, events));
      inserted += r.inserted;
      journeysUpdated += r.journeysUpdated;
      if (inserted % (batch * 10) === 0)
        log(`  ${inserted} events, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const seconds = (performance.now() - started) / 1000;
    // A second delivery of the first batch must store nothing (dedupe at scale).
    const first = batches(total, per, batch, base).next().value ?? [];
    const again = await withShop(database.db, shop.id, (trx) => ingestTrackingEvents(trx, shop.id, first));
    const delivered = await withShop(database.db, shop.id, (trx) =>
      trx
        .selectFrom('tracking_journeys')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('shop_id', '=', shop.id)
        .where('status', '=', 'Delivered')
        .executeTakeFirstOrThrow(),
    );
    return {
      engine,
      events: total,
      inserted,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(inserted / seconds),
      journeys,
      journeyUpdates: journeysUpdated,
      journeysDelivered: Number(delivered.n),
      duplicatesOnRedelivery: again.duplicates,
      target: engine === 'postgres' ? { seconds: 60, met: seconds <= 60 } : null,
    };
  } finally {
    await drop();
  }
}

const engines =
  values.engine === 'both' ? (['postgres', 'pglite'] as const) : [values.engine as 'postgres' | 'pglite'];
const results = [];
for (const e of engines) results.push(await run(e));
const out = { bench: 'tracking-events', results };
if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
else for (const r of results) log(JSON.stringify(r));
