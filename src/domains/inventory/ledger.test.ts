import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  available,
  emptyLevel,
  type LedgerMovement,
  type Level,
  levelKey,
  levelsFrom,
  tryApply,
  violations,
} from './ledger.ts';

describe('ledger arithmetic', () => {
  it.each([
    { name: 'receipt', moves: [{ onHand: 10 }], level: { onHand: 10, reserved: 0, inTransit: 0 } },
    {
      name: 'receipt, reserve, ship',
      moves: [{ onHand: 10 }, { reserved: 4 }, { onHand: -4, reserved: -4 }],
      level: { onHand: 6, reserved: 0, inTransit: 0 },
    },
    {
      name: 'reserve then release',
      moves: [{ onHand: 5 }, { reserved: 5 }, { reserved: -5 }],
      level: { onHand: 5, reserved: 0, inTransit: 0 },
    },
    {
      name: 'in transit then received short',
      moves: [{ inTransit: 8 }, { inTransit: -8, onHand: 7 }],
      level: { onHand: 7, reserved: 0, inTransit: 0 },
    },
  ])('$name', ({ moves, level }) => {
    const ledger = moves.map((m) => ({ variantId: 'v', warehouseId: 'w', ...m }));
    expect(levelsFrom(ledger).get(levelKey('v', 'w'))).toEqual(level);
  });

  it.each([
    [{ onHand: 3, reserved: 0, inTransit: 0 }, { onHand: -4 }, 'on_hand_negative'],
    [{ onHand: 3, reserved: 2, inTransit: 0 }, { onHand: -2 }, 'reserved_above_on_hand'],
    [{ onHand: 3, reserved: 0, inTransit: 0 }, { reserved: 4 }, 'reserved_above_on_hand'],
    [{ onHand: 3, reserved: 1, inTransit: 0 }, { reserved: -2 }, 'reserved_negative'],
    [{ onHand: 0, reserved: 0, inTransit: 1 }, { inTransit: -2 }, 'in_transit_negative'],
  ] as const)('refuses %o + %o (%s)', (level, move, why) => {
    expect(tryApply(level, move)).toBeNull();
    expect(violations(sum(level, move))).toContain(why);
  });

  it('available is on hand minus reserved', () => {
    expect(available({ onHand: 9, reserved: 4, inTransit: 100 })).toBe(5);
  });
});

const sum = (a: Level, b: Partial<Level>): Level => ({
  onHand: a.onHand + (b.onHand ?? 0),
  reserved: a.reserved + (b.reserved ?? 0),
  inTransit: a.inTransit + (b.inTransit ?? 0),
});

/** An operation as the use cases post it: one or two movements that succeed or fail together. */
type Op =
  | { op: 'receipt' | 'reserve' | 'release' | 'ship' | 'adjust'; v: number; w: number; q: number }
  | { op: 'transfer'; v: number; w: number; to: number; q: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('receipt', 'reserve', 'release', 'ship'),
    v: fc.nat(2),
    w: fc.nat(2),
    q: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ op: fc.constant('adjust'), v: fc.nat(2), w: fc.nat(2), q: fc.integer({ min: -20, max: 20 }) }),
  fc.record({
    op: fc.constant('transfer'),
    v: fc.nat(2),
    w: fc.nat(2),
    to: fc.nat(2),
    q: fc.integer({ min: 1, max: 20 }),
  }),
);

function movementsOf(o: Op): LedgerMovement[] {
  const at = { variantId: `v${o.v}`, warehouseId: `w${o.w}` };
  switch (o.op) {
    case 'receipt':
      return [{ ...at, onHand: o.q }];
    case 'reserve':
      return [{ ...at, reserved: o.q }];
    case 'release':
      return [{ ...at, reserved: -o.q }];
    case 'ship':
      return [{ ...at, onHand: -o.q, reserved: -o.q }];
    case 'adjust':
      return [{ ...at, onHand: o.q }];
    case 'transfer':
      return [
        { ...at, onHand: -o.q },
        { variantId: at.variantId, warehouseId: `w${o.to}`, inTransit: o.q },
      ];
  }
}

/** Simulate the use cases: a cache updated only by movements that keep every invariant. */
function run(ops: Op[]) {
  const cache = new Map<string, Level>();
  const ledger: LedgerMovement[] = [];
  let receivedTotal = 0;
  let shippedTotal = 0;
  for (const o of ops) {
    const moves = movementsOf(o);
    const next = new Map(cache);
    let ok = true;
    for (const m of moves) {
      const key = levelKey(m.variantId, m.warehouseId);
      const after = tryApply(next.get(key) ?? emptyLevel(), m);
      if (!after) ok = false;
      else next.set(key, after);
    }
    if (!ok) continue; // refused as a whole, like a rolled-back transaction
    for (const [k, l] of next) cache.set(k, l);
    ledger.push(...moves);
    if (o.op === 'receipt' || (o.op === 'adjust' && o.q > 0)) receivedTotal += o.q;
    if (o.op === 'ship' || (o.op === 'adjust' && o.q < 0)) shippedTotal += Math.abs(o.q);
  }
  return { cache, ledger, receivedTotal, shippedTotal };
}

describe('ledger properties (fast-check)', () => {
  it('replaying the ledger gives the cached levels, which never break an invariant', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const { cache, ledger } = run(ops);
        const replayed = levelsFrom(ledger);
        for (const [key, level] of cache) {
          expect(replayed.get(key) ?? emptyLevel()).toEqual(level);
          expect(violations(level)).toEqual([]);
          expect(available(level)).toBeGreaterThanOrEqual(0);
        }
        expect(replayed.size).toBe(cache.size);
      }),
      { numRuns: 300 },
    );
  });

  it('stock is conserved: received − shipped = on hand + in transit, summed over warehouses', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const { cache, receivedTotal, shippedTotal } = run(ops);
        let onHand = 0;
        let inTransit = 0;
        for (const l of cache.values()) {
          onHand += l.onHand;
          inTransit += l.inTransit;
        }
        expect(onHand + inTransit).toBe(receivedTotal - shippedTotal);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of posting does not change the levels when every movement is accepted', () => {
    const accepted = fc.array(fc.record({ v: fc.nat(2), w: fc.nat(2), q: fc.integer({ min: 1, max: 9 }) }), {
      maxLength: 50,
    });
    fc.assert(
      fc.property(accepted, fc.integer(), (receipts, seed) => {
        const ledger = receipts.map((r) => ({ variantId: `v${r.v}`, warehouseId: `w${r.w}`, onHand: r.q }));
        let state = seed;
        const coin = () => {
          state = (state * 1103515245 + 12345) | 0;
          return state & 1 ? 1 : -1;
        };
        const shuffled = [...ledger].sort(coin);
        expect(levelsFrom(shuffled)).toEqual(levelsFrom(ledger));
      }),
    );
  });
});
