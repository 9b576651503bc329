-- Orders domain: channel accounts, one order model for every channel, lines, full history,
-- channel SKU mappings and saved column mappings for the generic order importer.

CREATE TABLE channel_accounts (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('amazon','shopee','tiktok','aliexpress','temu','lazada',
    'mercadolibre','alibaba','own_store','facebook','whatsapp','instagram','offline','other')),
  name text NOT NULL,
  -- Amazon marketplace (ATVPDKIKX0DER or US), Shopee/TikTok country: picks currency and time zone.
  marketplace text,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX channel_accounts_name_key ON channel_accounts (shop_id, name);
SELECT cunkou_enable_tenant_rls('channel_accounts');

CREATE TABLE orders (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  channel_account_id uuid NOT NULL,
  -- Copied from the account (an account never changes channel) so the inbox filters on one table.
  channel text NOT NULL,
  external_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending','paid','ready_to_ship','partially_shipped','shipped',
    'delivered','completed','cancelled','return_requested','returned','refunded')),
  channel_status text,
  fulfillment text NOT NULL DEFAULT 'merchant' CHECK (fulfillment IN ('merchant','marketplace')),
  purchased_at timestamptz(3) NOT NULL,
  channel_updated_at timestamptz(3),
  buyer_name text,
  buyer_email text,
  phone text,
  phone_raw text,
  ship_name text,
  ship_line1 text,
  ship_line2 text,
  ship_city text,
  ship_state text,
  ship_postcode text,
  ship_country char(2),
  currency char(3) NOT NULL,
  item_total_minor bigint NOT NULL DEFAULT 0,
  shipping_minor bigint NOT NULL DEFAULT 0,
  tax_minor bigint NOT NULL DEFAULT 0,
  discount_minor bigint NOT NULL DEFAULT 0,
  fees_minor bigint NOT NULL DEFAULT 0,
  total_minor bigint NOT NULL DEFAULT 0,
  payment_method text,
  carrier text,
  tracking_number text,
  notes text,
  tags text[] NOT NULL DEFAULT '{}',
  holds text[] NOT NULL DEFAULT '{}',
  -- Hash of what the channel said last time: a re-import with the same content is "unchanged".
  content_hash text,
  -- Where the order came from ('import:<file>', 'manual'): the first entry of its timeline, so
  -- bulk imports need no event row per created order.
  source text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id)
);
-- One index is both the re-import key and the order-number prefix search (text_pattern_ops
-- keeps equality exact and makes LIKE 'abc%' a range scan): every index costs import speed.
CREATE UNIQUE INDEX orders_external_key ON orders (shop_id, external_id text_pattern_ops, channel_account_id);
-- Inbox: every filter leads with shop_id and ends with the keyset (purchased_at DESC, id DESC).
CREATE INDEX orders_inbox_idx ON orders (shop_id, purchased_at DESC, id DESC);
CREATE INDEX orders_status_idx ON orders (shop_id, status, purchased_at DESC, id DESC);
CREATE INDEX orders_channel_idx ON orders (shop_id, channel, purchased_at DESC, id DESC);
CREATE INDEX orders_account_idx ON orders (shop_id, channel_account_id, purchased_at DESC, id DESC);
CREATE INDEX orders_country_idx ON orders (shop_id, ship_country, purchased_at DESC, id DESC);
CREATE INDEX orders_holds_idx ON orders USING gin (holds);
CREATE INDEX orders_held_idx ON orders (shop_id, purchased_at DESC, id DESC) WHERE holds <> '{}';
-- Partial: marketplace reports without buyer data (Amazon All Orders, FBA) skip these indexes.
CREATE INDEX orders_buyer_idx ON orders (shop_id, lower(buyer_name) text_pattern_ops) WHERE buyer_name IS NOT NULL;
CREATE INDEX orders_buyer_email_idx ON orders (shop_id, lower(buyer_email)) WHERE buyer_email IS NOT NULL;
SELECT cunkou_enable_tenant_rls('orders');

CREATE TABLE order_lines (
  shop_id uuid NOT NULL,
  order_id uuid NOT NULL,
  id uuid NOT NULL,
  position int NOT NULL DEFAULT 0,
  external_line_id text,
  channel_sku text NOT NULL,
  title text,
  quantity int NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL DEFAULT 0,
  line_total_minor bigint NOT NULL DEFAULT 0,
  tax_minor bigint NOT NULL DEFAULT 0,
  discount_minor bigint NOT NULL DEFAULT 0,
  -- [{variantId, sku, quantity}] per ONE channel unit; NULL while the channel SKU is unmapped.
  components jsonb,
  PRIMARY KEY (shop_id, order_id, id),
  FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX order_lines_unmapped_idx ON order_lines (shop_id, channel_sku) WHERE components IS NULL;
SELECT cunkou_enable_tenant_rls('order_lines');

CREATE TABLE order_events (
  shop_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  order_id uuid NOT NULL,
  at timestamptz(3) NOT NULL DEFAULT now(),
  type text NOT NULL,
  from_status text,
  to_status text,
  data jsonb NOT NULL DEFAULT '{}',
  actor text,
  -- Keyed by order first: the timeline of one order is one index range, and no second index.
  PRIMARY KEY (shop_id, order_id, id),
  FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('order_events');

CREATE TABLE sku_mappings (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  -- NULL: the mapping applies to every channel account of the shop.
  channel_account_id uuid,
  channel_sku text NOT NULL,
  -- [{variantId, sku, quantity}]: one-to-one, bundles/kits, quantity multipliers (a 3-pack).
  components jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, channel_account_id) REFERENCES channel_accounts(shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sku_mappings_key ON sku_mappings
  (shop_id, coalesce(channel_account_id, '00000000-0000-0000-0000-000000000000'::uuid), channel_sku);
SELECT cunkou_enable_tenant_rls('sku_mappings');

CREATE TABLE order_import_mappings (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  -- {field: seller's header}, plus how to read dates and amounts ({dayFirst, decimalComma, timeZone}).
  columns jsonb NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX order_import_mappings_name_key ON order_import_mappings (shop_id, name);
SELECT cunkou_enable_tenant_rls('order_import_mappings');
