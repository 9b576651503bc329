import { describe, expect, it } from 'vitest';
import { checkShipmentNumber, formatShipmentNumber, luhnDigit, utcDay } from './shipment-number.ts';

describe('shipment numbers', () => {
  it('formats CK + yymmdd + 5-digit sequence + Luhn digit', () => {
    expect(utcDay(new Date('2026-11-26T23:59:00Z'))).toBe('261126');
    const n = formatShipmentNumber('261126', 1);
    expect(n).toMatch(/^CK26112600001\d$/);
    expect(luhnDigit('7992739871')).toBe(3); // the textbook Luhn example
    expect(checkShipmentNumber(n)).toBe('valid');
    expect(checkShipmentNumber(` ${n.toLowerCase()} `)).toBe('valid');
  });

  it('catches every single-digit typo and neighbour swaps of distinct digits', () => {
    const n = formatShipmentNumber('261126', 4711);
    for (let i = 2; i < n.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[i]) continue;
        expect(checkShipmentNumber(n.slice(0, i) + d + n.slice(i + 1))).toBe('check');
      }
    }
    const swapped = 'CK261126047118'.length === n.length ? n.slice(0, 9) + n[10] + n[9] + n.slice(11) : n;
    if (n[9] !== n[10] && !['09', '90'].includes(`${n[9]}${n[10]}`)) {
      expect(checkShipmentNumber(swapped)).toBe('check');
    }
    expect(checkShipmentNumber('RR123456785CN')).toBe('format');
  });
});
