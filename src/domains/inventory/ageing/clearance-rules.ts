/**
 * Which SKU × warehouse positions need clearing and what to do about them, pure. The rules are
 * documented in docs/decisions/2026-11-25-stock-ageing.md; keep the two in step.
 */

export interface ClearanceThresholds {
  /** Stock older than this many days is aged (default 90). */
  olderThanDays: number;
  /** More days of cover than this is overstock (default 180). */
  coverAboveDays: number;
  /** The sales window, in days: stock younger than it has not had the chance to sell. */
  windowDays: number;
}

export type ClearanceReason = 'aged' | 'noSales' | 'overstock';
export type ClearanceAction = 'write_off' | 'move_channel' | 'clearance_price';

export interface ClearancePosition {
  onHand: number;
  oldestAgeDays: number | null;
  /** Days the longest-held units have been in this warehouse (see ageLots). */
  heldDays: number | null;
  /** Units shipped in the clearance window. */
  shipped: number;
  daysOfCover: number | null;
}

export interface ClearanceAdvice {
  reasons: ClearanceReason[];
  action: ClearanceAction;
  /** For clearance_price: the markdown to start with, in percent. */
  discountPct: number | null;
}

/** Null when the position is healthy (or empty). */
export function adviseClearance(p: ClearancePosition, t: ClearanceThresholds): ClearanceAdvice | null {
  if (p.onHand <= 0) return null;
  const reasons: ClearanceReason[] = [];
  const age = p.oldestAgeDays ?? 0;
  // Old, but selling fast enough to be gone within one window at the current rate: leave it.
  const sellsOut = p.daysOfCover !== null && p.daysOfCover <= t.windowDays;
  if (age > t.olderThanDays && !sellsOut) reasons.push('aged');
  // Nothing sold counts only for stock that was in this warehouse the whole window (a transfer
  // that arrived last week has not had its chance here, however old its lot).
  if (p.shipped === 0 && (p.heldDays ?? 0) >= t.windowDays) reasons.push('noSales');
  if (p.daysOfCover !== null && p.daysOfCover > t.coverAboveDays) reasons.push('overstock');
  if (!reasons.length) return null;
  // Nothing sold and over a year old: storage and capital cost more than the goods will fetch.
  if (p.shipped === 0 && age > 365 && reasons.includes('noSales'))
    return { reasons, action: 'write_off', discountPct: null };
  // Nothing sold here: a markdown on a channel with no buyers does not help; try another channel.
  if (reasons.includes('noSales')) return { reasons, action: 'move_channel', discountPct: null };
  // Selling too slowly (or old and just moved here): mark down, deeper the longer it would take.
  const cover = p.daysOfCover ?? 0;
  const discountPct = cover > 365 || age > 365 ? 40 : cover > 180 || age > 180 ? 25 : 15;
  return { reasons, action: 'clearance_price', discountPct };
}
