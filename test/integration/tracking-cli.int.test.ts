import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, skipEngine, type TestDatabase, testEngine } from '../support/test-db.ts';

const skip = await skipEngine();
const run = promisify(execFile);

describe.skipIf(skip)('cunkou track (CLI)', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let target: string[];
  const cli = async (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, CUNKOU_LOCALE: 'en' },
    })
      .then((r) => ({ ...r, code: 0 }))
      .catch((e: { stdout: string; stderr: string; code: number }) => ({
        stdout: e.stdout,
        stderr: e.stderr,
        code: e.code,
      }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cunkou-track-cli-'));
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      target = ['--database-url', database.url!];
    } else target = ['--data', join(dir, 'data')];
    await cli(...target, 'shop', 'create', 'trk-cli', 'Tracking CLI shop');
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('check: validates numbers without a database and exits 1 when one is invalid', async () => {
    const r = await cli('track', 'check', 'RR123456785CN', 'rr123456787cn', '1Z5R89390357567127', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { number: 'RR123456785CN', valid: true, carrier: 'chinapost', reason: null },
      {
        number: 'RR123456787CN',
        valid: false,
        carrier: 'chinapost',
        reason: 'check digit should be 5, not 7 — mistyped?',
      },
      { number: '1Z5R89390357567127', valid: true, carrier: 'ups', reason: null },
    ]);
    const ok = await cli('track', 'check', 'YT2412345678901234', '--json');
    expect(ok.code).toBe(0);
  }, 60_000);

  it('import then show: the events of a number as a timeline', async () => {
    const file = join(dir, 'events.csv');
    await writeFile(
      file,
      [
        '运单号,承运商,时间,状态,描述,城市,国家',
        'YT2412345678901234,yunexpress,2026-11-02 09:30,已揽收,深圳仓已收货,深圳,CN',
        'YT2412345678901234,yunexpress,2026-11-09 10:00,,Delivered,Austin,US',
        'YT2412345678901234,nosuch,2026-11-09 10:00,,bad carrier,,',
      ].join('\n'),
    );
    const imported = await cli(...target, '--shop', 'trk-cli', '--json', 'track', 'import', file);
    expect(imported.code).toBe(1);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({ rows: 3, inserted: 2, failed: 1 });
    expect(result.errors[0]).toMatchObject({ row: 4, column: '承运商' });
    const unregistered = await cli(
      ...target,
      '--shop',
      'trk-cli',
      '--json',
      'track',
      'show',
      'yt2412345678901234',
    );
    expect(unregistered.code).toBe(0);
    const tl = JSON.parse(unregistered.stdout);
    expect(tl).toMatchObject({ journeyId: null, reference: 'YT2412345678901234', status: 'Delivered' });
    expect(tl.events.map((e: { occurredAt: string }) => e.occurredAt)).toEqual([
      '2026-11-09T02:00:00.000Z',
      '2026-11-02T01:30:00.000Z',
    ]);
    const unknown = await cli(...target, '--shop', 'trk-cli', '--json', 'track', 'show', 'NOPE123456');
    expect(unknown.code).not.toBe(0);
  }, 120_000);
});
