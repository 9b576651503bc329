-- Availability domain: what each channel account may sell (available-to-sell, ATS), the rules
-- that shape it (feeding warehouses, safety buffer, share, cap, per-SKU overrides), and what was
-- last pushed to the channel (through its API or an upload file the seller confirmed).

CREATE TABLE channel_stock_rules (
  shop_id uuid NOT NULL,
  channel_account_id uuid NOT NULL,
  -- NULL: every active warehouse that is not marketplace-fulfilled (FBA never feeds a merchant listing).
  warehouse_ids uuid[],
  buffer_units int NOT NULL DEFAULT 0 CHECK (buffer_units >= 0),
  buffer_percent int NOT NULL DEFAULT 0 CHECK (buffer_percent BETWEEN 0 AND 100),
  -- Percent of the pool this account may show (two channels sharing one pool at 50 % each).
  share_percent int NOT NULL DEFAULT 100 CHECK (share_percent BETWEEN 0 AND 100),
  cap int CHECK (cap >= 0),
  -- 'known': mapped channel SKUs and SKUs sold through this account; 'catalog': also every variant
  -- of an active product under its own SKU (for sellers who use one SKU everywhere).
  listing text NOT NULL DEFAULT 'known' CHECK (listing IN ('known','catalog')),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, channel_account_id),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('channel_stock_rules');

CREATE TABLE channel_stock_overrides (
  shop_id uuid NOT NULL,
  channel_account_id uuid NOT NULL,
  channel_sku text NOT NULL,
  -- Each NULL falls back to the account rule.
  buffer_units int CHECK (buffer_units >= 0),
  buffer_percent int CHECK (buffer_percent BETWEEN 0 AND 100),
  cap int CHECK (cap >= 0),
  -- Always show exactly this many (made to order, a listing kept alive); ignores stock.
  fixed_quantity int CHECK (fixed_quantity >= 0),
  do_not_sync boolean NOT NULL DEFAULT false,
  PRIMARY KEY (shop_id, channel_account_id, channel_sku),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('channel_stock_overrides');

-- One row per (account, channel SKU): the quantity the channel last accepted, and the outcome of
-- the last attempt (a refusal keeps the channel's message and leaves last_quantity alone).
CREATE TABLE channel_stock_pushes (
  shop_id uuid NOT NULL,
  channel_account_id uuid NOT NULL,
  channel_sku text NOT NULL,
  last_quantity int,
  last_pushed_at timestamptz(3),
  source text CHECK (source IN ('api','file')),
  outcome text NOT NULL CHECK (outcome IN ('ok','refused')),
  message text,
  attempted_quantity int NOT NULL,
  attempted_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, channel_account_id, channel_sku),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('channel_stock_pushes');

-- An upload file handed to the seller: its quantities count as pushed only once the seller says
-- the channel accepted the upload (mark uploaded), never merely because it was downloaded.
CREATE TABLE channel_stock_files (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  channel_account_id uuid NOT NULL,
  format text NOT NULL CHECK (format IN ('amazon','shopee')),
  -- [{channelSku, quantity}]
  items jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  uploaded_at timestamptz(3),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX channel_stock_files_account_idx ON channel_stock_files (shop_id, channel_account_id, created_at DESC);
SELECT cunkou_enable_tenant_rls('channel_stock_files');
