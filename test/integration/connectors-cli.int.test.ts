import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCredentials } from '../../src/domains/connectors/connection.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { openDeps } from '../../src/server.ts';
import { type AmazonSimulator, amazonSimOrder, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

const creds = {
  clientId: 'amzn1.application-oa2-client.cli',
  clientSecret: 'amzn1.oa2-cs.v1.cli-secret-000',
  refreshToken: 'Atzr|cli-refresh-token-000',
  sellerId: 'A3CLISELLER',
  marketplaceId: 'ATVPDKIKX0DER',
};

describe.skipIf(skip)('cunkou channel sync (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  let sim: AmazonSimulator;
  const secretKey = randomBytes(32).toString('base64');
  const cli = async (...args: string[]) => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...target, ...args],
      {
        env: { ...process.env, CUNKOU_LOCALE: 'en', CUNKOU_SECRET_KEY: secretKey },
      },
    ).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));
    return stdout;
  };

  beforeAll(async () => {
    sim = await startAmazonSimulator(creds);
    sim.orders.set(
      '113-1',
      amazonSimOrder({
        id: '113-1',
        marketplaceId: creds.marketplaceId,
        itemId: 'a',
        sku: 'CANDLE-1',
        status: 'Shipped',
        fulfillment: 'AFN',
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'cunkou-conn-cli-'));
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', join(dir, 'data')];
    await cli('shop', 'create', 'cli-sync', 'CLI sync');
    await cli(
      '--shop',
      'cli-sync',
      'channel',
      'add',
      'Amazon US',
      '--channel',
      'amazon',
      '--marketplace',
      'ATVPDKIKX0DER',
    );
    // Credentials are entered in the admin; here straight through the use case, same key as the CLI.
    const config = loadConfig(
      {
        CUNKOU_SECRET_KEY: secretKey,
        CUNKOU_CONNECTOR_HOSTS: '127.0.0.1',
        CUNKOU_DATA: join(dir, 'data'),
        ...(database ? { DATABASE_URL: database.url! } : {}),
      },
      {},
    );
    const deps = await openDeps(config);
    try {
      const db = deps.database.db;
      const shop = await db
        .selectFrom('shops')
        .select('id')
        .where('slug', '=', 'cli-sync')
        .executeTakeFirstOrThrow();
      const account = await withShop(db, shop.id, (trx) =>
        trx
          .selectFrom('channel_accounts')
          .select('id')
          .where('shop_id', '=', shop.id)
          .executeTakeFirstOrThrow(),
      );
      await withShop(db, shop.id, (trx) =>
        saveCredentials(trx, config, shop.id, systemActor, account.id, {
          credentials: { ...creds, region: 'na', endpoint: sim.url, lwaUrl: `${sim.url}/auth/o2/token` },
        }),
      );
    } finally {
      await deps.database.close();
    }
  }, 120_000);
  afterAll(async () => {
    await sim?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('syncs now and prints the run counts as JSON; the next sync creates nothing', async () => {
    const first = JSON.parse(await cli('--shop', 'cli-sync', '--json', 'channel', 'sync', 'Amazon US'));
    expect(first).toMatchObject({ status: 'ok', created: 1, updated: 0, failed: 0, error: null });
    const second = JSON.parse(await cli('--shop', 'cli-sync', '--json', 'channel', 'sync', 'Amazon US'));
    expect(second).toMatchObject({ status: 'ok', created: 0, updated: 0, failed: 0 });
  }, 60_000);
});
