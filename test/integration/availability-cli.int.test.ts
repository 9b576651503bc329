import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createShop } from '../../src/domains/shops/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { connectDatabase } from '../../src/platform/db/connect.ts';
import { buildServer, openDeps } from '../../src/server.ts';
import { login, productPayload } from '../support/test-app.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

describe.skipIf(skip)('cunkou stock available / push (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  const cli = async (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...target, '--shop', 'ats-cli', ...args], {
      env: { ...process.env, CUNKOU_LOCALE: 'en' },
    }).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cunkou-ats-cli-'));
    const dataDir = join(dir, 'data');
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', dataDir];
    // Seed through the real server, then close it: the CLI opens the same database afterwards.
    const db = database ?? (await connectDatabase({ dataDir: join(dataDir, 'db') }));
    const deps = await openDeps(loadConfig({ CUNKOU_DATA: dataDir }, {}), db);
    const app = await buildServer(deps);
    await app.ready();
    try {
      const shop = await createShop(db.db, { slug: 'ats-cli', name: 'CLI', targetLocales: ['en'] });
      await addMember(db.db, {
        shopId: shop.id,
        email: 'o@ats-cli.test',
        role: 'owner',
        password: 'correct-horse-1',
      });
      const c = await login(app, 'o@ats-cli.test', 'correct-horse-1');
      const S = '/api/shops/ats-cli';
      expect((await c.request('POST', `${S}/products`, productPayload('MUG'))).statusCode).toBe(201);
      const wh = (
        await c.request('POST', `${S}/warehouses`, { code: 'FAC', name: 'F', kind: 'factory', country: 'CN' })
      ).json().id;
      await c.request('POST', `${S}/stock/receipts`, {
        warehouseId: wh,
        lines: [{ sku: 'MUG', quantity: 10 }],
      });
      const acc = (
        await c.request('POST', `${S}/channel-accounts`, { channel: 'amazon', name: 'Amazon US' })
      ).json().id;
      const map = await c.request('POST', `${S}/sku-mappings`, {
        channelAccountId: acc,
        channelSku: 'MUG-2PK',
        components: [{ sku: 'MUG', quantity: 2 }],
      });
      expect(map.statusCode, map.body).toBe(201);
    } finally {
      await app.close();
      // A test PostgreSQL database is dropped when closed: keep it open for the CLI until afterAll.
      if (!database) await db.close();
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('prints available-to-sell as JSON, refuses an API push without a connector, writes and confirms the file', async () => {
    const avail = JSON.parse(
      (await cli('--json', 'stock', 'available', '--account', 'Amazon US', '--sku', 'MUG-2PK')).stdout,
    );
    expect(avail.items).toEqual([
      expect.objectContaining({ channelSku: 'MUG-2PK', pool: 5, quantity: 5, changed: true }),
    ]);

    const push = await cli('--json', 'stock', 'push', '--account', 'Amazon US');
    expect(JSON.parse(push.stdout).error).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });

    const out = join(dir, 'inventory.txt');
    const written = JSON.parse(
      (await cli('--json', 'stock', 'push', '--account', 'Amazon US', '--file', out)).stdout,
    );
    expect(written).toMatchObject({ format: 'amazon', items: 1 });
    const text = await readFile(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\tfulfillment-channel',
    );
    expect(text.split('\r\n')[1]).toBe('MUG-2PK\t\t\t\t5\t\t');

    const marked = JSON.parse((await cli('--json', 'stock', 'mark-uploaded', written.fileId)).stdout);
    expect(marked).toMatchObject({ marked: 1 });
    const after = JSON.parse(
      (await cli('--json', 'stock', 'available', '--account', 'Amazon US', '--changed')).stdout,
    );
    expect(after.items).toEqual([]);

    const missing = await cli('--json', 'stock', 'available', '--account', 'Nope');
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
  }, 120_000);
});
