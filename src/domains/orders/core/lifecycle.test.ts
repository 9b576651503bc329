import { describe, expect, it } from 'vitest';
import { canAdvance, canTransition, importedStatus } from './lifecycle.ts';

describe('order lifecycle', () => {
  it.each([
    ['pending', 'paid', true],
    ['paid', 'shipped', true],
    ['shipped', 'delivered', true],
    ['delivered', 'completed', true],
    ['completed', 'return_requested', true],
    ['return_requested', 'returned', true],
    ['returned', 'refunded', true],
    ['pending', 'shipped', false],
    ['shipped', 'paid', false],
    ['cancelled', 'paid', false],
    ['refunded', 'pending', false],
    ['delivered', 'cancelled', false],
  ] as const)('%s → %s by hand: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it.each([
    ['pending', 'delivered', true],
    ['paid', 'completed', true],
    ['shipped', 'paid', false],
    ['ready_to_ship', 'paid', false],
    ['completed', 'shipped', false],
    ['cancelled', 'shipped', false],
    ['paid', 'paid', false],
  ] as const)('%s → %s by import: %s', (from, to, ok) => {
    expect(canAdvance(from, to)).toBe(ok);
  });

  it('never lets an older file move an order back or sideways', () => {
    const newer = new Date('2026-11-21T00:00:00Z');
    const older = new Date('2026-11-20T00:00:00Z');
    expect(importedStatus('paid', 'shipped', older, newer)).toBe('shipped');
    expect(importedStatus('paid', 'shipped', newer, older)).toBe('paid');
    expect(importedStatus('shipped', 'paid', null, null)).toBe('shipped');
    expect(importedStatus('pending', 'paid', null, null)).toBe('paid');
  });
});
