import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const rmaStatuses = [
  'requested',
  'partially_received',
  'received',
  'closed',
  'cancelled',
  'rejected',
] as const;
export type RmaStatus = (typeof rmaStatuses)[number];

export const rmaReasons = [
  'defective',
  'damaged_in_transit',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'other',
] as const;
export type RmaReason = (typeof rmaReasons)[number];

export const dispositions = ['sellable', 'quarantine', 'writeoff'] as const;
export type Disposition = (typeof dispositions)[number];

/** RMAs that still count against what an order line can return (cancelled/rejected ones do not). */
export const countingStatuses: readonly RmaStatus[] = [
  'requested',
  'partially_received',
  'received',
  'closed',
];
/** RMAs still waiting for goods. */
export const openStatuses: readonly RmaStatus[] = ['requested', 'partially_received'];

export interface ReceiptMovement {
  variantId: string;
  sku: string;
  quantity: number;
  movementId: number;
}

export interface ReceiptLine {
  lineId: string;
  quantity: number;
  warehouseId: string | null;
  disposition: Disposition;
  movements: ReceiptMovement[];
}

export interface RmaCountersTable {
  shop_id: string;
  last_number: number;
}

export interface RmasTable {
  shop_id: string;
  id: string;
  number: string;
  order_id: string;
  status: Generated<RmaStatus>;
  reason: RmaReason;
  note: string | null;
  fulfillment: 'merchant' | 'marketplace';
  currency: string;
  refund_minor: number | null;
  refund_note: string | null;
  refunded_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RmaLinesTable {
  shop_id: string;
  rma_id: string;
  id: string;
  order_line_id: string;
  position: number;
  channel_sku: string;
  title: string | null;
  quantity: number;
  received: Generated<number>;
}

export interface RmaReceiptsTable {
  shop_id: string;
  rma_id: string;
  id: string;
  idempotency_key: string | null;
  lines: Json<ReceiptLine[]>;
  note: string | null;
  actor: string | null;
  created_at: Timestamp;
}

export interface RmaHoldsTable {
  shop_id: string;
  rma_id: string;
  id: string;
  receipt_id: string;
  rma_line_id: string;
  variant_id: string;
  sku: string;
  warehouse_id: string;
  quantity: number;
  ref_type: string;
  ref_id: string;
  status: Generated<'held' | 'released' | 'written_off'>;
  settled_at: Date | null;
}

export interface RmaEventsTable {
  shop_id: string;
  rma_id: string;
  id: Generated<number>;
  at: Timestamp;
  type: string;
  data: Json<Record<string, unknown>>;
  actor: string | null;
}

/** Returns tables: RMAs, their lines, receipts, quarantine holds and history. */
export interface ReturnsTables {
  rma_counters: RmaCountersTable;
  rmas: RmasTable;
  rma_lines: RmaLinesTable;
  rma_receipts: RmaReceiptsTable;
  rma_holds: RmaHoldsTable;
  rma_events: RmaEventsTable;
}
