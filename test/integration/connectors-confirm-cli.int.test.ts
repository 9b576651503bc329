import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCredentials } from '../../src/domains/connectors/connection.ts';
import { recordShipmentConfirmations } from '../../src/domains/connectors/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { openDeps } from '../../src/server.ts';
import { type AmazonSimulator, amazonSimOrder, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

const creds = {
  clientId: 'amzn1.application-oa2-client.clicf',
  clientSecret: 'amzn1.oa2-cs.v1.cli-confirm-000',
  refreshToken: 'Atzr|cli-confirm-token-000',
  sellerId: 'A3CLICONFIRM',
  marketplaceId: 'ATVPDKIKX0DER',
};

describe.skipIf(skip)('cunkou channel confirm-shipments (CLI)', () => {
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
  const config = () =>
    loadConfig(
      {
        CUNKOU_SECRET_KEY: secretKey,
        CUNKOU_CONNECTOR_HOSTS: '127.0.0.1',
        CUNKOU_DATA: join(dir, 'data'),
        ...(database ? { DATABASE_URL: database.url! } : {}),
      },
      {},
    );
  /** Open the database between CLI runs (PGlite allows one process at a time). */
  const withDb = async <T>(
    fn: (deps: Awaited<ReturnType<typeof openDeps>>, shopId: string, accountId: string) => Promise<T>,
  ) => {
    const deps = await openDeps(config());
    try {
      const db = deps.database.db;
      const shop = await db
        .selectFrom('shops')
        .select('id')
        .where('slug', '=', 'cli-confirm')
        .executeTakeFirstOrThrow();
      const account = await withShop(db, shop.id, (trx) =>
        trx
          .selectFrom('channel_accounts')
          .select('id')
          .where('shop_id', '=', shop.id)
          .executeTakeFirstOrThrow(),
      );
      return await fn(deps, shop.id, account.id);
    } finally {
      await deps.database.close();
    }
  };
  const recordFor = (externalId: string, trackingNumber: string) =>
    withDb((deps, shopId) =>
      withShop(deps.database.db, shopId, async (trx) => {
        const o = await trx
          .selectFrom('orders')
          .select('id')
          .where('shop_id', '=', shopId)
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow();
        return recordShipmentConfirmations(trx, shopId, [
          {
            orderId: o.id,
            carrier: 'usps',
            carrierName: 'USPS',
            trackingNumber,
            shippedAt: new Date('2026-11-24T08:00:00Z'),
            lines: [],
          },
        ]);
      }),
    );

  beforeAll(async () => {
    sim = await startAmazonSimulator(creds);
    sim.orders.set(
      '113-7000000-0000001',
      amazonSimOrder({
        id: '113-7000000-0000001',
        marketplaceId: creds.marketplaceId,
        itemId: '70000000000011',
        sku: 'CANDLE-1',
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'cunkou-confirm-cli-'));
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', join(dir, 'data')];
    await cli('shop', 'create', 'cli-confirm', 'CLI confirm');
    await cli(
      '--shop',
      'cli-confirm',
      'channel',
      'add',
      'Amazon US',
      '--channel',
      'amazon',
      '--marketplace',
      'ATVPDKIKX0DER',
    );
    await withDb((deps, shopId, accountId) =>
      withShop(deps.database.db, shopId, (trx) =>
        saveCredentials(trx, config(), shopId, systemActor, accountId, {
          credentials: { ...creds, region: 'na', endpoint: sim.url, lwaUrl: `${sim.url}/auth/o2/token` },
        }),
      ),
    );
    expect(
      JSON.parse(await cli('--shop', 'cli-confirm', '--json', 'channel', 'sync', 'Amazon US')),
    ).toMatchObject({
      created: 1,
    });
  }, 300_000);
  afterAll(async () => {
    await sim?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('pushes through the API, then writes and marks the upload file', async () => {
    expect(await recordFor('113-7000000-0000001', '9400111899223100000001')).toEqual({ recorded: 1 });
    const pushed = JSON.parse(
      await cli('--shop', 'cli-confirm', '--json', 'channel', 'confirm-shipments', 'Amazon US'),
    );
    expect(pushed).toMatchObject({ connected: true, sent: 1, failed: 0 });
    expect(sim.confirmations).toHaveLength(1);
    expect(sim.confirmations[0]!.body.packageDetail).toMatchObject({
      carrierCode: 'USPS',
      trackingNumber: '9400111899223100000001',
      orderItems: [{ orderItemId: '70000000000011', quantity: 1 }],
    });

    expect(await recordFor('113-7000000-0000001', '9400111899223100000002')).toEqual({ recorded: 1 });
    const out = join(dir, 'confirm.txt');
    const exported = JSON.parse(
      await cli(
        '--shop',
        'cli-confirm',
        '--json',
        'channel',
        'confirm-shipments',
        'Amazon US',
        '--file',
        out,
      ),
    );
    expect(exported).toMatchObject({ format: 'amazon', count: 1, path: out });
    const text = await readFile(out, 'utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      '113-7000000-0000001\t70000000000011\t1\t2026-11-24\tUSPS\t\t9400111899223100000002\t',
    ]);
    const marked = JSON.parse(
      await cli(
        '--shop',
        'cli-confirm',
        '--json',
        'channel',
        'confirm-shipments',
        'Amazon US',
        '--uploaded',
        exported.batch,
      ),
    );
    expect(marked).toMatchObject({ marked: 1 });
    // Nothing left to push.
    expect(
      JSON.parse(await cli('--shop', 'cli-confirm', '--json', 'channel', 'confirm-shipments', 'Amazon US')),
    ).toMatchObject({
      sent: 0,
      failed: 0,
    });
    expect(sim.confirmations).toHaveLength(1);
  }, 300_000);
});
