import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { openTabular, readAllTabular } from './read-tabular.ts';

const dir = mkdtempSync(join(tmpdir(), 'cunkou-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, fileName: name };
};

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return { path, fileName: name };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (e instanceof AppError) return e;
  throw new Error(`expected an AppError, got ${String(e)}`);
}

const products = () =>
  workbook('products.xlsx', (wb) => {
    const ws = wb.addWorksheet('商品');
    ws.addRow([' SKU ', 'GTIN', '价格', '上架日期', '合计', '名称', '链接', '发货时间']);
    ws.addRow([
      'CANDLE-01',
      6901234567892,
      0.1 + 0.2,
      new Date(Date.UTC(2024, 2, 5)),
      { formula: 'C2*2', result: 0.6000000000000001 },
      { richText: [{ text: '香薰', font: { bold: true } }, { text: '蜡烛' }] },
      { text: '详情', hyperlink: 'https://example.com/p/1' },
      new Date(Date.UTC(2024, 2, 5, 14, 30)),
    ]);
    ws.addRow([]);
    ws.addRow(['CANDLE-02', '06901234567892', 12]);
    ws.addRow([]);
    ws.addRow([]);
  });

describe('openTabular – xlsx', () => {
  it('reads numbers, dates, formulas, rich text and hyperlinks as the seller sees them', async () => {
    const t = await readAllTabular(await products());
    expect(t.format).toBe('xlsx');
    expect(t.headers).toEqual(['SKU', 'GTIN', '价格', '上架日期', '合计', '名称', '链接', '发货时间']);
    expect(t.rows).toEqual([
      {
        row: 2,
        values: [
          'CANDLE-01',
          '6901234567892',
          '0.3',
          '2024-03-05',
          '0.6',
          '香薰蜡烛',
          '详情',
          '2024-03-05T14:30:00',
        ],
      },
      { row: 4, values: ['CANDLE-02', '06901234567892', '12', '', '', '', '', ''] },
    ]);
  });

  it('picks a sheet by name or position, first visible by default', async () => {
    const input = await workbook('sheets.xlsx', (wb) => {
      wb.addWorksheet('说明', { state: 'hidden' }).addRow(['read me']);
      wb.addWorksheet('Template').addRow(['sku']);
      wb.addWorksheet('订单').addRow(['order_id']);
    });
    const headersOf = async (sheet?: string | number) => {
      const t = await openTabular(input, { sheet });
      await t.close(); // rows not read: release the file
      return t.headers;
    };
    expect(await headersOf()).toEqual(['sku']);
    expect(await headersOf('订单')).toEqual(['order_id']);
    expect(await headersOf(1)).toEqual(['read me']);
    const e = await failure(openTabular(input, { sheet: 'Orders' }));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain('Template');
  });

  it('reports duplicate headers with the file name and column letters', async () => {
    const input = await workbook('dup.xlsx', (wb) => {
      wb.addWorksheet('s').addRow(['SKU', 'Price', 'Qty', 'SKU ']);
    });
    const e = await failure(openTabular(input));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain('dup.xlsx');
    expect(e.message).toContain('columns A, D');
    expect(e.issues).toEqual([expect.objectContaining({ field: 'SKU', row: 1 })]);
  });

  it.each([0.1, 0.5, 0.9, 0.99])('rejects an xlsx cut at %s of its length as BAD_FILE', async (fraction) => {
    const full = readFileSync((await products()).path);
    const input = file(`cut-${fraction}.xlsx`, full.subarray(0, Math.floor(full.length * fraction)));
    const e = await failure(readAllTabular(input));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain(`cut-${fraction}.xlsx`);
    expect(e.message).not.toMatch(/\n\s+at /); // no stack trace in the user message
  });

  it('rejects corrupt compressed data as BAD_FILE instead of hanging', async () => {
    const big = await workbook('big.xlsx', (wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['sku', 'name']);
      for (let i = 0; i < 5000; i++) ws.addRow([`SKU-${i}`, `商品 ${i}`]);
    });
    // Keep the zip's local entries but corrupt the deflate data of the sheet near its end.
    const bytes = Buffer.from(readFileSync(big.path));
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 2000;
    bytes.fill(0xff, at, at + 64);
    const input = file('corrupt.xlsx', bytes);
    const e = await failure(readAllTabular(input));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain('corrupt.xlsx');
  });

  it('closes every file handle when the caller stops early', async () => {
    const input = await workbook('early.xlsx', (wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['sku']);
      for (let i = 0; i < 3000; i++) ws.addRow([`SKU-${i}`]);
      wb.addWorksheet('t').addRow(['x']);
    });
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let k = 0; k < 5; k++) {
      const t = await openTabular(input);
      for await (const r of t.rows) if (r.row === 3) break;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(fds()).toBeLessThanOrEqual(before);
  });
});

