import { describe, expect, it } from 'vitest';
import { formatRmaNumber } from './rma-number.ts';

describe('RMA numbers', () => {
  it('are zero-padded to six digits and grow past them without truncation', () => {
    expect(formatRmaNumber(1)).toBe('RMA-000001');
    expect(formatRmaNumber(42)).toBe('RMA-000042');
    expect(formatRmaNumber(1_234_567)).toBe('RMA-1234567');
  });
});
