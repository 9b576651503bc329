import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseClearance } from './clearance-rules.ts';
import { type AgeingMovement, ageInDays, ageLots, bucketOf, fifoLots } from './fifo.ts';
import { salesMetrics } from './sales-metrics.ts';

const m = (
  kind: AgeingMovement['kind'],
  quantity: number,
  day: string,
  extra: Partial<AgeingMovement> = {},
): AgeingMovement => ({ warehouseId: 'W', kind, quantity, day, lot: null, refId: null, ...extra });

describe('fifoLots', () => {
  it('outflows consume the oldest lot first, across lots', () => {
    const { lots, unmatched } = fifoLots([
      m('receipt', 10, '2026-01-01', { lot: 'A' }),
      m('receipt', 5, '2026-02-01', { lot: 'B' }),
      m('shipment', -12, '2026-03-01'),
    ]);
    expect(lots.get('W')).toEqual([{ day: '2026-02-01', quantity: 3, lot: 'B', since: '2026-02-01' }]);
    expect(unmatched).toBe(0);
  });

  it('a back-dated receipt is older than lots booked before it, and goes first', () => {
    const { lots } = fifoLots([
      m('receipt', 5, '2026-05-01'),
      m('receipt', 5, '2026-03-01'),
      m('writeoff', -6, '2026-06-01'),
    ]);
    expect(lots.get('W')).toEqual([{ day: '2026-05-01', quantity: 4, lot: null, since: '2026-05-01' }]);
  });

  it('transferred stock keeps its lot days; a shortfall loses the youngest units', () => {
    const { lots } = fifoLots([
      m('receipt', 4, '2026-01-01'),
      m('receipt', 6, '2026-02-01'),
      m('transfer_out', -8, '2026-03-01', { refId: 'T1' }),
      m('transfer_in', 7, '2026-04-01', { refId: 'T1', warehouseId: 'FBA' }),
    ]);
    expect(lots.get('W')).toEqual([{ day: '2026-02-01', quantity: 2, lot: null, since: '2026-02-01' }]);
    // Aged from the receipts, held at FBA since the day they arrived.
    expect(lots.get('FBA')).toEqual([
      { day: '2026-01-01', quantity: 4, lot: null, since: '2026-04-01' },
      { day: '2026-02-01', quantity: 3, lot: null, since: '2026-04-01' },
    ]);
  });

  it('chained transfers (factory → 3PL → FBA) still age from the first receipt', () => {
    const { lots } = fifoLots([
      m('receipt', 5, '2025-10-01'),
      m('transfer_out', -5, '2026-01-01', { refId: 'T1' }),
      m('transfer_in', 5, '2026-01-20', { refId: 'T1', warehouseId: '3PL' }),
      m('transfer_out', -5, '2026-02-01', { refId: 'T2', warehouseId: '3PL' }),
      m('transfer_in', 5, '2026-03-01', { refId: 'T2', warehouseId: 'FBA' }),
    ]);
    expect([...lots.keys()]).toEqual(['FBA']);
    expect(lots.get('FBA')).toEqual([{ day: '2025-10-01', quantity: 5, lot: null, since: '2026-03-01' }]);
  });

  it('returns and positive counts start new lots on their day; outflows beyond the lots are reported', () => {
    const { lots, unmatched } = fifoLots([
      m('receipt', 2, '2026-01-01'),
      m('return', 1, '2026-02-01'),
      m('stocktake', 3, '2026-03-01'),
      m('adjustment', -8, '2026-04-01'),
    ]);
    expect(lots.size).toBe(0);
    expect(unmatched).toBe(2);
  });

  it('a sale booked before its stock arrived is paid by the next inflow (its oldest units)', () => {
    const { lots, unmatched } = fifoLots([
      m('shipment', -3, '2026-02-01', { warehouseId: 'FBA' }),
      m('receipt', 5, '2025-12-01', { warehouseId: 'FBA' }),
      m('receipt', 4, '2026-02-05', { warehouseId: 'FBA' }),
    ]);
    expect(lots.get('FBA')).toEqual([
      { day: '2025-12-01', quantity: 2, lot: null, since: '2025-12-01' },
      { day: '2026-02-05', quantity: 4, lot: null, since: '2026-02-05' },
    ]);
    expect(unmatched).toBe(0);
  });

  it('property: what remains equals inflows minus outflows per warehouse, oldest first', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000));
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: -20, max: 30 }), w: fc.constantFrom('A', 'B'), d: day })),
        (steps) => {
          const onHand = new Map<string, number>();
          const moves: AgeingMovement[] = [];
          for (const s of steps) {
            const have = onHand.get(s.w) ?? 0;
            const q = Math.max(s.q, -have); // the ledger never goes below zero
            if (!q) continue;
            onHand.set(s.w, have + q);
            const d = s.d.toISOString().slice(0, 10);
            moves.push(m(q > 0 ? 'receipt' : 'shipment', q, d, { warehouseId: s.w }));
          }
          const { lots, unmatched } = fifoLots(moves);
          expect(unmatched).toBe(0);
          for (const w of ['A', 'B']) {
            const l = lots.get(w) ?? [];
            expect(l.reduce((n, x) => n + x.quantity, 0)).toBe(onHand.get(w) ?? 0);
            expect(l.every((x, i) => i === 0 || l[i - 1]!.day <= x.day)).toBe(true);
            expect(l.every((x) => x.quantity > 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('ages and buckets', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 1],
    [60, 1],
    [61, 2],
    [90, 2],
    [91, 3],
    [180, 3],
    [181, 4],
    [365, 4],
    [366, 5],
    [2000, 5],
  ])('%i days → bucket %i', (age, bucket) => expect(bucketOf(age)).toBe(bucket));

  it('counts whole days, across a leap day, and sums lots into buckets', () => {
    expect(ageInDays('2028-02-28', '2028-03-01')).toBe(2);
    expect(
      ageLots(
        [
          { day: '2025-11-01', quantity: 3, lot: null, since: '2026-11-10' },
          { day: '2026-10-01', quantity: 4, lot: null, since: '2026-10-01' },
          { day: '2026-11-20', quantity: 5, lot: null, since: '2026-11-20' },
        ],
        '2026-11-20',
        40,
      ),
    ).toEqual({
      onHand: 12,
      buckets: [5, 4, 0, 0, 0, 3],
      oldestDay: '2025-11-01',
      oldestAgeDays: 384,
      olderThan: 7,
      heldDays: 50,
    });
  });
});

