/**
 * First-in first-out lot ageing, pure: the ledger of ONE variant (every warehouse), in the order
 * it happened, becomes the lots still on hand per warehouse, each with the day its age counts
 * from. See docs/decisions/2026-11-25-stock-ageing.md for the rules.
 */
import type { MovementKind } from '../tables.ts';

export interface AgeingMovement {
  warehouseId: string;
  kind: MovementKind;
  /** on_hand_delta: movements that do not change on hand (reservations) are left out by callers. */
  quantity: number;
  /** received_on of a receipt, else the day of `at` (YYYY-MM-DD, UTC). */
  day: string;
  lot: string | null;
  /** The transfer id of transfer_out / transfer_in movements: stock keeps its age on the way. */
  refId: string | null;
}

export interface Lot {
  /** The day the age counts from (YYYY-MM-DD): the receipt, kept through transfers. */
  day: string;
  quantity: number;
  lot: string | null;
  /** The day these units arrived at this warehouse (a transfer's arrival, else `day`). */
  since: string;
}

export interface FifoResult {
  /** Lots on hand per warehouse, oldest first. Empty warehouses are left out. */
  lots: Map<string, Lot[]>;
  /**
   * Units outflows took that no lot held and no later inflow made up for: on hand below zero at
   * the end, which a consistent ledger never has. Callers report it rather than hide it.
   */
  unmatched: number;
}

/** Insert keeping oldest-first order; a new lot is nearly always the youngest, so scan from the end. */
function insertLot(lots: Lot[], lot: Lot) {
  let i = lots.length;
  while (i > 0 && lots[i - 1]!.day > lot.day) i--;
  const prev = lots[i - 1];
  // Same day and lot name: one lot (keeps the arrays short for SKUs received daily).
  if (prev && prev.day === lot.day && prev.lot === lot.lot && prev.since === lot.since)
    prev.quantity += lot.quantity;
  else lots.splice(i, 0, { ...lot });
}

/** Take `quantity` from the oldest lots; returns the pieces taken and what could not be found. */
function take(lots: Lot[], quantity: number): { pieces: Lot[]; missing: number } {
  const pieces: Lot[] = [];
  let left = quantity;
  while (left > 0 && lots.length) {
    const oldest = lots[0]!;
    const n = Math.min(oldest.quantity, left);
    pieces.push({ ...oldest, quantity: n });
    oldest.quantity -= n;
    left -= n;
    if (!oldest.quantity) lots.shift();
  }
  return { pieces, missing: left };
}

export function fifoLots(movements: Iterable<AgeingMovement>): FifoResult {
  const lots = new Map<string, Lot[]>();
  // What each transfer took out at its origin, waiting to arrive (in-transit stock keeps its age).
  const onTheWay = new Map<string, Lot[]>();
  // Units taken before any lot held them (a sale booked back-dated before its stock arrived):
  // the next inflow at that warehouse pays them first, its oldest units, so lots = on hand.
  const owed = new Map<string, number>();
  const at = (warehouseId: string) => {
    const l = lots.get(warehouseId) ?? [];
    lots.set(warehouseId, l);
    return l;
  };
  for (const m of movements) {
    if (m.quantity > 0) {
      const here = at(m.warehouseId);
      const carried = m.kind === 'transfer_in' && m.refId ? onTheWay.get(m.refId) : undefined;
      let left = m.quantity;
      if (carried) {
        // A shortfall on arrival loses the youngest units: the oldest arrive first (FIFO again).
        const { pieces } = take(carried, left);
        for (const p of pieces) insertLot(here, { ...p, since: m.day });
        left -= pieces.reduce((n, p) => n + p.quantity, 0);
      }
      if (left > 0) insertLot(here, { day: m.day, quantity: left, lot: m.lot, since: m.day });
      const debt = owed.get(m.warehouseId) ?? 0;
      if (debt) owed.set(m.warehouseId, take(here, debt).missing);
    } else if (m.quantity < 0) {
      const { pieces, missing } = take(at(m.warehouseId), -m.quantity);
      if (missing) owed.set(m.warehouseId, (owed.get(m.warehouseId) ?? 0) + missing);
      if (m.kind === 'transfer_out' && m.refId) {
        const pool = onTheWay.get(m.refId) ?? [];
        for (const p of pieces) insertLot(pool, p);
        onTheWay.set(m.refId, pool);
      }
    }
  }
  for (const [w, l] of lots) if (!l.length) lots.delete(w);
  return { lots, unmatched: [...owed.values()].reduce((n, x) => n + x, 0) };
}

/** Age buckets in days, as sellers and marketplaces (FBA aged inventory) talk about them. */
export const ageBuckets = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgeBucket = (typeof ageBuckets)[number];
const upper = [30, 60, 90, 180, 365, Number.POSITIVE_INFINITY];

export const bucketOf = (ageDays: number): number => upper.findIndex((u) => ageDays <= u);

const DAY = 86_400_000;
/** Whole days from `day` to `asOf` (both YYYY-MM-DD); a lot received today is 0 days old. */
export const ageInDays = (day: string, asOf: string): number =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY);

export interface LotAgeing {
  onHand: number;
  /** Units per bucket, in the order of ageBuckets. */
  buckets: number[];
  oldestDay: string | null;
  oldestAgeDays: number | null;
  /** Units older than `olderThanDays` (when asked). */
  olderThan: number;
  /** Days the longest-held units have been in this warehouse (arrival, not receipt). */
  heldDays: number | null;
}

export function ageLots(lots: Lot[], asOf: string, olderThanDays = Number.POSITIVE_INFINITY): LotAgeing {
  const buckets = ageBuckets.map(() => 0);
  let onHand = 0;
  let olderThan = 0;
  let firstArrival: string | null = null;
  for (const l of lots) {
    if (!firstArrival || l.since < firstArrival) firstArrival = l.since;
    const age = Math.max(0, ageInDays(l.day, asOf));
    buckets[bucketOf(age)]! += l.quantity;
    onHand += l.quantity;
    if (age > olderThanDays) olderThan += l.quantity;
  }
  const oldestDay = lots[0]?.day ?? null;
  return {
    onHand,
    buckets,
    oldestDay,
    oldestAgeDays: oldestDay ? Math.max(0, ageInDays(oldestDay, asOf)) : null,
    olderThan,
    heldDays: firstArrival ? Math.max(0, ageInDays(firstArrival, asOf)) : null,
  };
}
