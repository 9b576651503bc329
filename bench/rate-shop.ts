/**
 * Rate shopping timing (standalone, not part of `npm run bench`):
 *
 *   npx tsx bench/rate-shop.ts [--json] [--parcels 10000] [--cards 30] [--engines pglite,postgres]
 *
 * Pure core: `parcels` random parcels (60 destinations, 0.05–40 kg, dimensions, some batteries and
 * remote postcodes) rated on `cards` services (bracket lists, 首重/续重 and zone matrices, ~60
 * countries × 8–12 brackets each), cards compiled once; median of 5 runs. Then the DB-backed
 * quoteRates (load + compile + rate one parcel, in a tenant transaction) p50/p95 over 200 calls
 * on PGlite and on PostgreSQL (a throwaway database). Prints one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { quoteRates } from '../src/domains/logistics/quote-rates.ts';
import { compileCard } from '../src/domains/logistics/rating/compile.ts';
import { type RatableService, shopRates } from '../src/domains/logistics/rating/shop-rates.ts';
import {
  type Bracket,
  type CardData,
  type CardSettings,
  defaultSettings,
  type ParcelQuery,
} from '../src/domains/logistics/rating/types.ts';
import { createShop } from '../src/domains/shops/index.ts';
import { connectDatabase, type Database } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withShop } from '../src/platform/db/tenant.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    parcels: { type: 'string', default: '10000' },
    cards: { type: 'string', default: '30' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const pgAdminUrl = process.env.CUNKOU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const countries = [
  'US',
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'BE',
  'AT',
  'PL',
  'CZ',
  'SE',
  'DK',
  'FI',
  'PT',
  'GR',
  'HU',
  'RO',
  'CH',
  'NO',
  'RU',
  'KZ',
  'BY',
  'TR',
  'JP',
  'KR',
  'AU',
  'NZ',
  'SG',
  'MY',
  'TH',
  'VN',
  'ID',
  'PH',
  'IN',
  'SA',
  'AE',
  'IL',
  'QA',
  'KW',
  'EG',
  'ZA',
  'NG',
  'KE',
  'MA',
  'CA',
  'MX',
  'BR',
  'CL',
  'CO',
  'PE',
  'AR',
  'IE',
  'LU',
  'SK',
  'SI',
  'HR',
  'BG',
  'LT',
  'LV',
];

let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));

function makeCard(i: number): { settings: CardSettings; data: CardData } {
  const data: CardData = { countries: {}, zones: {}, remote: {} };
  const kind = i % 3;
  const served = countries.filter(() => rnd() < 0.85);
  for (const c of served) {
    const brackets: Bracket[] = [];
    const n = int(8, 12);
    let from = 0;
    for (let b = 0; b < n; b++) {
      const to = b === n - 1 ? 30000 + int(0, 10) * 1000 : from + int(2, 30) * 100;
      brackets.push({
        fromG: from,
        toG: to,
        pricing:
          kind === 0
            ? { kind: 'per_kg', perKgMinor: int(3000, 12000), registrationMinor: int(800, 2500) }
            : kind === 1
              ? {
                  kind: 'first_continued',
                  firstG: 500,
                  firstMinor: int(5000, 20000),
                  stepG: 500,
                  stepMinor: int(1000, 6000),
                  registrationMinor: 0,
                }
              : { kind: 'flat', amountMinor: int(10000, 90000) },
      });
      from = to + 1;
    }
    data.zones[c] = { transit: { min: int(3, 10), max: int(11, 25) }, brackets };
    data.countries[c] = [{ zone: c, postcodes: null }];
  }
  data.remote.US = [{ prefix: '995' }, { prefix: '996' }, { from: '96700', to: '96899' }];
  const settings: CardSettings = {
    ...defaultSettings(),
    volumetricDivisor: [5000, 6000, 8000, null][i % 4] ?? null,
    volumetricSharePct: i % 5 === 0 ? 50 : 100,
    roundingG: [1, 100, 500][i % 3] ?? 1,
    minimumMinor: i % 4 === 0 ? 3000 : null,
    fuelBp: i % 2 ? 1250 : 0,
    remoteArea: { perKgMinor: 500, minimumMinor: 2000 },
    battery: { accepted: i % 3 !== 0, perParcelMinor: 500, perKgMinor: 0 },
    maxWeightG: 30000,
    maxLongestSideMm: 1200,
    maxSumOfSidesMm: i % 2 ? 2000 : null,
  };
  return { settings, data };
}

const cards = Array.from({ length: Number(values.cards) }, (_, i) => makeCard(i));
const parcels: ParcelQuery[] = Array.from({ length: Number(values.parcels) }, () => ({
  destinationCountry: countries[int(0, countries.length - 1)]!,
  postcode: rnd() < 0.1 ? `996${int(10, 99)}` : String(int(10000, 99999)),
  weightG: int(50, 40000),
  dimsMm: rnd() < 0.7 ? { l: int(100, 1300), w: int(50, 600), h: int(20, 400) } : null,
  battery: rnd() < 0.2,
  at: new Date('2026-06-01'),
}));

const services: RatableService[] = cards.map((c, i) => ({
  id: `s${i}`,
  code: `S${i}`,
  name: `Service ${i}`,
  carrier: 'other',
  mode: 'postal',
  active: true,
  cards: [
    compileCard({
      id: `c${i}`,
      version: 1,
      currency: 'CNY',
      validFrom: new Date('2026-01-01'),
      validTo: null,
      ...c,
    }),
  ],
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => Math.round(x * 100) / 100;

const runs: number[] = [];
let options = 0;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  options = 0;
  for (const p of parcels) options += shopRates(services, p).options.length;
  runs.push(performance.now() - t0);
}

async function open(engine: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await connectDatabase({ memory: true });
    await migrate(database.db);
    return { database, drop: () => database.close() };
  }
  const name = `cunkou_rates_${randomBytes(4).toString('hex')}`;
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

async function dbBench(engine: string) {
  const { database, drop } = await open(engine);
  try {
    const shop = await createShop(database.db, { slug: `bench-rates-${Date.now()}`, name: 'Bench rates' });
    await withShop(database.db, shop.id, async (trx) => {
      for (const [i, c] of cards.entries()) {
        const id = crypto.randomUUID();
        await trx
          .insertInto('logistics_services')
          .values({
            shop_id: shop.id,
            id,
            code: `S${i}`,
            name: `Service ${i}`,
            carrier: 'other',
            mode: 'postal',
            carrier_account_id: null,
            promised_days: null,
            notes: null,
          })
          .execute();
        await trx
          .insertInto('logistics_rate_cards')
          .values({
            shop_id: shop.id,
            id: crypto.randomUUID(),
            service_id: id,
            version: 1,
            valid_from: new Date('2026-01-01'),
            valid_to: null,
            currency: 'CNY',
            source_file: 'bench',
            source_sheets: 'bench',
            source_note: null,
            file_sha256: `bench-${i}`,
            imported_by: null,
            settings: JSON.stringify(c.settings),
            data: JSON.stringify(c.data),
          })
          .execute();
      }
    });
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      await withShop(database.db, shop.id, (trx) => quoteRates(trx, shop.id, parcels[i]!));
      if (i >= 20) times.push(performance.now() - t0); // first 20 warm up
    }
    return { calls: times.length, p50Ms: ms(pct(times, 0.5)), p95Ms: ms(pct(times, 0.95)) };
  } finally {
    await drop();
  }
}

const db: Record<string, unknown> = {};
for (const engine of values.engines.split(',').filter(Boolean)) {
  try {
    db[engine] = await dbBench(engine);
  } catch (e) {
    db[engine] = { error: e instanceof Error ? e.message : String(e) };
  }
}

const result = {
  bench: 'rate-shop',
  parcels: parcels.length,
  cards: cards.length,
  ratings: parcels.length * cards.length,
  optionsFound: options,
  pure: { medianMs: ms(median(runs)), runsMs: runs.map(ms), targetMs: 1000, ok: median(runs) <= 1000 },
  quoteRatesDb: db,
};
process.stdout.write(`${values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
