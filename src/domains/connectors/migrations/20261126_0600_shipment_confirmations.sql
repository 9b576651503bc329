-- Write-back to channels: one row per (order, tracking number) to tell the channel the order
-- shipped — sent through the channel API (Amazon SP-API shipmentConfirmation, Shopee
-- logistics.ship_order) or written into the channel's upload file for accounts without one.
CREATE TABLE channel_shipment_confirmations (
  shop_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  account_id uuid NOT NULL,
  channel text NOT NULL,
  -- The channel's order number (Amazon order id, Shopee order_sn), copied so files and calls need no join.
  external_order_id text NOT NULL,
  -- Our canonical carrier code (tracking/numbers/carriers.ts) and the carrier as the channel wants it.
  carrier text NOT NULL,
  channel_carrier_code text NOT NULL,
  channel_carrier_name text NOT NULL,
  ship_method text,
  tracking_number text NOT NULL,
  shipped_at timestamptz(3) NOT NULL,
  -- [{orderLineId, externalLineId, quantity}]: the channel's own line ids (order_lines.external_line_id).
  lines jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending','sending','sent','failed','file_exported','uploaded')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  channel_answer jsonb,
  claimed_at timestamptz(3),
  sent_at timestamptz(3),
  exported_at timestamptz(3),
  -- The upload file the row was last written into: "mark uploaded" names this batch.
  export_batch uuid,
  uploaded_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, order_id) REFERENCES orders (shop_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX channel_shipment_confirmations_key
  ON channel_shipment_confirmations (shop_id, order_id, tracking_number);
CREATE INDEX channel_shipment_confirmations_account
  ON channel_shipment_confirmations (shop_id, account_id, status, created_at DESC, id DESC);
SELECT cunkou_enable_tenant_rls('channel_shipment_confirmations');
