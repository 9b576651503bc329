import type { Tx } from '../../../platform/db/tenant.ts';
import type { WarehouseKind } from '../tables.ts';
import { type AgeingOptions, buildAgeingRows } from './build-ageing-rows.ts';
import { ageBuckets } from './fifo.ts';

export interface BucketTotals {
  bucket: (typeof ageBuckets)[number];
  units: number;
  /** At cost, CNY fen; units without a cost price count as 0. */
  valueMinor: number;
}

export interface WarehouseAgeing {
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  warehouseKind: WarehouseKind;
  units: number;
  valueMinor: number;
  buckets: BucketTotals[];
}

export interface AgeingSummary {
  asOf: string;
  warehouses: WarehouseAgeing[];
  totals: { units: number; valueMinor: number; buckets: BucketTotals[] };
  /** SKUs × warehouses on hand whose cost price is missing (their value shows as 0). */
  missingCost: number;
  /** Units an outflow could not match to a lot; 0 on a consistent ledger. */
  unmatched: number;
}

const emptyBuckets = (): BucketTotals[] => ageBuckets.map((bucket) => ({ bucket, units: 0, valueMinor: 0 }));

/** Units and value by warehouse × age bucket, oldest-lot first (FIFO), as of a day. */
export async function ageingSummary(trx: Tx, shopId: string, opts: AgeingOptions): Promise<AgeingSummary> {
  const { rows, unmatched } = await buildAgeingRows(trx, shopId, opts);
  const byWarehouse = new Map<string, WarehouseAgeing>();
  const totals = { units: 0, valueMinor: 0, buckets: emptyBuckets() };
  let missingCost = 0;
  for (const r of rows) {
    if (r.onHand <= 0) continue;
    if (r.unitCostMinor === null) missingCost++;
    let w = byWarehouse.get(r.warehouseId);
    if (!w) {
      w = {
        warehouseId: r.warehouseId,
        warehouseCode: r.warehouseCode,
        warehouseName: r.warehouseName,
        warehouseKind: r.warehouseKind,
        units: 0,
        valueMinor: 0,
        buckets: emptyBuckets(),
      };
      byWarehouse.set(r.warehouseId, w);
    }
    const cost = r.unitCostMinor ?? 0;
    for (const [i, units] of r.buckets.entries()) {
      for (const target of [w, totals]) {
        target.buckets[i]!.units += units;
        target.buckets[i]!.valueMinor += units * cost;
        target.units += units;
        target.valueMinor += units * cost;
      }
    }
  }
  const warehouses = [...byWarehouse.values()].sort((a, b) => (a.warehouseCode < b.warehouseCode ? -1 : 1));
  return { asOf: opts.asOf, warehouses, totals, missingCost, unmatched };
}
