/** Tables of this area, as Kysely sees them (declared by the owner of the migration). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * pending → sending (claimed by one push) → sent | failed; failed → sending on the next push;
 * pending|failed → file_exported (written into an upload file) → uploaded (the seller says so).
 */
export const confirmationStatuses = [
  'pending',
  'sending',
  'sent',
  'failed',
  'file_exported',
  'uploaded',
] as const;
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

export interface ConfirmationLine {
  orderLineId: string;
  /** The channel's line id (Amazon OrderItemId, Shopee item/model), null when unknown. */
  externalLineId: string | null;
  sku: string;
  quantity: number;
}

export interface ChannelShipmentConfirmationsTable {
  shop_id: string;
  id: string;
  order_id: string;
  account_id: string;
  channel: string;
  external_order_id: string;
  carrier: string;
  channel_carrier_code: string;
  channel_carrier_name: string;
  ship_method: string | null;
  tracking_number: string;
  shipped_at: Timestamp;
  lines: Json<ConfirmationLine[]>;
  status: Generated<ConfirmationStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  channel_answer: Json<unknown> | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  exported_at: Timestamp | null;
  export_batch: string | null;
  uploaded_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ShipmentConfirmationTables {
  channel_shipment_confirmations: ChannelShipmentConfirmationsTable;
}
