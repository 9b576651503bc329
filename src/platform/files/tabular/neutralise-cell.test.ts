import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise-cell.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil","点我")', '\'=HYPERLINK("http://evil","点我")'],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-12.5', '-12.5'],
    ['+86', '+86'],
    ['-1e5', '-1e5'],
    ['-', "'-"],
    ['香薰蜡烛', '香薰蜡烛'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves non-strings alone', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBe(null);
  });
});
