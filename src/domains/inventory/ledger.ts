/**
 * Ledger arithmetic, pure: movements in, levels out. The database keeps the same numbers cached in
 * stock_levels (enforced there by CHECK constraints); these functions are the definition the
 * cache and the tests are held against.
 */
export interface Deltas {
  onHand: number;
  reserved: number;
  inTransit: number;
}

export interface LedgerMovement extends Partial<Deltas> {
  variantId: string;
  warehouseId: string;
}

export interface Level {
  onHand: number;
  reserved: number;
  inTransit: number;
}

export type LevelViolation =
  | 'on_hand_negative'
  | 'reserved_negative'
  | 'reserved_above_on_hand'
  | 'in_transit_negative';

export const emptyLevel = (): Level => ({ onHand: 0, reserved: 0, inTransit: 0 });

/** What can be promised to a new order: on hand and not reserved. */
export const available = (l: Level): number => l.onHand - l.reserved;

/** The invariants every level keeps after every movement; empty when it is sound. */
export function violations(l: Level): LevelViolation[] {
  const out: LevelViolation[] = [];
  if (l.onHand < 0) out.push('on_hand_negative');
  if (l.reserved < 0) out.push('reserved_negative');
  if (l.reserved > l.onHand) out.push('reserved_above_on_hand');
  if (l.inTransit < 0) out.push('in_transit_negative');
  return out;
}

export function applyMovement(level: Level, m: Partial<Deltas>): Level {
  return {
    onHand: level.onHand + (m.onHand ?? 0),
    reserved: level.reserved + (m.reserved ?? 0),
    inTransit: level.inTransit + (m.inTransit ?? 0),
  };
}

export const levelKey = (variantId: string, warehouseId: string) => `${variantId}|${warehouseId}`;

/** Levels per variant × warehouse (key from levelKey) from the whole ledger, in order. */
export function levelsFrom(movements: Iterable<LedgerMovement>): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const m of movements) {
    const key = levelKey(m.variantId, m.warehouseId);
    levels.set(key, applyMovement(levels.get(key) ?? emptyLevel(), m));
  }
  return levels;
}

/**
 * Apply one movement only if the result keeps the invariants — the same rule the database applies
 * with its CHECK constraints and conditional updates. Returns null when the movement is refused.
 */
export function tryApply(level: Level, m: Partial<Deltas>): Level | null {
  const next = applyMovement(level, m);
  return violations(next).length ? null : next;
}
