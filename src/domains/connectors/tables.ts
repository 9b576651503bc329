import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Provider = 'shopee' | 'amazon';
export type SyncTrigger = 'schedule' | 'manual' | 'cli';
export type SyncStatus = 'running' | 'ok' | 'failed' | 'throttled';

export interface ChannelConnectionsTable {
  shop_id: string;
  account_id: string;
  provider: Provider;
  credentials_sealed: string;
  credential_hints: Json<Record<string, string>>;
  tokens_sealed: string | null;
  token_expires_at: Timestamp | null;
  remote_shop_id: string | null;
  sync_interval_minutes: Generated<number>;
  window_from: Timestamp | null;
  window_to: Timestamp | null;
  page_cursor: string | null;
  high_water: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ChannelSyncRunsTable {
  shop_id: string;
  id: string;
  account_id: string;
  trigger: SyncTrigger;
  status: SyncStatus;
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  pages: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  error_key: string | null;
  error_params: Json<Record<string, unknown>> | null;
}

export interface ConnectorOauthStatesTable {
  shop_id: string;
  nonce: string;
  account_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ShopeeSkuModelsTable {
  shop_id: string;
  account_id: string;
  channel_sku: string;
  item_id: string;
  model_id: string;
  fetched_at: Generated<Date>;
}

export interface ConnectorScheduleTable {
  shop_id: string;
  account_id: string;
  next_sync_at: Timestamp;
  lease_owner: string | null;
  lease_until: Timestamp | null;
}

// Connectors tables (API connections, sync runs, OAuth states, Shopee model cache, schedule).
export interface ConnectorsTables {
  channel_connections: ChannelConnectionsTable;
  channel_sync_runs: ChannelSyncRunsTable;
  connector_oauth_states: ConnectorOauthStatesTable;
  shopee_sku_models: ShopeeSkuModelsTable;
  connector_schedule: ConnectorScheduleTable;
}
