import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ListingScope = 'known' | 'catalog';
export type FileFormat = 'amazon' | 'shopee';

export interface ChannelStockRulesTable {
  shop_id: string;
  channel_account_id: string;
  warehouse_ids: string[] | null;
  buffer_units: Generated<number>;
  buffer_percent: Generated<number>;
  share_percent: Generated<number>;
  cap: number | null;
  listing: Generated<ListingScope>;
  updated_at: Timestamp;
}

export interface ChannelStockOverridesTable {
  shop_id: string;
  channel_account_id: string;
  channel_sku: string;
  buffer_units: number | null;
  buffer_percent: number | null;
  cap: number | null;
  fixed_quantity: number | null;
  do_not_sync: Generated<boolean>;
}

export interface ChannelStockPushesTable {
  shop_id: string;
  channel_account_id: string;
  channel_sku: string;
  last_quantity: number | null;
  last_pushed_at: Date | null;
  source: 'api' | 'file' | null;
  outcome: 'ok' | 'refused';
  message: string | null;
  attempted_quantity: number;
  attempted_at: Timestamp;
}

export interface ChannelStockFilesTable {
  shop_id: string;
  id: string;
  channel_account_id: string;
  format: FileFormat;
  items: Json<{ channelSku: string; quantity: number }[]>;
  created_at: Timestamp;
  uploaded_at: Date | null;
}

/** Availability tables: per-account stock rules and overrides, push state, upload files. */
export interface AvailabilityTables {
  channel_stock_rules: ChannelStockRulesTable;
  channel_stock_overrides: ChannelStockOverridesTable;
  channel_stock_pushes: ChannelStockPushesTable;
  channel_stock_files: ChannelStockFilesTable;
}
