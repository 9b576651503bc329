import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { type ApiError, upload } from './catalog-helpers.ts';

const skip = await skipEngine();

const csv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

const zhHeaders = ['款号', '标题', 'SKU', '条码', '成本价', '重量(g)', '海关编码', '原产国'];
const zhMapping = {
  款号: 'handle',
  标题: 'title',
  SKU: 'sku',
  条码: 'gtin',
  成本价: 'costPrice',
  '重量(g)': 'weightG',
  海关编码: 'hsCode',
  原产国: 'originCountry',
};
// Rows 2 and 7 are good; 3 bad GTIN, 4 repeats the SKU of row 2, 5 is a new product without a
// title, 6 has a 4-digit HS code.
const mixedRows = [
  zhHeaders,
  ['SPU-1', '香薰蜡烛 薰衣草', 'GBK-1', '6901234567892', '12.50', '300', '3406.00', 'CN'],
  ['SPU-2', '大豆蜡烛', 'GBK-2', '6901234567893', '8', '200', '3406.00', 'CN'],
  ['SPU-3', '玫瑰蜡烛', 'GBK-1', '', '9', '250', '3406.00', 'CN'],
  ['SPU-4', '', 'GBK-4', '', '9', '250', '3406.00', 'CN'],
  ['SPU-5', '礼盒', 'GBK-5', '', '9', '250', '99.99', 'CN'],
  ['SPU-6', '香草蜡烛', 'GBK-6', '', '15', '400', '340600', 'CN'],
];

async function xlsxBuffer(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('商品').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v))));
  });
  return out;
}

