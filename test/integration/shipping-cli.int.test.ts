import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { connectDatabase } from '../../src/platform/db/connect.ts';
import { buildServer, openDeps } from '../../src/server.ts';
import { seedShop } from '../support/test-app.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';
import { seedWarehouse } from './inventory-helpers.ts';
import { paidOrder, seedService, seedTradeSkus, senderBody } from './shipping-helpers.ts';

const skip = await skipEngine();
const run = promisify(execFile);

describe.skipIf(skip)('cunkou labels print (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  const numbers: string[] = [];

  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...target, ...args], {
      env: { ...process.env, CUNKOU_LOCALE: 'en' },
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cunkou-labels-cli-'));
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', join(dir, 'data')];
    // Seed through the real server on the same database, then close it before the CLI opens it.
    const config = loadConfig({ CUNKOU_DATA: join(dir, 'data') }, {});
    const db = database ? await connectDatabase({ databaseUrl: database.url! }) : undefined;
    const deps = await openDeps(config, db);
    const app = await buildServer(deps);
    await app.ready();
    const t = { app, deps, dataDir: dir, close: async () => {} };
    const { client, shop } = await seedShop(t, 'cli-ship');
    const S = '/api/shops/cli-ship';
    await seedTradeSkus(client, 'cli-ship', ['CANDLE-1']);
    const wh = await seedWarehouse(client, 'cli-ship', 'SZ');
    await client.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh,
      lines: [{ sku: 'CANDLE-1', quantity: 5 }],
    });
    await client.request('POST', `${S}/shipping/senders`, senderBody);
    const account = (
      await client.request('POST', `${S}/channel-accounts`, { channel: 'own_store', name: 'Store' })
    ).json().id;
    const service = await seedService(t, shop.id, 'CNPOST', 'chinapost');
    for (const ref of ['CLI-1', 'CLI-2']) {
      const o = await paidOrder(client, 'cli-ship', account, ref, [
        { sku: 'CANDLE-1', quantity: 1, unitPriceMinor: 900 },
      ]);
      numbers.push(
        (await client.request('POST', `${S}/shipments`, { orderIds: [o.id], serviceId: service })).json()
          .number,
      );
    }
    await app.close();
    await deps.database.close();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one PDF with a label page per shipment; an unknown number is refused', async () => {
    const out = join(dir, 'labels.pdf');
    const r = await cli(
      '--shop',
      'cli-ship',
      '--json',
      'labels',
      'print',
      '--shipment',
      ...numbers,
      '--out',
      out,
    );
    expect(r.stdout, r.stderr).toContain('"labels": 2');
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, labels: 2 });
    const pdf = await PDFDocument.load(await readFile(out));
    expect(pdf.getPageCount()).toBe(2);
    const bad = await cli(
      '--shop',
      'cli-ship',
      'labels',
      'print',
      '--shipment',
      'CK000000000000',
      '--out',
      out,
    );
    expect((bad as { code?: number }).code).not.toBe(0);
    expect(bad.stderr).toContain('No shipment with number or tracking number CK000000000000');
  }, 120_000);
});
