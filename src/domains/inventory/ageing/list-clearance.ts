import type { Tx } from '../../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { type AgeingRow, buildAgeingRows } from './build-ageing-rows.ts';
import { adviseClearance, type ClearanceAdvice, type ClearanceThresholds } from './clearance-rules.ts';

export interface ListClearanceInput extends ClearanceThresholds {
  asOf: string;
  /** The sales window "no sales" and days of cover are judged on (default 90 days). */
  windowDays: number;
  warehouseId?: string | undefined;
  search?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface ClearanceRow extends ClearanceAdvice {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  available: number;
  /** Units older than olderThanDays. */
  agedUnits: number;
  oldestReceivedOn: string | null;
  oldestAgeDays: number | null;
  /** Days the longest-held units have been in this warehouse. */
  heldDays: number | null;
  shipped: number;
  daysOfCover: number | null;
  lastSaleOn: string | null;
  unitCostMinor: number | null;
  /** onHand × unit cost, CNY fen: the capital the position ties up. */
  valueMinor: number;
}

export function clearanceRow(r: AgeingRow, t: ClearanceThresholds): ClearanceRow | null {
  const sales = r.sales[0]!;
  const advice = adviseClearance(
    {
      onHand: r.onHand,
      oldestAgeDays: r.oldestAgeDays,
      heldDays: r.heldDays,
      shipped: sales.shipped,
      daysOfCover: sales.daysOfCover,
    },
    t,
  );
  if (!advice) return null;
  return {
    variantId: r.variantId,
    sku: r.sku,
    productTitle: r.productTitle,
    warehouseId: r.warehouseId,
    warehouseCode: r.warehouseCode,
    warehouseName: r.warehouseName,
    onHand: r.onHand,
    available: r.available,
    agedUnits: r.olderThan,
    oldestReceivedOn: r.oldestReceivedOn,
    oldestAgeDays: r.oldestAgeDays,
    heldDays: r.heldDays,
    shipped: sales.shipped,
    daysOfCover: sales.daysOfCover,
    lastSaleOn: r.lastSaleOn,
    unitCostMinor: r.unitCostMinor,
    valueMinor: r.valueMinor,
    ...advice,
  };
}

type Key = [number, string, string];
const keyOf = (r: ClearanceRow): Key => [r.valueMinor, r.sku, r.warehouseCode];
/** Most capital tied up first, then SKU and warehouse code. */
const before = (a: Key, b: Key) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

/** The clearance list: aged, unsold or overstocked positions with a suggested action. */
export async function listClearance(
  trx: Tx,
  shopId: string,
  input: ListClearanceInput,
): Promise<{ items: ClearanceRow[]; nextCursor: string | null; totalValueMinor: number }> {
  const { rows } = await buildAgeingRows(trx, shopId, {
    asOf: input.asOf,
    windows: [input.windowDays],
    search: input.search,
    olderThanDays: input.olderThanDays,
  });
  const all = rows
    .filter((r) => !input.warehouseId || r.warehouseId === input.warehouseId)
    .map((r) => clearanceRow(r, input))
    .filter((r): r is ClearanceRow => r !== null)
    .sort((a, b) => (before(keyOf(a), keyOf(b)) ? -1 : 1));
  const after = input.cursor ? (decodeCursor(input.cursor, 3) as Key) : null;
  const rest = after ? all.filter((r) => before(after, keyOf(r))) : all;
  const items = rest.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rest.length > input.limit && last ? encodeCursor(keyOf(last)) : null,
    totalValueMinor: all.reduce((n, r) => n + r.valueMinor, 0),
  };
}
