CREATE TABLE warehouses (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('factory','domestic_3pl','overseas_3pl','marketplace','bonded')),
  country char(2) NOT NULL,
  priority int NOT NULL DEFAULT 100,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX warehouses_code_key ON warehouses (shop_id, code);
SELECT cunkou_enable_tenant_rls('warehouses');

-- The append-only ledger: every stock change is one row here; stock_levels is derived from it.
-- No foreign keys on purpose (here and on stock_reservations): every row is posted with an
-- update of its stock_levels row, which carries them; and a foreign-key check share-locks the
-- referenced row, so concurrent orders for one shop would all queue on one shops (or
-- warehouses) row to build multixacts. Deleting a shop deletes these rows after the shop.
CREATE TABLE stock_movements (
  shop_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  variant_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receipt','reservation','release','shipment','transfer_out',
    'transfer_in','adjustment','stocktake','return','writeoff')),
  on_hand_delta int NOT NULL DEFAULT 0,
  reserved_delta int NOT NULL DEFAULT 0,
  in_transit_delta int NOT NULL DEFAULT 0,
  ref_type text,
  ref_id text,
  reason text,
  -- Receipt lot and date, so slow-moving stock can be aged first-in first-out.
  lot text,
  received_on date,
  actor_user_id uuid,
  idempotency_key text,
  PRIMARY KEY (shop_id, id)
);
-- Retries never post twice. Partial: most movements carry no key and need no index entry.
CREATE UNIQUE INDEX stock_movements_idempotency_key ON stock_movements (shop_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX stock_movements_variant_idx ON stock_movements (shop_id, variant_id, id DESC);
CREATE INDEX stock_movements_warehouse_idx ON stock_movements (shop_id, warehouse_id, id DESC);
SELECT cunkou_enable_tenant_rls('stock_movements');

CREATE OR REPLACE FUNCTION cunkou_stock_movements_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- The only deletion allowed: the ledger of a shop that no longer exists.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM shops WHERE id = OLD.shop_id) THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'stock_movements is an append-only ledger: post a new movement instead of %', TG_OP
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION cunkou_stock_movements_append_only();
-- Statement-level too: TRUNCATE skips row triggers.
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
  FOR EACH STATEMENT EXECUTE FUNCTION cunkou_stock_movements_append_only();

-- Cache of the ledger per SKU × warehouse, written only in the transaction that posts a movement.
CREATE TABLE stock_levels (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  variant_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  on_hand int NOT NULL DEFAULT 0,
  reserved int NOT NULL DEFAULT 0,
  in_transit int NOT NULL DEFAULT 0,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, variant_id, warehouse_id),
  CONSTRAINT stock_levels_on_hand_nonnegative CHECK (on_hand >= 0),
  CONSTRAINT stock_levels_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand),
  CONSTRAINT stock_levels_in_transit_nonnegative CHECK (in_transit >= 0),
  FOREIGN KEY (shop_id, variant_id) REFERENCES variants(shop_id, id),
  FOREIGN KEY (shop_id, warehouse_id) REFERENCES warehouses(shop_id, id)
);
CREATE INDEX stock_levels_warehouse_idx ON stock_levels (shop_id, warehouse_id, variant_id);
SELECT cunkou_enable_tenant_rls('stock_levels');

-- What each reference (an order, a quarantine hold) holds, so releases and shipments undo exactly it.
CREATE TABLE stock_reservations (
  shop_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  ref_type text NOT NULL,
  ref_id text NOT NULL,
  variant_id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','released','shipped')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  -- Keyed by reference: every lookup (reserve again, release, ship) is by reference.
  PRIMARY KEY (shop_id, ref_type, ref_id, id)
);
-- A reference holds one active row per SKU × warehouse: a concurrent duplicate reserve fails here.
CREATE UNIQUE INDEX stock_reservations_active_key ON stock_reservations
  (shop_id, ref_type, ref_id, variant_id, warehouse_id) WHERE status = 'active';
SELECT cunkou_enable_tenant_rls('stock_reservations');

-- Head-haul shipments (头程) to an overseas 3PL or a marketplace warehouse (FBA), in transit.
CREATE TABLE transfers (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  from_warehouse_id uuid NOT NULL,
  to_warehouse_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit','received')),
  reference text,
  lines jsonb NOT NULL,
  shipped_at timestamptz(3) NOT NULL DEFAULT now(),
  received_at timestamptz(3),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, from_warehouse_id) REFERENCES warehouses(shop_id, id),
  FOREIGN KEY (shop_id, to_warehouse_id) REFERENCES warehouses(shop_id, id)
);
CREATE INDEX transfers_shipped_idx ON transfers (shop_id, shipped_at DESC, id DESC);
SELECT cunkou_enable_tenant_rls('transfers');

CREATE TABLE stocktakes (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  warehouse_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'counted' CHECK (status IN ('counted','applied')),
  counted jsonb NOT NULL,
  variance jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  applied_at timestamptz(3),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, warehouse_id) REFERENCES warehouses(shop_id, id)
);
SELECT cunkou_enable_tenant_rls('stocktakes');

-- One piece of a reservation, the hot path under concurrent orders: the conditional update that
-- can never oversell, then its ledger and reservation rows. A function so PostgreSQL keeps the
-- three plans per connection instead of parsing and planning a large statement per order; it
-- runs as the caller (row-level security applies). `p_first` also refuses a reference that
-- already holds stock, so reserving an order twice cannot double it. False: nothing written.
CREATE FUNCTION cunkou_reserve_piece(p_shop uuid, p_ref_type text, p_ref_id text, p_variant uuid,
  p_warehouse uuid, p_quantity int, p_actor uuid, p_key text, p_first boolean) RETURNS boolean
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stock_levels SET reserved = reserved + p_quantity, updated_at = now()
  WHERE shop_id = p_shop AND variant_id = p_variant AND warehouse_id = p_warehouse
    AND on_hand - reserved >= p_quantity
    AND (NOT p_first OR NOT EXISTS (SELECT 1 FROM stock_reservations r WHERE r.shop_id = p_shop
      AND r.ref_type = p_ref_type AND r.ref_id = p_ref_id AND r.status IN ('active', 'shipped')));
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO stock_movements (shop_id, variant_id, warehouse_id, kind, reserved_delta, ref_type, ref_id,
    actor_user_id, idempotency_key)
  VALUES (p_shop, p_variant, p_warehouse, 'reservation', p_quantity, p_ref_type, p_ref_id, p_actor, p_key);
  INSERT INTO stock_reservations (shop_id, ref_type, ref_id, variant_id, warehouse_id, quantity)
  VALUES (p_shop, p_ref_type, p_ref_id, p_variant, p_warehouse, p_quantity);
  RETURN true;
END $$;
