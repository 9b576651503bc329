import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import type { WarehouseKind } from '../tables.ts';
import { ageLots, fifoLots, type Lot } from './fifo.ts';
import {
  dayStart,
  type LedgerGroup,
  readLedgerGroups,
  replayGroups,
  searchFilter,
} from './read-ledger-groups.ts';
import { type SalesMetrics, salesMetrics } from './sales-metrics.ts';

export interface AgeingOptions {
  /** The day the report is taken at (YYYY-MM-DD, UTC); movements after its end are ignored. */
  asOf: string;
  /** Sales windows in days ending with asOf, e.g. [30, 90]. */
  windows: number[];
  /** Only SKUs whose SKU or product title contains this. */
  search?: string | undefined;
  /** Count units older than this many days into `olderThan`. */
  olderThanDays?: number | undefined;
}

export interface AgeingRow {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  warehouseKind: WarehouseKind;
  onHand: number;
  reserved: number;
  available: number;
  /** Cost price per unit in CNY fen (catalog); null when the seller has not entered it. */
  unitCostMinor: number | null;
  /** onHand × unit cost, fen (0 when the cost is unknown). */
  valueMinor: number;
  /** Units per age bucket, in the order of ageBuckets. */
  buckets: number[];
  oldestReceivedOn: string | null;
  oldestAgeDays: number | null;
  /** Days the longest-held units have been in this warehouse (arrival, not receipt). */
  heldDays: number | null;
  olderThan: number;
  lots: Lot[];
  sales: SalesMetrics[];
  lastSaleOn: string | null;
}

/** What one SKU × warehouse adds up to from its groups. */
interface Position {
  variantId: string;
  warehouseId: string;
  onHand: number;
  lastSale: string | null;
  shipped: number[];
  received: number[];
  before: number[];
}

function positionsOf(groups: LedgerGroup[], windows: number[]) {
  const byKey = new Map<string, Position>();
  for (const g of groups) {
    const key = `${g.variant_id}|${g.warehouse_id}`;
    let p = byKey.get(key);
    if (!p) {
      p = {
        variantId: g.variant_id,
        warehouseId: g.warehouse_id,
        onHand: 0,
        lastSale: null,
        shipped: windows.map(() => 0),
        received: windows.map(() => 0),
        before: windows.map(() => 0),
      };
      byKey.set(key, p);
    }
    p.onHand += (g.q ?? 0) + g.out_after;
    if (g.last_sale && (!p.lastSale || g.last_sale > p.lastSale)) p.lastSale = g.last_sale;
    for (const i of windows.keys()) {
      p.shipped[i]! += Number(g[`shipped_${i}`]);
      p.received[i]! += Number(g[`received_${i}`]);
      p.before[i]! += Number(g[`before_${i}`]);
    }
  }
  return byKey;
}

/**
 * Reserved per SKU × warehouse at the end of asOf: the cached level for today (it is posted with
 * every movement), the ledger summed for a past day.
 */
async function reservedAt(trx: Tx, shopId: string, asOf: string, levels: Level[]) {
  const reserved = new Map<string, number>();
  if (asOf >= new Date().toISOString().slice(0, 10)) {
    for (const l of levels) reserved.set(`${l.variant_id}|${l.warehouse_id}`, l.reserved);
    return reserved;
  }
  const { rows } = await sql<{ variant_id: string; warehouse_id: string; reserved: number }>`
    SELECT variant_id, warehouse_id, sum(reserved_delta)::int AS reserved FROM stock_movements
    WHERE shop_id = ${shopId} AND reserved_delta <> 0 AND at < ${dayStart(asOf, 1)}
    GROUP BY variant_id, warehouse_id`.execute(trx);
  for (const r of rows) reserved.set(`${r.variant_id}|${r.warehouse_id}`, r.reserved);
  return reserved;
}

interface Level {
  variant_id: string;
  warehouse_id: string;
  reserved: number;
  sku: string;
  cost_price_minor: number | null;
  title: string;
  code: string;
  name: string;
  kind: WarehouseKind;
}

