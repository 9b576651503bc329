-- Connectors domain: channel API connections (sealed credentials and tokens), resumable sync
-- state, sync runs, one-time OAuth states, and the Shopee SKU → item/model cache.

CREATE TABLE channel_connections (
  shop_id uuid NOT NULL,
  account_id uuid NOT NULL,
  provider text NOT NULL CHECK (provider IN ('shopee','amazon')),
  -- AES-256-GCM envelope (platform/crypto/secret-box.ts); never plaintext, never returned.
  credentials_sealed text NOT NULL,
  -- Which fields are set and their last 4 characters, for the masked view.
  credential_hints jsonb NOT NULL DEFAULT '{}',
  tokens_sealed text,
  token_expires_at timestamptz(3),
  -- Shopee: the authorised shop id (not secret).
  remote_shop_id text,
  sync_interval_minutes integer NOT NULL DEFAULT 30 CHECK (sync_interval_minutes BETWEEN 5 AND 1440),
  -- Resumable sync: the window being read, the next page cursor inside it, and the high-water
  -- mark below which everything was committed (the next window starts a little before it).
  window_from timestamptz(3),
  window_to timestamptz(3),
  page_cursor text,
  high_water timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, account_id),
  FOREIGN KEY (shop_id, account_id) REFERENCES channel_accounts (shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('channel_connections');

CREATE TABLE channel_sync_runs (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('schedule','manual','cli')),
  status text NOT NULL CHECK (status IN ('running','ok','failed','throttled')),
  started_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3),
  pages integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  error_key text,
  error_params jsonb,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX channel_sync_runs_account ON channel_sync_runs (shop_id, account_id, started_at DESC, id DESC);
SELECT cunkou_enable_tenant_rls('channel_sync_runs');

-- Shopee authorisation states: one row per issued link, consumed once by the callback.
CREATE TABLE connector_oauth_states (
  shop_id uuid NOT NULL,
  nonce text NOT NULL,
  account_id uuid NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3),
  PRIMARY KEY (shop_id, nonce)
);
SELECT cunkou_enable_tenant_rls('connector_oauth_states');

CREATE TABLE shopee_sku_models (
  shop_id uuid NOT NULL,
  account_id uuid NOT NULL,
  channel_sku text NOT NULL,
  item_id bigint NOT NULL,
  model_id bigint NOT NULL,
  fetched_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, account_id, channel_sku)
);
SELECT cunkou_enable_tenant_rls('shopee_sku_models');

-- The scheduler's index across shops. Deliberately NOT a tenant table: the scheduler must find
-- due accounts of every shop before it knows a shop, and row-level security would hide them. It
-- holds only ids and times (no shop data); the lease makes sure one account is synced by one
-- server process at a time even when several share this database.
CREATE TABLE connector_schedule (
  shop_id uuid NOT NULL,
  account_id uuid NOT NULL,
  next_sync_at timestamptz(3) NOT NULL DEFAULT now(),
  lease_owner text,
  lease_until timestamptz(3),
  PRIMARY KEY (shop_id, account_id),
  FOREIGN KEY (shop_id, account_id) REFERENCES channel_accounts (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX connector_schedule_due ON connector_schedule (next_sync_at);
