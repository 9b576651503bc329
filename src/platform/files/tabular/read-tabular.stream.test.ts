import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTabular } from './read-tabular.ts';
import { writeTabular } from './write-tabular.ts';

const dir = mkdtempSync(join(tmpdir(), 'cunkou-tabular-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 200_000;
// Measure what the reader retains, not garbage that has not been collected yet.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('streaming a large CSV', () => {
  it('reads 200,000 rows with heap growth far below the file size', async () => {
    const path = join(dir, 'large.csv');
    const description = '天然大豆蜡香薰蜡烛，玻璃杯装，礼盒包装，适合卧室与浴室使用。'.repeat(3);
    function* rows() {
      for (let i = 0; i < ROWS; i++) yield [`SKU-${i}`, description, (i % 997) / 10, 6901234567892];
    }
    await writeTabular({ path }, 'csv', ['SKU', '描述', '价格', 'GTIN'], rows());
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(50 * 1024 * 1024);

    const before = retainedHeap();
    let peak = before;
    let count = 0;
    let lastRow = 0;
    const t = await openTabular({ path, fileName: 'large.csv' });
    for await (const r of t.rows) {
      count++;
      lastRow = r.row;
      if (count % 40_000 === 0) peak = Math.max(peak, retainedHeap());
    }
    expect(count).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    // Keeping every row would retain more than the file size (UTF-16 strings plus arrays).
    expect(peak - before).toBeLessThan(size / 20);
  });
});
