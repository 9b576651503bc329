import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readAllTabular } from './read-tabular.ts';
import { writeTabular } from './write-tabular.ts';

const dir = mkdtempSync(join(tmpdir(), 'cunkou-tabular-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nasty = ['=1+1', '+cmd|calc', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=HYPERLINK("http://x","点我")'];
const headers = ['SKU', '名称', '价格', '备注'];
const rows: unknown[][] = [
  ['CANDLE-01', '香薰蜡烛', -12.5, '-12.5'],
  ...nasty.map((n, i) => [`X${i}`, n, 1, null]),
  ['GTIN', '6901234567892', 6901234567892, new Date(Date.UTC(2024, 2, 5))],
];

describe.each(['csv', 'xlsx'] as const)('writeTabular %s', (format) => {
  it('round-trips Chinese text and numbers, and neutralises formulas', async () => {
    const path = join(dir, `round.${format}`);
    async function* stream() {
      yield* rows;
    }
    await writeTabular({ path }, format, headers, stream());
    const t = await readAllTabular({ path, fileName: `round.${format}` });
    expect(t.format).toBe(format);
    expect(t.headers).toEqual(headers);
    expect(t.rows[0]?.values).toEqual(['CANDLE-01', '香薰蜡烛', '-12.5', '-12.5']);
    // XML turns a raw CR into LF (exceljs does not escape it), so xlsx gives `'\n=1` for `\r=1`.
    const expected = nasty.map((n) => `'${format === 'xlsx' ? n.replace(/\r/g, '\n') : n}`);
    expect(t.rows.slice(1, 1 + nasty.length).map((r) => r.values[1])).toEqual(expected);
    expect(t.rows.at(-1)?.values).toEqual(['GTIN', '6901234567892', '6901234567892', '2024-03-05']);
  });
});

describe('writeTabular details', () => {
  it('writes CSV as UTF-8 with a BOM by default, and without when asked', async () => {
    const withBom = join(dir, 'bom.csv');
    const without = join(dir, 'nobom.csv');
    await writeTabular({ path: withBom }, 'csv', ['名称'], [['香薰蜡烛']]);
    await writeTabular({ path: without }, 'csv', ['名称'], [['香薰蜡烛']], { bom: false });
    expect([...readFileSync(withBom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(without, 'utf8')).toBe('名称\n香薰蜡烛\n');
  });

  it('never writes an xlsx formula, even from a formula-shaped object', async () => {
    const path = join(dir, 'noformula.xlsx');
    await writeTabular({ path }, 'xlsx', ['a', 'b'], [['=1+1', { formula: 'A1*2', result: 2 }]], {
      sheetName: '订单/导出',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('订单 导出');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe("'=1+1");
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes xlsx to a caller-supplied stream', async () => {
    const path = join(dir, 'stream.xlsx');
    await writeTabular(createWriteStream(path), 'xlsx', ['sku'], [['A1']]);
    expect((await readAllTabular({ path, fileName: 'stream.xlsx' })).rows).toEqual([
      { row: 2, values: ['A1'] },
    ]);
  });

  it('writes to a caller-supplied stream and ends it', async () => {
    const path = join(dir, 'stream.csv');
    const out = createWriteStream(path);
    const finished = new Promise<void>((resolve) => out.on('finish', () => resolve()));
    await writeTabular(out, 'csv', ['sku'], [['A"1'], ['a,b']], { bom: false });
    await finished;
    expect(readFileSync(path, 'utf8')).toBe('sku\n"A""1"\n"a,b"\n');
  });
});
