CREATE TABLE categories (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  parent_id uuid,
  name text NOT NULL,
  path text NOT NULL,
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, parent_id) REFERENCES categories(shop_id, id)
);
CREATE UNIQUE INDEX categories_path_key ON categories (shop_id, path);
SELECT cunkou_enable_tenant_rls('categories');

CREATE TABLE products (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  handle text,
  title text NOT NULL,
  description_html text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','archived')),
  brand text,
  category_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  bullet_points text[] NOT NULL DEFAULT '{}',
  seo_title text,
  seo_description text,
  options jsonb NOT NULL DEFAULT '[]',
  -- Tokens for search in Chinese (character bigrams) and Latin scripts (word prefixes).
  search_tokens text[] NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  -- Millisecond precision so keyset cursors (JavaScript dates) compare exactly.
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, category_id) REFERENCES categories(shop_id, id)
);
CREATE UNIQUE INDEX products_handle_key ON products (shop_id, handle);
CREATE INDEX products_updated_idx ON products (shop_id, updated_at DESC, id DESC);
CREATE INDEX products_created_idx ON products (shop_id, created_at DESC, id DESC);
CREATE INDEX products_title_idx ON products (shop_id, title, id);
CREATE INDEX products_status_idx ON products (shop_id, status, updated_at DESC, id DESC);
CREATE INDEX products_search_idx ON products USING gin (search_tokens);
CREATE INDEX products_tags_idx ON products USING gin (tags);
SELECT cunkou_enable_tenant_rls('products');

CREATE TABLE variants (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  product_id uuid NOT NULL,
  position int NOT NULL DEFAULT 0,
  sku text NOT NULL,
  option_values jsonb NOT NULL DEFAULT '{}',
  gtin text,
  price_minor bigint,
  price_currency char(3),
  cost_price_minor bigint CHECK (cost_price_minor >= 0),
  weight_g int CHECK (weight_g >= 0),
  length_mm int CHECK (length_mm >= 0),
  width_mm int CHECK (width_mm >= 0),
  height_mm int CHECK (height_mm >= 0),
  hs_code text,
  declared_name_en text,
  declared_name_zh text,
  material text,
  origin_country char(2),
  dg_lithium text NOT NULL DEFAULT 'none',
  dg_liquid boolean NOT NULL DEFAULT false,
  dg_magnet boolean NOT NULL DEFAULT false,
  dg_powder boolean NOT NULL DEFAULT false,
  dg_blade boolean NOT NULL DEFAULT false,
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, product_id) REFERENCES products(shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX variants_sku_key ON variants (shop_id, sku);
CREATE INDEX variants_product_idx ON variants (shop_id, product_id, position);
SELECT cunkou_enable_tenant_rls('variants');

CREATE TABLE product_images (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  product_id uuid NOT NULL,
  variant_id uuid,
  position int NOT NULL DEFAULT 0,
  storage_key text NOT NULL,
  content_type text NOT NULL,
  width int NOT NULL,
  height int NOT NULL,
  bytes int NOT NULL,
  alt text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, product_id) REFERENCES products(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX product_images_product_idx ON product_images (shop_id, product_id, position);
SELECT cunkou_enable_tenant_rls('product_images');

-- One row per translated field. Missing = no row; stale = source_hash differs from the source now.
CREATE TABLE translations (
  shop_id uuid NOT NULL,
  entity_type text NOT NULL CHECK (entity_type IN ('product','variant')),
  entity_id uuid NOT NULL,
  locale text NOT NULL,
  field text NOT NULL,
  value text NOT NULL,
  status text NOT NULL CHECK (status IN ('machine','reviewed')),
  source_hash text NOT NULL,
  provider text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (shop_id, entity_type, entity_id, locale, field)
);
CREATE INDEX translations_locale_idx ON translations (shop_id, locale);
SELECT cunkou_enable_tenant_rls('translations');

CREATE TABLE glossary_terms (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  term text NOT NULL,
  target_locale text,
  translation text,
  do_not_translate boolean NOT NULL DEFAULT false,
  PRIMARY KEY (shop_id, id)
);
SELECT cunkou_enable_tenant_rls('glossary_terms');

CREATE TABLE translation_memory (
  shop_id uuid NOT NULL,
  source_locale text NOT NULL,
  target_locale text NOT NULL,
  source_hash text NOT NULL,
  source_text text NOT NULL,
  target_text text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, source_locale, target_locale, source_hash)
);
SELECT cunkou_enable_tenant_rls('translation_memory');

CREATE TABLE import_mappings (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  columns jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX import_mappings_name_key ON import_mappings (shop_id, name);
SELECT cunkou_enable_tenant_rls('import_mappings');

CREATE TABLE import_jobs (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  file_name text NOT NULL,
  file_key text NOT NULL,
  status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded','running','done','failed')),
  mode text,
  columns jsonb,
  total_rows int,
  processed_rows int NOT NULL DEFAULT 0,
  created int NOT NULL DEFAULT 0,
  updated int NOT NULL DEFAULT 0,
  failed int NOT NULL DEFAULT 0,
  errors_key text,
  message text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (shop_id, id)
);
SELECT cunkou_enable_tenant_rls('import_jobs');
