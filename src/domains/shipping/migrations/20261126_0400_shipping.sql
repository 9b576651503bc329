-- Shipments: orders packed into parcels, labelled (own label or bought from a carrier API) and
-- shipped; stock leaves through the inventory ledger when a shipment is marked shipped.
-- No foreign keys to the other new domains (logistics services, carrier accounts, tracking):
-- they are referenced by uuid/text only.

-- Sender addresses printed on labels and customs forms, in Latin script and optionally Chinese.
-- One default per shop (warehouse_id null) and optionally one per warehouse.
CREATE TABLE shipping_senders (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  warehouse_id uuid,
  is_default boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  name_zh text,
  company text,
  company_zh text,
  line1 text NOT NULL,
  line2 text,
  address_zh text,
  city text NOT NULL,
  region text,
  postcode text,
  country char(2) NOT NULL,
  phone text,
  email text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX shipping_senders_default_key ON shipping_senders (shop_id) WHERE is_default;
CREATE UNIQUE INDEX shipping_senders_warehouse_key ON shipping_senders (shop_id, warehouse_id)
  WHERE warehouse_id IS NOT NULL;
SELECT cunkou_enable_tenant_rls('shipping_senders');

-- The last sequence handed out per shop and UTC day: the upsert's row lock keeps shipment
-- numbers unique under concurrent requests.
CREATE TABLE shipment_counters (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  day char(6) NOT NULL,
  last_number int NOT NULL,
  PRIMARY KEY (shop_id, day)
);
SELECT cunkou_enable_tenant_rls('shipment_counters');

CREATE TABLE shipments (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- CK + yymmdd + 5-digit sequence + Luhn check digit, e.g. CK261126000018 (see shipment-number.ts).
  number text NOT NULL,
  client_key text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','packed','labelled','shipped','cancelled')),
  service_id uuid,
  service_code text,
  service_name text,
  carrier text,
  carrier_account_id uuid,
  service_reason text,
  sender_id uuid,
  ship_to jsonb NOT NULL,
  address_key text NOT NULL,
  destination_country char(2) NOT NULL,
  currency char(3) NOT NULL,
  value_minor bigint NOT NULL DEFAULT 0,
  contents text NOT NULL DEFAULT 'merchandise',
  first_mile_carrier text,
  first_mile_tracking text,
  note text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  packed_at timestamptz(3),
  labelled_at timestamptz(3),
  shipped_at timestamptz(3),
  cancelled_at timestamptz(3),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX shipments_number_key ON shipments (shop_id, number);
CREATE UNIQUE INDEX shipments_client_key ON shipments (shop_id, client_key) WHERE client_key IS NOT NULL;
CREATE INDEX shipments_list_idx ON shipments (shop_id, created_at DESC, id DESC);
CREATE INDEX shipments_status_idx ON shipments (shop_id, status, created_at DESC);
SELECT cunkou_enable_tenant_rls('shipments');

CREATE TABLE shipment_orders (
  shop_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  order_id uuid NOT NULL,
  PRIMARY KEY (shop_id, shipment_id, order_id),
  FOREIGN KEY (shop_id, shipment_id) REFERENCES shipments(shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX shipment_orders_order_idx ON shipment_orders (shop_id, order_id);
SELECT cunkou_enable_tenant_rls('shipment_orders');

CREATE TABLE shipment_parcels (
  shop_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  parcel_no int NOT NULL CHECK (parcel_no > 0),
  weight_g int NOT NULL CHECK (weight_g > 0),
  length_mm int CHECK (length_mm > 0),
  width_mm int CHECK (width_mm > 0),
  height_mm int CHECK (height_mm > 0),
  label_kind text CHECK (label_kind IN ('own','carrier')),
  tracking_number text,
  carrier_order_id text,
  last_mile_carrier text,
  last_mile_tracking text,
  PRIMARY KEY (shop_id, shipment_id, parcel_no),
  FOREIGN KEY (shop_id, shipment_id) REFERENCES shipments(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX shipment_parcels_tracking_idx ON shipment_parcels (shop_id, tracking_number);
SELECT cunkou_enable_tenant_rls('shipment_parcels');

CREATE TABLE shipment_lines (
  shop_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  parcel_no int NOT NULL,
  order_id uuid NOT NULL,
  order_line_id uuid NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shop_id, shipment_id, parcel_no, order_line_id),
  FOREIGN KEY (shop_id, shipment_id, parcel_no) REFERENCES shipment_parcels(shop_id, shipment_id, parcel_no)
    ON DELETE CASCADE,
  FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
);
CREATE INDEX shipment_lines_order_line_idx ON shipment_lines (shop_id, order_line_id);
SELECT cunkou_enable_tenant_rls('shipment_lines');