describe.skipIf(skip)('catalog import and export', () => {
  let t: TestApp;
  let client: Client;
  const base = '/api/shops/imp';

  beforeAll(async () => {
    t = await createTestApp();
    ({ client } = await seedShop(t, 'imp'));
  });
  afterAll(async () => t?.close());

  const send = async (fileName: string, data: Buffer | string) => {
    const res = await upload(client, `${base}/imports`, fileName, data);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      encoding: string | null;
      headers: string[];
      sampleRows: string[][];
      suggestedMapping: Record<string, string | null>;
    };
  };
  const commit = async (id: string, columns: Record<string, string>, mode: string, extra = {}) => {
    const res = await client.request('POST', `${base}/imports/${id}/commit`, { columns, mode, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      status: string;
      created: number;
      updated: number;
      failed: number;
      errorsUrl: string | null;
    };
  };
  const products = async () =>
    (await client.request('GET', `${base}/products?limit=200&sort=title_asc`)).json().items as {
      id: string;
      title: string;
      skus: string[];
    }[];
  const bySku = async (sku: string) => {
    const hit = (await products()).find((p) => p.skus.includes(sku));
    return hit && (await client.request('GET', `${base}/products/${hit.id}`)).json();
  };

  it('reads a GBK CSV with Chinese headers and suggests the mapping', async () => {
    const job = await send('erp-export.csv', iconv.encode(csv(mixedRows), 'gbk'));
    expect(job.encoding).toBe('gb18030');
    expect(job.headers).toEqual(zhHeaders);
    expect(job.sampleRows[0]).toEqual(mixedRows[1]);
    expect(job.suggestedMapping).toEqual(zhMapping);
  });

  it('reads a UTF-8 CSV with BOM and an xlsx the same way', async () => {
    const bom = await send(
      'bom.csv',
      `\uFEFF${csv([
        ['SKU', '标题'],
        ['B-1', '蜡烛'],
      ])}`,
    );
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.headers).toEqual(['SKU', '标题']);
    expect(bom.suggestedMapping).toEqual({ SKU: 'sku', 标题: 'title' });
    const x = await send(
      'sheet.xlsx',
      await xlsxBuffer([
        ['Variant SKU', 'Title', 'Barcode'],
        ['X-1', 'Jar', 6901234567892],
      ]),
    );
    expect(x.encoding).toBeNull();
    expect(x.sampleRows[0]).toEqual(['X-1', 'Jar', '6901234567892']);
    expect(x.suggestedMapping).toEqual({ 'Variant SKU': 'sku', Title: 'title', Barcode: 'gtin' });
  });

  it('previews row errors by the seller column and row, all_or_nothing writes nothing, valid_rows writes the rest', async () => {
    const before = (await products()).length;
    const job = await send('mixed.csv', iconv.encode(csv(mixedRows), 'gbk'));
    const preview = await client.request('POST', `${base}/imports/${job.id}/preview`, { columns: zhMapping });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ totalRows: 6, validRows: 2 });
    const errors = (p.errors as { row: number; field: string; message: string }[]).map((e) => [
      e.row,
      e.field,
    ]);
    expect(errors).toEqual([
      [3, '条码'],
      [4, 'SKU'],
      [5, '标题'],
      [6, '海关编码'],
    ]);
    expect(p.errors[1].message).toContain('row 2');
    expect((await products()).length).toBe(before);

    const strict = await commit(job.id, zhMapping, 'all_or_nothing');
    expect(strict).toMatchObject({ status: 'failed', created: 0, updated: 0, failed: 4 });
    expect((await products()).length).toBe(before);
    const status = (await client.request('GET', `${base}/imports/${job.id}`)).json();
    expect(status).toMatchObject({ status: 'failed', created: 0, failed: 4, totalRows: 6 });

    const again = await send('mixed.csv', iconv.encode(csv(mixedRows), 'gbk'));
    const loose = await commit(again.id, zhMapping, 'valid_rows');
    expect(loose).toMatchObject({ status: 'done', created: 2, updated: 0, failed: 4 });
    expect(loose.errorsUrl).toBe(`imports/${again.id}/errors`);
    expect((await products()).length).toBe(before + 2);
    const spu1 = await bySku('GBK-1');
    expect(spu1).toMatchObject({ handle: 'SPU-1', title: '香薰蜡烛 薰衣草' });
    expect(spu1.variants[0]).toMatchObject({
      gtin: '6901234567892',
      costPriceMinor: 1250,
      weightG: 300,
      hsCode: '340600',
      originCountry: 'CN',
    });

    const file = await client.request('GET', `${base}/${loose.errorsUrl}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(file.rawPayload);
    expect(sheet[0]).toEqual([...zhHeaders, '错误 / Error']);
    expect(sheet.slice(1).map((r) => r.slice(0, 8))).toEqual([
      mixedRows[2],
      mixedRows[3],
      mixedRows[4],
      mixedRows[5],
    ]);
    expect(sheet[1]![8]).toContain('条码');
    expect(sheet[4]![8]).toContain('海关编码');

    // A finished job cannot be committed twice.
    const twice = await client.request('POST', `${base}/imports/${again.id}/commit`, {
      columns: zhMapping,
      mode: 'valid_rows',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('re-importing the same file updates and never duplicates', async () => {
    const rows = [
      ['SKU', 'Title', 'Weight (g)', 'Tags'],
      ['RE-1', 'Reimport one', '100', 'a, b'],
      ['RE-2', 'Reimport two', '200', ''],
      ['RE-3', 'Reimport three', '300', ''],
    ];
    const data = await xlsxBuffer(rows);
    const columns = { SKU: 'sku', Title: 'title', 'Weight (g)': 'weightG', Tags: 'tags' };
    const first = await commit((await send('re.xlsx', data)).id, columns, 'all_or_nothing');
    expect(first).toMatchObject({ status: 'done', created: 3, updated: 0, failed: 0, errorsUrl: null });
    const count = (await products()).length;
    const second = await commit((await send('re.xlsx', data)).id, columns, 'all_or_nothing');
    expect(second).toMatchObject({ status: 'done', created: 0, updated: 3, failed: 0 });
    expect((await products()).length).toBe(count);
    expect((await bySku('RE-1')).tags).toEqual(['a', 'b']);
  });

  it('a file with only SKU and weight updates weights without wiping titles or other data', async () => {
    const cat = await client.request('POST', `${base}/categories`, { name: '礼品' });
    const target = await bySku('GBK-6');
    const put = await client.request('PUT', `${base}/products/${target.id}`, {
      ...target,
      categoryId: cat.json().id,
    });
    expect(put.statusCode, put.body).toBe(200);
    const data = csv([
      ['SKU', '重量(g)'],
      ['GBK-1', '333'],
      ['GBK-6', '444'],
    ]);
    const res = await commit(
      (await send('weights.csv', data)).id,
      { SKU: 'sku', '重量(g)': 'weightG' },
      'all_or_nothing',
    );
    expect(res).toMatchObject({ status: 'done', created: 0, updated: 2 });
    const spu1 = await bySku('GBK-1');
    expect(spu1).toMatchObject({ title: '香薰蜡烛 薰衣草', handle: 'SPU-1' });
    expect(spu1.variants[0]).toMatchObject({
      weightG: 333,
      gtin: '6901234567892',
      costPriceMinor: 1250,
      hsCode: '340600',
    });
    const spu6 = await bySku('GBK-6');
    expect(spu6).toMatchObject({ title: '香草蜡烛', categoryName: '礼品' });
    expect(spu6.variants[0].weightG).toBe(444);
    // Still findable by its category after the import rewrote its row.
    const found = await client.request('GET', `${base}/products?q=${encodeURIComponent('礼品')}`);
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([spu6.id]);
  });

  it('keeps formula-like titles as text and neutralises them in CSV and xlsx exports, which re-import cleanly', async () => {
    const title = '=HYPERLINK("http://x","y")';
    const data = csv([
      ['SKU', 'Title', 'Cost'],
      ['FX-1', title, '3.20'],
      ['FX-2', '@SUM(A1)', '1'],
    ]);
    await commit(
      (await send('fx.csv', data)).id,
      { SKU: 'sku', Title: 'title', Cost: 'costPrice' },
      'all_or_nothing',
    );
    expect((await bySku('FX-1')).title).toBe(title);

    const csvRes = await client.request('GET', `${base}/products/export?format=csv`);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    expect(csvRes.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvRes.body).toContain("'@SUM(A1)");
    expect(csvRes.body).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const xlsxRes = await client.request('GET', `${base}/products/export?format=xlsx`);
    expect(xlsxRes.statusCode).toBe(200);
    const sheet = await readXlsx(xlsxRes.rawPayload);
    const header = sheet[0]!;
    const row = sheet.find((r) => r[header.indexOf('sku')] === 'FX-1')!;
    expect(row[header.indexOf('title')]).toBe(`'${title}`);
    expect(sheet.flat().some((c) => c.startsWith('='))).toBe(false);

    // The export goes back in as is: same products, same titles, nothing created.
    const count = (await products()).length;
    const before = await Promise.all(['FX-1', 'FX-2', 'GBK-1', 'RE-1'].map(bySku));
    for (const [name, body] of [
      ['export.csv', csvRes.rawPayload],
      ['export.xlsx', xlsxRes.rawPayload],
    ] as const) {
      const job = await send(name, body);
      expect(Object.values(job.suggestedMapping).every(Boolean)).toBe(true);
      const columns = job.suggestedMapping as Record<string, string>;
      const res = await commit(job.id, columns, 'all_or_nothing');
      expect(res, name).toMatchObject({ status: 'done', created: 0, failed: 0, updated: count });
      expect((await products()).length).toBe(count);
      const after = await Promise.all(['FX-1', 'FX-2', 'GBK-1', 'RE-1'].map(bySku));
      expect(after.map((p) => p.title)).toEqual(before.map((p) => p.title));
      expect(after.map((p) => p.variants)).toEqual(before.map((p) => p.variants));
    }
  });

  it('sanitises imported description HTML like the product form does', async () => {
    const html = '<p>天然<b>大豆蜡</b></p><script>alert(1)</script><img src=x onerror=alert(2)>';
    const data = csv([
      ['SKU', 'Title', 'Description'],
      ['XSS-1', 'Safe', html],
    ]);
    const res = await commit(
      (await send('xss.csv', data)).id,
      { SKU: 'sku', Title: 'title', Description: 'descriptionHtml' },
      'all_or_nothing',
    );
    expect(res.status).toBe('done');
    expect((await bySku('XSS-1')).descriptionHtml).toBe('<p>天然<b>大豆蜡</b></p>');
  });

  it('rejects a truncated xlsx with 400 BAD_FILE naming the file', async () => {
    const whole = await xlsxBuffer([['SKU'], ['T-1']]);
    const res = await upload(
      client,
      `${base}/imports`,
      'cut-off.xlsx',
      whole.subarray(0, Math.floor(whole.length / 2)),
    );
    expect(res.statusCode).toBe(400);
    expect((res.json() as ApiError).error.code).toBe('BAD_FILE');
    expect((res.json() as ApiError).error.message).toContain('cut-off.xlsx');
  });

  it('saves mappings explicitly and on commit, and lists them', async () => {
    const saved = await client.request('POST', `${base}/import-mappings`, {
      name: '1688 导出',
      columns: zhMapping,
    });
    expect(saved.statusCode).toBe(201);
    const job = await send(
      'm.csv',
      csv([
        ['SKU', '标题'],
        ['MAP-1', '映射'],
      ]),
    );
    await commit(job.id, { SKU: 'sku', 标题: 'title' }, 'valid_rows', { saveMappingAs: '简单' });
    const list = (await client.request('GET', `${base}/import-mappings`)).json().items as {
      name: string;
      columns: unknown;
    }[];
    expect(list.map((m) => [m.name, m.columns])).toEqual([
      ['1688 导出', zhMapping],
      ['简单', { SKU: 'sku', 标题: 'title' }],
    ]);
  });
});
