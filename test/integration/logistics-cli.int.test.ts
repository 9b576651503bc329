import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/domains/logistics/index.ts';
import { addMember, createShop, systemActor } from '../../src/domains/shops/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { connectDatabase } from '../../src/platform/db/connect.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { openDeps } from '../../src/server.ts';
import { dhlZoneSheet, yunExpressSheet } from '../fixtures/logistics/sheets.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

describe.skipIf(skip)('cunkou rates import / quote (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  const cli = async (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...target, '--shop', 'lg-cli', ...args], {
      env: { ...process.env, CUNKOU_LOCALE: 'en' },
    }).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cunkou-lg-cli-'));
    const dataDir = join(dir, 'data');
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', dataDir];
    const db = database ?? (await connectDatabase({ dataDir: join(dataDir, 'db') }));
    await openDeps(loadConfig({ CUNKOU_DATA: dataDir }, {}), db); // migrates
    try {
      const shop = await createShop(db.db, { slug: 'lg-cli', name: 'CLI', targetLocales: ['en'] });
      await addMember(db.db, {
        shopId: shop.id,
        email: 'o@lg-cli.test',
        role: 'owner',
        password: 'correct-horse-1',
      });
      await withShop(db.db, shop.id, async (trx) => {
        const base = { active: true, carrierAccountId: null, promisedDays: null, notes: null };
        await createService(trx, shop.id, systemActor, {
          ...base,
          code: 'YT',
          name: 'YunExpress',
          carrier: 'yunexpress',
          mode: 'postal',
        });
        await createService(trx, shop.id, systemActor, {
          ...base,
          code: 'DHL',
          name: 'DHL Express',
          carrier: 'dhl',
          mode: 'express',
        });
      });
    } finally {
      if (!database) await db.close();
    }
    await writeFile(join(dir, 'yt.xlsx'), await yunExpressSheet());
    await writeFile(join(dir, 'dhl.xlsx'), await dhlZoneSheet());
    await writeFile(
      join(dir, 'bad.xlsx'),
      await yunExpressSheet({ rates: [['美国 US', '0-2', 'abc', 16, '7-12']] }),
    );
  }, 120_000);
  afterAll(async () => {
    await database?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('imports price sheets (preview, created, unchanged, refused with the cell) and quotes with breakdowns', async () => {
    const preview = JSON.parse(
      (await cli('--json', 'rates', 'import', join(dir, 'yt.xlsx'), '--service', 'YT', '--preview')).stdout,
    );
    expect(preview).toMatchObject({ status: 'preview', layout: 'bracket_list' });
    const created = JSON.parse(
      (await cli('--json', 'rates', 'import', join(dir, 'yt.xlsx'), '--service', 'YT')).stdout,
    );
    expect(created).toMatchObject({ status: 'created', version: 1 });
    const again = await cli('rates', 'import', join(dir, 'yt.xlsx'), '--service', 'yt');
    expect(again.stdout).toMatch(/^unchanged v1: bracket_list, 3 countries/);
    expect(
      JSON.parse((await cli('--json', 'rates', 'import', join(dir, 'dhl.xlsx'), '--service', 'DHL')).stdout)
        .status,
    ).toBe('created');
    const bad = await cli('--json', 'rates', 'import', join(dir, 'bad.xlsx'), '--service', 'YT');
    expect(JSON.parse(bad.stdout).error.issues[0]).toMatchObject({ field: '价格表!C3', row: 3 });

    const quote = JSON.parse(
      (
        await cli(
          '--json',
          'rates',
          'quote',
          '--to',
          'US',
          '--postcode',
          '99611',
          '--weight',
          '1.3',
          '--dims',
          '20x15x10',
          '--value',
          '25.00',
          'USD',
        )
      ).stdout,
    );
    expect(quote.options.map((o: { code: string; totalMinor: number }) => [o.code, o.totalMinor])).toEqual([
      ['YT', 11050 + 1600 + 3000],
      ['DHL', 38000 + 17500 + 12488],
    ]);
    expect(quote.options[1].breakdown.map((l: { kind: string }) => l.kind)).toEqual([
      'base',
      'remote_area',
      'fuel',
    ]);
    const battery = JSON.parse(
      (await cli('--json', 'rates', 'quote', '--to', 'JP', '--weight', '0.5', '--battery')).stdout,
    );
    expect(battery.options.map((o: { code: string }) => o.code)).toEqual(['DHL']);
    expect(battery.excluded).toEqual([
      {
        serviceId: expect.any(String),
        code: 'YT',
        name: 'YunExpress',
        reasons: [{ code: 'country_not_served', message: 'JP is not served' }],
      },
    ]);
    const human = await cli('rates', 'quote', '--to', 'US', '--weight', '1.3');
    expect(human.stdout).toMatch(/YT\s+CNY\s+126\.50/);
    const badDims = await cli('rates', 'quote', '--to', 'US', '--weight', '1', '--dims', '20x15');
    expect(badDims.stderr).toMatch(/“20x15” is not L×W×H in cm/);
  }, 120_000);
});
