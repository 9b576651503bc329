-- Tracking insights: per-shop thresholds that decide when a parcel counts as stuck (or as never
-- found by the carrier), and what the team did about each exception (acknowledge, resolve, snooze).
-- The exceptions themselves are not stored: they are computed from tracking_journeys/legs/events
-- every time, so they can never drift from the events. Journeys are referenced by uuid only (no FK).

-- "No event for N days" per route. destination_country and mode are '*' for "any"; the most specific
-- matching rule wins (country+mode, then country, then mode, then '*'), falling back to the built-in
-- defaults in code (src/domains/tracking/insights/defaults.ts) when a shop has none.
CREATE TABLE tracking_exception_rules (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- stuck: no new event for `days` after the last one; not_found: still Pending `days` after shipping.
  kind text NOT NULL CHECK (kind IN ('stuck','not_found')),
  destination_country text NOT NULL DEFAULT '*' CHECK (destination_country = '*' OR destination_country ~ '^[A-Z]{2}$'),
  mode text NOT NULL DEFAULT '*' CHECK (mode IN ('*','courier','air','rail','sea','express','postal','truck')),
  days int NOT NULL CHECK (days BETWEEN 1 AND 365),
  -- Where the number came from (forwarder's promise, own experience) and when it applies.
  source text,
  valid_from timestamptz(3),
  valid_to timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX tracking_exception_rules_route_key
  ON tracking_exception_rules (shop_id, kind, destination_country, mode, (coalesce(valid_from, '-infinity'::timestamptz)));
SELECT cunkou_enable_tenant_rls('tracking_exception_rules');

-- Every action on a journey's exception, newest wins. An action only counts while no event has
-- arrived for the journey after it (received_at > created_at) and the exception is still the same
-- kind: a new event reopens a resolved exception.
CREATE TABLE tracking_exception_actions (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  journey_id uuid NOT NULL,
  kind text NOT NULL,
  action text NOT NULL CHECK (action IN ('acknowledge','resolve','snooze')),
  note text,
  snooze_until timestamptz(3),
  actor text,
  created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (shop_id, id),
  CHECK ((action = 'snooze') = (snooze_until IS NOT NULL))
);
CREATE INDEX tracking_exception_actions_journey_idx
  ON tracking_exception_actions (shop_id, journey_id, created_at DESC);
SELECT cunkou_enable_tenant_rls('tracking_exception_actions');
