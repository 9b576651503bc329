import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupRows } from './group-rows.ts';
import { parseMoney } from './parse-cells.ts';
import { type ParsedRow, parseRow } from './parse-row.ts';
import { suggestMapping } from './target-fields.ts';

const headers = [
  '款号',
  '标题',
  'SKU',
  '条码',
  '成本价',
  '重量(kg)',
  '海关编码',
  '原产国',
  '锂电池',
  '含液体',
];
const columns = new Map(Object.entries(suggestMapping(headers)).map(([h, k]) => [k!, headers.indexOf(h)]));

describe('suggestMapping', () => {
  it('recognises Chinese ERP and Shopify headers', () => {
    expect(suggestMapping(headers)).toEqual({
      款号: 'handle',
      标题: 'title',
      SKU: 'sku',
      条码: 'gtin',
      成本价: 'costPrice',
      '重量(kg)': 'weightKg',
      海关编码: 'hsCode',
      原产国: 'originCountry',
      锂电池: 'lithiumBattery',
      含液体: 'liquid',
    });
    expect(
      suggestMapping(['Handle', 'Title', 'Variant SKU', 'Variant Barcode', 'Cost per item', 'Unknown']),
    ).toEqual({
      Handle: 'handle',
      Title: 'title',
      'Variant SKU': 'sku',
      'Variant Barcode': 'gtin',
      'Cost per item': 'costPrice',
      Unknown: null,
    });
  });
});

describe('parseRow', () => {
  it('parses a valid row into integer money and grams', () => {
    const r = parseRow(
      2,
      ['LC-1', '香薰蜡烛', 'LC-1-A', '6901234567892', '12.50', '0.31', '3406.00', 'cn', 'PI967', '否'],
      columns,
      headers,
      'USD',
    );
    expect(r.issues).toEqual([]);
    expect(r.product).toMatchObject({ handle: 'LC-1', title: '香薰蜡烛' });
    expect(r.variant).toMatchObject({
      sku: 'LC-1-A',
      gtin: '6901234567892',
      costPriceMinor: 1250,
      weightG: 310,
      hsCode: '340600',
      originCountry: 'CN',
    });
    expect(r.variant.dangerousGoods).toMatchObject({ lithiumBattery: 'PI967', liquid: false });
  });

  it('names the seller column and row for every problem', () => {
    const r = parseRow(
      7,
      ['LC-1', '', '', '6901234567893', 'abc', '1kg?', '77', 'XX', 'yes-ish', 'maybe'],
      columns,
      headers,
      'USD',
    );
    const fields = r.issues.map((i) => i.field).sort();
    expect(fields).toEqual(
      ['SKU', '含液体', '原产国', '成本价', '条码', '海关编码', '重量(kg)', '锂电池'].sort(),
    );
    expect(r.issues.every((i) => i.row === 7)).toBe(true);
    expect(r.issues.find((i) => i.field === '条码')!.message).toContain('check digit');
  });
});

describe('groupRows', () => {
  const row = (n: number, handle?: string, title?: string) =>
    ({
      row: n,
      product: { handle, title, optionNames: [] },
      variant: { sku: `S${n}` },
      optionValues: [],
      issues: [],
    }) as unknown as ParsedRow;
  async function* from(rows: ParsedRow[]) {
    yield* rows;
  }
  it('groups consecutive rows by product code, title, or blank continuation', async () => {
    const groups = [];
    for await (const g of groupRows(
      from([
        row(2, 'A', 'x'),
        row(3),
        row(4, 'A'),
        row(5, undefined, 'T'),
        row(6, undefined, 'T'),
        row(7, 'B'),
      ]),
    )) {
      groups.push(g.rows.map((r) => r.row));
    }
    expect(groups).toEqual([[2, 3, 4], [5, 6], [7]]);
  });
});

describe('parseMoney property', () => {
  it('round-trips any amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (minor) => {
        const text = `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
        expect(parseMoney(text)).toEqual({ ok: true, value: minor });
      }),
    );
  });
});
