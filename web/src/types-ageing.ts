/** Slow-moving stock (src/domains/inventory/ageing): age buckets in days, oldest last. */
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface AgeingBucketTotals {
  bucket: AgeBucket;
  units: number;
  valueMinor: number;
}

export interface AgeingSummary {
  asOf: string;
  warehouses: {
    warehouseId: string;
    warehouseCode: string;
    warehouseName: string;
    warehouseKind: string;
    units: number;
    valueMinor: number;
    buckets: AgeingBucketTotals[];
  }[];
  totals: { units: number; valueMinor: number; buckets: AgeingBucketTotals[] };
  missingCost: number;
  unmatched: number;
}

export interface AgeingSales {
  days: number;
  shipped: number;
  sellThroughPct: number | null;
  avgDailySales: number;
  daysOfCover: number | null;
}

export interface AgeingRow {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  unitCostMinor: number | null;
  valueMinor: number;
  buckets: number[];
  oldestReceivedOn: string | null;
  oldestAgeDays: number | null;
  heldDays: number | null;
  sales: AgeingSales[];
  lastSaleOn: string | null;
}

export interface ClearanceRow {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  agedUnits: number;
  oldestAgeDays: number | null;
  heldDays: number | null;
  shipped: number;
  daysOfCover: number | null;
  lastSaleOn: string | null;
  unitCostMinor: number | null;
  valueMinor: number;
  reasons: ('aged' | 'noSales' | 'overstock')[];
  action: 'write_off' | 'move_channel' | 'clearance_price';
  discountPct: number | null;
}
