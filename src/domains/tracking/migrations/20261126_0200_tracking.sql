-- Tracking core: journeys (one per Cunkou shipment number) made of legs (first-mile courier in
-- China, line haul, last-mile carrier abroad), the normalised tracking events of every leg's
-- number, and the webhook secrets / delivery ids that authenticate carriers and aggregators.
-- No foreign keys to other issue-4 domains (orders, shipments, services are referenced by uuid).

CREATE TABLE tracking_journeys (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- The Cunkou shipment number customers see; unique per shop.
  reference text NOT NULL,
  -- Unguessable, for links that must not enumerate (random, globally unique).
  public_token text NOT NULL,
  order_id uuid,
  shipment_id uuid,
  service_id uuid,
  service_name text,
  origin_country char(2) NOT NULL DEFAULT 'CN',
  destination_country char(2) NOT NULL,
  destination_city text,
  promised_days int CHECK (promised_days IS NULL OR promised_days >= 0),
  -- Computed from the merged, time-ordered events of all legs (latest by occurred_at wins).
  status text NOT NULL DEFAULT 'Pending' CHECK (status IN ('Pending','InfoReceived','InTransit',
    'OutForDelivery','AvailableForPickup','AttemptFail','Delivered','Exception','Expired')),
  milestone text CHECK (milestone IN ('picked_up','export_customs_cleared','departed_origin',
    'arrived_destination','import_customs','handed_to_last_mile','delivered')),
  last_event_at timestamptz(3),
  shipped_at timestamptz(3),
  delivered_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX tracking_journeys_reference_key ON tracking_journeys (shop_id, reference);
CREATE UNIQUE INDEX tracking_journeys_public_token_key ON tracking_journeys (public_token);
CREATE INDEX tracking_journeys_status_idx ON tracking_journeys (shop_id, status, last_event_at);
CREATE INDEX tracking_journeys_shipment_idx ON tracking_journeys (shop_id, shipment_id);
SELECT cunkou_enable_tenant_rls('tracking_journeys');

CREATE TABLE tracking_legs (
  shop_id uuid NOT NULL,
  journey_id uuid NOT NULL,
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('first_mile','line_haul','last_mile')),
  mode text CHECK (mode IN ('courier','air','rail','sea','express','postal','truck')),
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  PRIMARY KEY (shop_id, journey_id, seq),
  FOREIGN KEY (shop_id, journey_id) REFERENCES tracking_journeys(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX tracking_legs_number_idx ON tracking_legs (shop_id, tracking_number);
SELECT cunkou_enable_tenant_rls('tracking_legs');

-- Events are stored per tracking number (not per journey): the same number may arrive before its
-- journey is registered, and a journey's timeline is the union of its legs' numbers. No FK to
-- shops: this is the bulk table (millions of rows) and a per-row foreign-key check costs more
-- than the insert itself; RLS still scopes every row to its shop.
CREATE TABLE tracking_events (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('InfoReceived','InTransit','OutForDelivery',
    'AvailableForPickup','AttemptFail','Delivered','Exception','Expired')),
  sub_status text,
  milestone text,
  location text,
  city text,
  country char(2),
  description text NOT NULL,
  source text NOT NULL CHECK (source IN ('carrier_webhook','aggregator','csv','api','manual')),
  raw_status text,
  -- Hash of number + time + status + description: the same event from two sources is stored once.
  dedupe_key text NOT NULL,
  -- The source's own event id when it has one (a second guard against re-deliveries).
  external_id text,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  -- The dedupe key is the primary key (one index fewer on the hottest insert path); id stays a
  -- random uuid for references to a single event.
  PRIMARY KEY (shop_id, dedupe_key)
);
CREATE UNIQUE INDEX tracking_events_external_key ON tracking_events (shop_id, carrier, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX tracking_events_number_idx ON tracking_events (shop_id, tracking_number, occurred_at);
SELECT cunkou_enable_tenant_rls('tracking_events');

-- Per-shop webhook secrets, sealed with the platform secret box. kind 'carrier': Cunkou's own
-- HMAC scheme for carriers/forwarders; '17track': the shop's 17TRACK security key (signs pushes).
CREATE TABLE tracking_webhook_secrets (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('carrier','17track')),
  sealed_secret text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, kind)
);
SELECT cunkou_enable_tenant_rls('tracking_webhook_secrets');

-- Delivery ids already accepted: a replayed delivery is refused (409), never stored twice.
CREATE TABLE tracking_webhook_deliveries (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  source text NOT NULL,
  delivery_id text NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, source, delivery_id)
);
SELECT cunkou_enable_tenant_rls('tracking_webhook_deliveries');