/** Every SKU × warehouse the shop has ever stocked (a level row exists for each), with names. */
async function levelsOf(trx: Tx, shopId: string, search: string | undefined) {
  const { rows } = await sql<Level>`
    SELECT l.variant_id, l.warehouse_id, l.reserved, v.sku, v.cost_price_minor, p.title, w.code,
      w.name, w.kind
    FROM stock_levels l
    JOIN variants v ON v.shop_id = l.shop_id AND v.id = l.variant_id
    JOIN products p ON p.shop_id = v.shop_id AND p.id = v.product_id
    JOIN warehouses w ON w.shop_id = l.shop_id AND w.id = l.warehouse_id
    WHERE l.shop_id = ${shopId} ${searchFilter(shopId, 'l.variant_id', search)}`.execute(trx);
  return rows;
}

/**
 * Every SKU × warehouse that has stock at asOf or sold in a window: FIFO lots and their ages,
 * value at cost, sell-through and days of cover per window. Sorted by SKU, then warehouse code.
 * The ledger is the only source, so any past day can be reported.
 */
export async function buildAgeingRows(
  trx: Tx,
  shopId: string,
  opts: AgeingOptions,
): Promise<{ rows: AgeingRow[]; unmatched: number }> {
  // Report queries sort and hash tens of thousands of rows: keep that in memory, not on disk.
  await sql`SET LOCAL work_mem = '32MB'`.execute(trx);
  const groups = await readLedgerGroups(trx, shopId, opts);
  const levels = await levelsOf(trx, shopId, opts.search);
  const reserved = await reservedAt(trx, shopId, opts.asOf, levels);
  const levelByKey = new Map(levels.map((l) => [`${l.variant_id}|${l.warehouse_id}`, l]));
  const lotsByVariant = new Map<string, Map<string, Lot[]>>();
  let unmatched = 0;
  for (let i = 0; i < groups.length; ) {
    const variantId = groups[i]!.variant_id;
    let j = i;
    while (j < groups.length && groups[j]!.variant_id === variantId) j++;
    const fifo = fifoLots(replayGroups(groups.slice(i, j)));
    unmatched += fifo.unmatched;
    lotsByVariant.set(variantId, fifo.lots);
    i = j;
  }
  const rows: AgeingRow[] = [];
  for (const [key, p] of positionsOf(groups, opts.windows)) {
    const level = levelByKey.get(key);
    if (!level || (p.onHand <= 0 && !p.shipped.some((n) => n > 0))) continue;
    const lots = lotsByVariant.get(p.variantId)?.get(p.warehouseId) ?? [];
    const aged = ageLots(lots, opts.asOf, opts.olderThanDays);
    const available = p.onHand - (reserved.get(key) ?? 0);
    rows.push({
      variantId: p.variantId,
      sku: level.sku,
      productTitle: level.title,
      warehouseId: p.warehouseId,
      warehouseCode: level.code,
      warehouseName: level.name,
      warehouseKind: level.kind,
      onHand: p.onHand,
      reserved: reserved.get(key) ?? 0,
      available,
      unitCostMinor: level.cost_price_minor,
      valueMinor: p.onHand * (level.cost_price_minor ?? 0),
      buckets: aged.buckets,
      oldestReceivedOn: aged.oldestDay,
      oldestAgeDays: aged.oldestAgeDays,
      heldDays: aged.heldDays,
      olderThan: aged.olderThan,
      lots,
      sales: opts.windows.map((days, w) =>
        salesMetrics(
          { days, shipped: p.shipped[w]!, startOnHand: p.before[w]!, received: p.received[w]! },
          available,
        ),
      ),
      lastSaleOn: p.lastSale,
    });
  }
  rows.sort((a, b) => (a.sku === b.sku ? compare(a.warehouseCode, b.warehouseCode) : compare(a.sku, b.sku)));
  return { rows, unmatched };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
