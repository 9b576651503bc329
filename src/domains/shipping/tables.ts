import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const shipmentStatuses = ['draft', 'packed', 'labelled', 'shipped', 'cancelled'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

export const contentsKinds = [
  'merchandise',
  'gift',
  'documents',
  'sample',
  'returned_goods',
  'other',
] as const;
export type ContentsKind = (typeof contentsKinds)[number];

/** The recipient as copied from the order(s) when the shipment was created. */
export interface ShipTo {
  name: string;
  lines: string[];
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
  phone: string | null;
  email: string | null;
}

export interface ShippingSendersTable {
  shop_id: string;
  id: string;
  warehouse_id: string | null;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  name: string;
  name_zh: string | null;
  company: string | null;
  company_zh: string | null;
  line1: string;
  line2: string | null;
  address_zh: string | null;
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShipmentCountersTable {
  shop_id: string;
  day: string;
  last_number: number;
}

export interface ShipmentsTable {
  shop_id: string;
  id: string;
  number: string;
  client_key: string | null;
  status: ShipmentStatus;
  service_id: string | null;
  service_code: string | null;
  service_name: string | null;
  carrier: string | null;
  carrier_account_id: string | null;
  service_reason: string | null;
  sender_id: string | null;
  ship_to: Json<ShipTo>;
  address_key: string;
  destination_country: string;
  currency: string;
  value_minor: ColumnType<number, number, number>;
  contents: ContentsKind;
  first_mile_carrier: string | null;
  first_mile_tracking: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  packed_at: Date | null;
  labelled_at: Date | null;
  shipped_at: Date | null;
  cancelled_at: Date | null;
}

export interface ShipmentOrdersTable {
  shop_id: string;
  shipment_id: string;
  order_id: string;
}

export interface ShipmentParcelsTable {
  shop_id: string;
  shipment_id: string;
  parcel_no: number;
  weight_g: number;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  label_kind: 'own' | 'carrier' | null;
  tracking_number: string | null;
  carrier_order_id: string | null;
  last_mile_carrier: string | null;
  last_mile_tracking: string | null;
}

export interface ShipmentLinesTable {
  shop_id: string;
  shipment_id: string;
  parcel_no: number;
  order_id: string;
  order_line_id: string;
  quantity: number;
}

/** Tables of this area, as Kysely sees them (declared by the owner of the migration). */
export interface ShippingTables {
  shipping_senders: ShippingSendersTable;
  shipment_counters: ShipmentCountersTable;
  shipments: ShipmentsTable;
  shipment_orders: ShipmentOrdersTable;
  shipment_parcels: ShipmentParcelsTable;
  shipment_lines: ShipmentLinesTable;
}