describe('salesMetrics', () => {
  it('sell-through over start + received, days of cover from available', () => {
    expect(salesMetrics({ days: 30, shipped: 15, startOnHand: 40, received: 20 }, 45)).toEqual({
      days: 30,
      shipped: 15,
      sellThroughPct: 25,
      avgDailySales: 0.5,
      daysOfCover: 90,
    });
  });
  it('no sales: no days of cover; nothing to sell: no sell-through', () => {
    expect(salesMetrics({ days: 90, shipped: 0, startOnHand: 0, received: 0 }, 0)).toMatchObject({
      sellThroughPct: null,
      daysOfCover: null,
      avgDailySales: 0,
    });
  });
});

describe('adviseClearance', () => {
  const t = { olderThanDays: 90, coverAboveDays: 180, windowDays: 90 };
  const at = (
    oldestAgeDays: number | null,
    shipped: number,
    daysOfCover: number | null,
    heldDays = oldestAgeDays,
  ) => ({
    onHand: 5,
    oldestAgeDays,
    heldDays,
    shipped,
    daysOfCover,
  });
  it.each([
    [at(400, 0, null), 'write_off', null, ['aged', 'noSales']],
    [at(120, 0, null), 'move_channel', null, ['aged', 'noSales']],
    [at(100, 3, 100), 'clearance_price', 15, ['aged']],
    [at(30, 1, 200), 'clearance_price', 25, ['overstock']],
    [at(30, 1, 500), 'clearance_price', 40, ['overstock']],
    [at(400, 1, 120), 'clearance_price', 40, ['aged']],
    // Over a year old but it only arrived here last week: aged, not yet "no sales" here.
    [at(400, 0, null, 7), 'clearance_price', 40, ['aged']],
  ])('%o → %s %s', (p, action, discountPct, reasons) => {
    expect(adviseClearance(p, t)).toEqual({ action, discountPct, reasons });
  });
  it('leaves healthy, empty, selling-out and too-young-to-judge positions alone', () => {
    expect(adviseClearance(at(40, 5, 30), t)).toBeNull();
    expect(adviseClearance({ ...at(null, 0, null), onHand: 0 }, t)).toBeNull();
    expect(adviseClearance(at(20, 0, null), t)).toBeNull();
    // Old, but at this rate gone within the window.
    expect(adviseClearance(at(400, 9, 20), t)).toBeNull();
    // Moved here 30 days ago from a 60-day-old lot: no sales here yet is not a verdict.
    expect(adviseClearance(at(60, 0, null, 30), t)).toBeNull();
  });
});
