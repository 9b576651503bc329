-- Logistics services (forwarder and carrier products), their rate cards imported from the
-- forwarders' price sheets (one row per version; the compiled zones and brackets as jsonb), and
-- the rules that pick a service per order.

CREATE TABLE logistics_services (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  name text NOT NULL,
  -- Canonical carrier code (src/domains/tracking/numbers/carriers.ts), e.g. yunexpress, chinapost.
  carrier text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('express','postal','air','rail','sea','last_mile','courier')),
  active boolean NOT NULL DEFAULT true,
  -- H6's carrier account used to buy labels through an API (no FK across domains).
  carrier_account_id uuid,
  promised_days int CHECK (promised_days > 0),
  notes text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX logistics_services_code_key ON logistics_services (shop_id, lower(code));
SELECT cunkou_enable_tenant_rls('logistics_services');

-- A card version is never edited: a new price sheet makes a new version. A quote uses the highest
-- version whose [valid_from, valid_to) contains the parcel's date.
CREATE TABLE logistics_rate_cards (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  service_id uuid NOT NULL,
  version int NOT NULL CHECK (version > 0),
  valid_from timestamptz(3) NOT NULL,
  valid_to timestamptz(3),
  currency char(3) NOT NULL,
  -- Where the prices came from: file, sheets, who imported it and when.
  source_file text NOT NULL,
  source_sheets text NOT NULL,
  source_note text,
  file_sha256 text NOT NULL,
  imported_by text,
  imported_at timestamptz(3) NOT NULL DEFAULT now(),
  -- CardSettings (volumetric divisor and share, rounding, minimum, fuel, remote, battery, DG, limits).
  settings jsonb NOT NULL,
  -- CardData: country → zone (optionally by postcode), zone → weight brackets and transit, remote postcodes.
  data jsonb NOT NULL,
  PRIMARY KEY (shop_id, id),
  CONSTRAINT logistics_rate_cards_dates CHECK (valid_to IS NULL OR valid_to > valid_from),
  FOREIGN KEY (shop_id, service_id) REFERENCES logistics_services(shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX logistics_rate_cards_version_key ON logistics_rate_cards (shop_id, service_id, version);
-- The same file imported twice for the same service is the same version ("unchanged").
CREATE UNIQUE INDEX logistics_rate_cards_file_key ON logistics_rate_cards (shop_id, service_id, file_sha256);
SELECT cunkou_enable_tenant_rls('logistics_rate_cards');

CREATE TABLE logistics_assignment_rules (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  -- Lower runs first; the first rule whose conditions all match decides.
  priority int NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- RuleConditions: channels, channelAccountIds, countries, weight and value ranges, skus/prefixes, battery, DG.
  conditions jsonb NOT NULL,
  strategy text NOT NULL CHECK (strategy IN ('cheapest','fastest','cheapest_within_days','fixed')),
  max_days int CHECK (max_days > 0),
  service_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  CONSTRAINT logistics_rules_strategy_args CHECK (
    (strategy <> 'cheapest_within_days' OR max_days IS NOT NULL) AND (strategy <> 'fixed' OR service_id IS NOT NULL))
);
CREATE INDEX logistics_rules_order_idx ON logistics_assignment_rules (shop_id, priority, created_at);
SELECT cunkou_enable_tenant_rls('logistics_assignment_rules');
