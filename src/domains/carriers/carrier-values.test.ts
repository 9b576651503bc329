import { describe, expect, it } from 'vitest';
import { customerRef, toDecimal } from './carrier-values.ts';

describe('carrier values', () => {
  it('converts minor units with the currency own decimals', () => {
    expect(toDecimal(1299, 'USD')).toBe(12.99);
    expect(toDecimal(1500, 'JPY')).toBe(1500);
  });

  it('derives the customer order number from the idempotency key, with a suffix after cancellations', () => {
    expect(customerRef('SH-000123/1', 1)).toBe('SH-000123-1');
    expect(customerRef('SH-000123/1', 2)).toBe('SH-000123-1-R2');
  });
});
