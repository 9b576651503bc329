import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonAllOrdersHeaders, amazonLine, tsv } from '../fixtures/orders/files.ts';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

describe.skipIf(skip)('cunkou orders import (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  const cli = async (...args: string[]) => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...target, ...args],
      {
        env: { ...process.env, CUNKOU_LOCALE: 'en' },
      },
    ).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));
    return stdout;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cunkou-orders-cli-'));
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', join(dir, 'data')];
    await cli('shop', 'create', 'cli-shop', 'CLI shop');
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a channel account and imports an Amazon file idempotently, printing the result as JSON', async () => {
    const added = JSON.parse(
      await cli(
        '--shop',
        'cli-shop',
        '--json',
        'channel',
        'add',
        'Amazon US',
        '--channel',
        'amazon',
        '--marketplace',
        'US',
      ),
    );
    expect(added).toMatchObject({ name: 'Amazon US', channel: 'amazon', marketplace: 'US' });
    const file = join(dir, 'All Orders.txt');
    await writeFile(
      file,
      tsv(amazonAllOrdersHeaders, [
        amazonLine({ 'amazon-order-id': '111-1', sku: 'MUG-RED' }),
        amazonLine({ 'amazon-order-id': '111-2', sku: 'MUG-RED', quantity: '-1' }),
      ]),
    );
    const args = [
      '--shop',
      'cli-shop',
      '--json',
      'orders',
      'import',
      '--channel',
      'amazon',
      file,
      '--account',
      'Amazon US',
    ];
    const first = JSON.parse(await cli(...args));
    expect(Object.keys(first)).toEqual(['created', 'updated', 'unchanged', 'failed', 'errors']);
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: 1 });
    expect(first.errors).toEqual([
      { row: 3, field: 'quantity', message: expect.stringContaining('negative') },
    ]);
    expect(JSON.parse(await cli(...args))).toMatchObject({ created: 0, unchanged: 1, failed: 1 });
  }, 120_000);
});
