-- Returns (RMA): a buyer sends back some lines of an order; the warehouse receives them as
-- sellable, quarantine or write-off (stock through the inventory ledger), the seller refunds.

-- The last RMA number handed out per shop: the upsert row lock makes numbers sequential and
-- unique under concurrent requests (RMA-000001, RMA-000002, ...).
CREATE TABLE rma_counters (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  last_number int NOT NULL,
  PRIMARY KEY (shop_id)
);
SELECT cunkou_enable_tenant_rls('rma_counters');

CREATE TABLE rmas (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  number text NOT NULL,
  order_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','partially_received','received',
    'closed','cancelled','rejected')),
  reason text NOT NULL CHECK (reason IN ('defective','damaged_in_transit','wrong_item','not_as_described',
    'no_longer_needed','other')),
  note text,
  -- Copied from the order: marketplace-fulfilled (FBA) returns are recorded but never touch local stock.
  fulfillment text NOT NULL CHECK (fulfillment IN ('merchant','marketplace')),
  currency char(3) NOT NULL,
  refund_minor bigint CHECK (refund_minor > 0),
  refund_note text,
  refunded_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX rmas_number_key ON rmas (shop_id, number);
CREATE INDEX rmas_list_idx ON rmas (shop_id, created_at DESC, id DESC);
CREATE INDEX rmas_status_idx ON rmas (shop_id, status, created_at DESC, id DESC);
CREATE INDEX rmas_order_idx ON rmas (shop_id, order_id);
SELECT cunkou_enable_tenant_rls('rmas');

CREATE TABLE rma_lines (
  shop_id uuid NOT NULL,
  rma_id uuid NOT NULL,
  id uuid NOT NULL,
  order_line_id uuid NOT NULL,
  position int NOT NULL DEFAULT 0,
  channel_sku text NOT NULL,
  title text,
  quantity int NOT NULL CHECK (quantity > 0),
  received int NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, rma_id, id),
  CONSTRAINT rma_lines_received_within_quantity CHECK (received >= 0 AND received <= quantity),
  FOREIGN KEY (shop_id, rma_id) REFERENCES rmas(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('rma_lines');

-- One row per receive request; the key makes a retried request answer without posting again.
CREATE TABLE rma_receipts (
  shop_id uuid NOT NULL,
  rma_id uuid NOT NULL,
  id uuid NOT NULL,
  idempotency_key text,
  -- [{lineId, quantity, warehouseId, disposition, movements: [{variantId, sku, quantity, movementId}]}]
  lines jsonb NOT NULL,
  note text,
  actor text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, rma_id, id),
  FOREIGN KEY (shop_id, rma_id) REFERENCES rmas(shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX rma_receipts_key ON rma_receipts (shop_id, rma_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
SELECT cunkou_enable_tenant_rls('rma_receipts');

-- Goods received into quarantine: each is a 'quarantine' reservation in the ledger (ref below)
-- until someone releases it to sellable or writes it off.
CREATE TABLE rma_holds (
  shop_id uuid NOT NULL,
  rma_id uuid NOT NULL,
  id uuid NOT NULL,
  receipt_id uuid NOT NULL,
  rma_line_id uuid NOT NULL,
  variant_id uuid NOT NULL,
  sku text NOT NULL,
  warehouse_id uuid NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  ref_type text NOT NULL,
  ref_id text NOT NULL,
  status text NOT NULL DEFAULT 'held' CHECK (status IN ('held','released','written_off')),
  settled_at timestamptz(3),
  PRIMARY KEY (shop_id, rma_id, id),
  FOREIGN KEY (shop_id, rma_id) REFERENCES rmas(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('rma_holds');

CREATE TABLE rma_events (
  shop_id uuid NOT NULL,
  rma_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  actor text,
  PRIMARY KEY (shop_id, rma_id, id),
  FOREIGN KEY (shop_id, rma_id) REFERENCES rmas(shop_id, id) ON DELETE CASCADE
);
SELECT cunkou_enable_tenant_rls('rma_events');