describe('openTabular – csv', () => {
  it('decodes GBK (Chinese Excel "CSV") and numbers rows as Excel does', async () => {
    const text = '商品编码,名称,价格\r\nA1,香薰蜡烛,39.9\r\n\r\nA2,"多行\r\n描述",12\r\n\r\n';
    const t = await readAllTabular(file('gbk.csv', iconv.encode(text, 'gbk')));
    expect(t).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
    expect(t.headers).toEqual(['商品编码', '名称', '价格']);
    expect(t.rows).toEqual([
      { row: 2, values: ['A1', '香薰蜡烛', '39.9'] },
      { row: 4, values: ['A2', '多行\r\n描述', '12'] },
    ]);
  });

  it('strips the UTF-8 BOM from the first header', async () => {
    const t = await readAllTabular(file('bom.csv', `\uFEFFSKU,名称\nA1,香薰蜡烛\n`));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.headers).toEqual(['SKU', '名称']);
    expect(t.rows[0]?.values).toEqual(['A1', '香薰蜡烛']);
  });

  it.each([
    ['tab', 'SKU\t名称\t备注\nA1\t香薰蜡烛\t"a,b"\n', '\t'],
    ['semicolon', 'SKU;名称;备注\nA1;香薰蜡烛;"a,b"\n', ';'],
  ])('detects a %s delimiter from the header line', async (_n, text, delimiter) => {
    const t = await readAllTabular(file(`delim-${delimiter.charCodeAt(0)}.csv`, text));
    expect(t.delimiter).toBe(delimiter);
    expect(t.rows[0]?.values).toEqual(['A1', '香薰蜡烛', 'a,b']);
  });

  it('reads UTF-16LE text exports', async () => {
    const t = await readAllTabular(
      file('u16.txt', iconv.encode('\uFEFFSKU\t名称\nA1\t香薰蜡烛\n', 'utf-16le')),
    );
    expect(t.encoding).toBe('utf-16le');
    expect(t.headers).toEqual(['SKU', '名称']);
    expect(t.rows[0]?.values).toEqual(['A1', '香薰蜡烛']);
  });

  it('decodes a Chinese character split across read chunks', async () => {
    const body = Array.from({ length: 20000 }, (_, i) => `A${i},香薰蜡烛${i}`).join('\n');
    const t = await readAllTabular(file('chunks.csv', iconv.encode(`SKU,名称\n${body}\n`, 'gbk')));
    expect(t.rows).toHaveLength(20000);
    expect(t.rows.every((r, i) => r.values[1] === `香薰蜡烛${i}`)).toBe(true);
  });

  it('reports an unclosed quote as BAD_FILE naming the file and the row', async () => {
    const e = await failure(readAllTabular(file('quote.csv', 'SKU,名称\nA1,ok\nA2,"never closed\nA3,x\n')));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain('quote.csv');
    expect(e.message).toContain('row 3');
    expect(e.issues[0]?.row).toBe(3);
  });

  it('throws the AppError from the row iterator when the problem is far into the file', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `A${i},ok`).join('\n');
    const t = await openTabular(file('late.csv', `SKU,名称\n${body}\nB1,"open\nB2,x\n`));
    let seen = 0;
    const e = await failure(
      (async () => {
        for await (const _ of t.rows) seen++;
      })(),
    );
    expect(seen).toBe(5000);
    expect(e.code).toBe('BAD_FILE');
    expect(e.issues[0]?.row).toBe(5002);
  });

  it('reports duplicate CSV headers', async () => {
    const e = await failure(openTabular(file('dup.csv', 'sku,price,sku\n1,2,3\n')));
    expect(e.message).toContain('columns A, C');
  });

  it('rejects a file over maxBytes before reading it', async () => {
    const e = await failure(openTabular(file('big.csv', `sku\n${'x\n'.repeat(1000)}`), { maxBytes: 1000 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
  });

  it('rejects .xls and unknown binaries by content, whatever the extension', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect((await failure(openTabular(file('old.xls', ole)))).code).toBe('UNSUPPORTED_FILE_TYPE');
    expect((await failure(openTabular(file('fake.csv', ole)))).code).toBe('UNSUPPORTED_FILE_TYPE');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect((await failure(openTabular(file('photo.csv', png)))).code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('reports an empty sheet', async () => {
    expect((await failure(openTabular(file('blank.csv', '\n\n\n')))).code).toBe('BAD_FILE');
  });

  it('closes the file when the caller stops early or calls close()', async () => {
    const input = file('early.csv', `sku\n${'x\n'.repeat(100000)}`);
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let k = 0; k < 5; k++) {
      const t = await openTabular(input);
      for await (const _ of t.rows) break;
    }
    await (await openTabular(input)).close();
    await new Promise((r) => setTimeout(r, 100));
    expect(fds()).toBeLessThanOrEqual(before);
  });
});
