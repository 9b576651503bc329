import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type Delimiter, readCsvRows } from './read-csv.ts';
import { isBlankRow } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'cunkou-read-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What csv-parse alone makes of the text: the reference the UTF-8 fast path must equal. */
function reference(text: string, delimiter: Delimiter) {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  return records.map((values, i) => ({ row: i + 1, values })).filter((r) => !isBlankRow(r.values));
}

async function read(name: string, text: string, delimiter: Delimiter) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const rows = [];
  for await (const r of readCsvRows(path, name, 'utf-8', delimiter)) rows.push(r);
  return rows;
}

describe('UTF-8 fast path', () => {
  it.each([
    ['tab', '\t'],
    ['comma', ','],
  ] as const)(
    'reads %s-separated plain lines, then quoted cells, exactly like csv-parse',
    async (_name, d) => {
      const plain = (i: number) => [`111-${i}`, `SKU ${i}`, '12.99', '', `名前 ${i}`].join(d);
      const lines = [
        ['order', 'sku', 'price', 'note', 'title'].join(d),
        ...Array.from({ length: 3000 }, (_, i) => plain(i)), // several 64 KB chunks
        '',
        [`222-1`, '"quoted, with\nnew line"', '"say ""hi"""', '', 'x'].join(d),
        ['222-2', 'SKU', '1', '', '12" pizza'].join(d),
        ...Array.from({ length: 50 }, (_, i) => plain(5000 + i)),
      ];
      const text = `\uFEFF${lines.join('\r\n')}\r\n`;
      expect(await read(`mixed-${d.charCodeAt(0)}.txt`, text, d)).toEqual(reference(text, d));
    },
  );

  it('keeps the last line without a final newline and skips blank lines but counts them', async () => {
    const text = 'a\tb\n1\t2\n\n3\t4';
    const rows = await read('tail.txt', text, '\t');
    expect(rows).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['1', '2'] },
      { row: 4, values: ['3', '4'] },
    ]);
  });
});
