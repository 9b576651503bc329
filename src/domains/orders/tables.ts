import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const channels = [
  'amazon',
  'shopee',
  'tiktok',
  'aliexpress',
  'temu',
  'lazada',
  'mercadolibre',
  'alibaba',
  'own_store',
  'facebook',
  'whatsapp',
  'instagram',
  'offline',
  'other',
] as const;
export type Channel = (typeof channels)[number];

export const orderStatuses = [
  'pending',
  'paid',
  'ready_to_ship',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'return_requested',
  'returned',
  'refunded',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export type Fulfillment = 'merchant' | 'marketplace';

/** One unit of a channel SKU is made of these Cunkou variants (a 3-pack is one component × 3). */
export interface Component {
  variantId: string;
  sku: string;
  quantity: number;
}

export interface ChannelAccountsTable {
  shop_id: string;
  id: string;
  channel: Channel;
  name: string;
  marketplace: string | null;
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface OrdersTable {
  shop_id: string;
  id: string;
  channel_account_id: string;
  channel: Channel;
  external_id: string;
  status: OrderStatus;
  channel_status: string | null;
  fulfillment: Fulfillment;
  purchased_at: Timestamp;
  channel_updated_at: Timestamp | null;
  buyer_name: string | null;
  buyer_email: string | null;
  phone: string | null;
  phone_raw: string | null;
  ship_name: string | null;
  ship_line1: string | null;
  ship_line2: string | null;
  ship_city: string | null;
  ship_state: string | null;
  ship_postcode: string | null;
  ship_country: string | null;
  currency: string;
  item_total_minor: number;
  shipping_minor: number;
  tax_minor: number;
  discount_minor: number;
  fees_minor: number;
  total_minor: number;
  payment_method: string | null;
  carrier: string | null;
  tracking_number: string | null;
  notes: string | null;
  tags: Generated<string[]>;
  holds: Generated<string[]>;
  content_hash: string | null;
  source: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  shop_id: string;
  order_id: string;
  id: string;
  position: number;
  external_line_id: string | null;
  channel_sku: string;
  title: string | null;
  quantity: number;
  unit_price_minor: number;
  line_total_minor: number;
  tax_minor: number;
  discount_minor: number;
  components: Json<Component[] | null>;
}

export interface OrderEventsTable {
  shop_id: string;
  id: Generated<number>;
  order_id: string;
  at: Timestamp;
  type: string;
  from_status: string | null;
  to_status: string | null;
  data: Json<Record<string, unknown>>;
  actor: string | null;
}

export interface SkuMappingsTable {
  shop_id: string;
  id: string;
  channel_account_id: string | null;
  channel_sku: string;
  components: Json<Component[]>;
  created_at: Timestamp;
}

export interface OrderImportMappingsTable {
  shop_id: string;
  id: string;
  name: string;
  columns: Json<Record<string, string>>;
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

// Orders tables (channel accounts, orders, lines, history, SKU mappings, import mappings).
export interface OrdersTables {
  channel_accounts: ChannelAccountsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  sku_mappings: SkuMappingsTable;
  order_import_mappings: OrderImportMappingsTable;
}
