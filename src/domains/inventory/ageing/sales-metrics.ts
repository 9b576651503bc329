/** Sell-through and days of cover for one SKU × warehouse over one window, pure. */

export interface WindowTotals {
  days: number;
  /** Units that left in shipment movements during the window. */
  shipped: number;
  /** On hand at the start of the window. */
  startOnHand: number;
  /** Units that came in during the window (receipts, transfers in, returns). */
  received: number;
}

export interface SalesMetrics {
  days: number;
  shipped: number;
  /** shipped / (on hand at start + received), in percent with one decimal; null: nothing to sell. */
  sellThroughPct: number | null;
  avgDailySales: number;
  /** available / average daily sales, in days with one decimal; null: no sales in the window. */
  daysOfCover: number | null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function salesMetrics(w: WindowTotals, available: number): SalesMetrics {
  const base = w.startOnHand + w.received;
  const avg = w.shipped / w.days;
  return {
    days: w.days,
    shipped: w.shipped,
    sellThroughPct: base > 0 ? round((w.shipped / base) * 100, 1) : null,
    avgDailySales: round(avg, 2),
    daysOfCover: w.shipped > 0 ? round((Math.max(0, available) * w.days) / w.shipped, 1) : null,
  };
}
