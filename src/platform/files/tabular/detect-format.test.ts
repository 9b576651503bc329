import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { detectFormat } from './detect-format.ts';

const b = (...x: number[]) => Uint8Array.from(x);
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function failure(head: Uint8Array, name: string): AppError {
  try {
    detectFormat(head, name);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected detectFormat to throw');
}

describe('detectFormat', () => {
  it.each([
    ['zip header, even when named .csv', b(0x50, 0x4b, 0x03, 0x04, 0x14, 0), 'list.csv', 'xlsx'],
    ['CSV text named .xls (ERP export)', text('SKU,名称\n'), '导出.xls', 'csv'],
    [
      'UTF-16 CSV (contains NUL bytes)',
      new Uint8Array(iconv.encode('\uFEFFSKU\t名称\n', 'utf-16le')),
      'a.txt',
      'csv',
    ],
    ['GBK CSV', new Uint8Array(iconv.encode('商品,价格\n', 'gbk')), 'a.csv', 'csv'],
  ] as const)('%s → %s', (_n, head, name, expected) => {
    expect(detectFormat(head, name)).toBe(expected);
  });

  it('rejects old .xls (OLE) and tells the user to save as .xlsx or CSV', () => {
    const e = failure(b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), '库存.xlsx');
    expect(e.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(e.message).toContain('库存.xlsx');
    expect(e.message).toContain('.xls');
    expect(e.message).toMatch(/xlsx.*CSV/);
  });

  it.each([
    ['PDF', text('%PDF-1.7\n')],
    ['PNG', b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)],
    ['binary with NUL', b(0x01, 0x02, 0x00, 0x03)],
    ['HTML table saved as .xls', text('  <html><table><tr><td>1</td></tr></table></html>')],
    ['SpreadsheetML 2003', text('\uFEFF<?xml version="1.0"?><Workbook>')],
  ])('rejects %s as unsupported', (_n, head) => {
    expect(failure(head, 'x.xls').code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('rejects an empty file as BAD_FILE', () => {
    expect(failure(b(), 'empty.csv').code).toBe('BAD_FILE');
  });
});
