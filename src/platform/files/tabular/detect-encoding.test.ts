import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, isUtf8Prefix } from './detect-encoding.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x53, 0x4b, 0x55), 'utf-8-bom'],
    ['UTF-16LE BOM', new Uint8Array(iconv.encode('\uFEFFSKU,名称', 'utf-16le')), 'utf-16le'],
    ['UTF-16BE BOM', new Uint8Array(iconv.encode('\uFEFFSKU,名称', 'utf-16be')), 'utf-16be'],
    ['plain ASCII', utf8('SKU,Price\nA1,12.5\n'), 'utf-8'],
    ['UTF-8 Chinese', utf8('商品编码,名称\nA1,香薰蜡烛\n'), 'utf-8'],
    ['GBK Chinese (Excel "CSV")', gbk('商品编码,名称\nA1,香薰蜡烛\n'), 'gb18030'],
    ['GB18030 four-byte character', new Uint8Array(iconv.encode('名称,𠀀\n', 'gb18030')), 'gb18030'],
    ['Latin-1 é (invalid UTF-8)', bytes(0x63, 0x61, 0x66, 0xe9, 0x2c), 'gb18030'],
    ['empty sample', bytes(), 'utf-8'],
  ] as const)('%s → %s', (_name, sample, expected) => {
    expect(detectEncoding(sample)).toBe(expected);
  });

  it('tolerates a multibyte character cut by the end of the sample', () => {
    const full = utf8('名称,香薰蜡烛');
    for (let cut = 1; cut <= 2; cut++) {
      expect(detectEncoding(full.subarray(0, full.length - cut))).toBe('utf-8');
    }
  });
});

describe('isUtf8Prefix', () => {
  it.each([
    ['overlong slash C0 AF', bytes(0xc0, 0xaf), false],
    ['overlong E0 80 80', bytes(0xe0, 0x80, 0x80), false],
    ['UTF-16 surrogate ED A0 80', bytes(0xed, 0xa0, 0x80), false],
    ['above U+10FFFF F4 90 80 80', bytes(0xf4, 0x90, 0x80, 0x80), false],
    ['lone continuation 80', bytes(0x41, 0x80), false],
    ['bad continuation in the middle', bytes(0xe9, 0x41, 0x41, 0x41), false],
    ['emoji', utf8('😀'), true],
    ['truncated emoji', utf8('😀').subarray(0, 3), true],
  ] as const)('%s → %s', (_name, sample, expected) => {
    expect(isUtf8Prefix(sample)).toBe(expected);
  });
});
