-- Carrier API connectors: a shop's accounts at forwarders' open APIs (credentials sealed at rest)
-- and the labels bought through them (tracking number + the carrier's PDF in file storage).

CREATE TABLE carrier_accounts (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  carrier text NOT NULL,
  name text NOT NULL,
  environment text NOT NULL CHECK (environment IN ('sandbox','production')),
  -- Only the carrier's own hosts or hosts the admin listed (CUNKOU_CONNECTOR_HOSTS): SSRF guard.
  base_url text,
  -- The carrier's product (4PX logistics_product_code) bought with this account.
  product_code text NOT NULL,
  credentials_sealed text NOT NULL,
  -- Masked values shown in the admin ('••••a1b2'); the sealed text is never sent to clients.
  credential_hints jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  last_test_at timestamptz(3),
  last_test_ok boolean,
  last_test_message text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE UNIQUE INDEX carrier_accounts_name_key ON carrier_accounts (shop_id, lower(name));
SELECT cunkou_enable_tenant_rls('carrier_accounts');

CREATE TABLE carrier_labels (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- `${shipmentNumber}/${parcelNo}`: a retried purchase finds the label instead of buying again.
  idempotency_key text NOT NULL,
  account_id uuid NOT NULL,
  carrier text NOT NULL,
  -- What we sent as the customer order number (4PX ref_no); unique at the carrier.
  customer_ref text NOT NULL,
  carrier_order_id text NOT NULL,
  tracking_number text NOT NULL,
  last_mile_carrier text,
  last_mile_number text,
  label_file_key text NOT NULL,
  status text NOT NULL DEFAULT 'bought' CHECK (status IN ('bought','cancelled')),
  cancelled_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, account_id) REFERENCES carrier_accounts(shop_id, id)
);
-- One live label per key; a cancelled one may be bought again under the same key.
CREATE UNIQUE INDEX carrier_labels_live_key ON carrier_labels (shop_id, idempotency_key) WHERE status = 'bought';
CREATE INDEX carrier_labels_key_idx ON carrier_labels (shop_id, idempotency_key, created_at DESC);
CREATE INDEX carrier_labels_tracking_idx ON carrier_labels (shop_id, tracking_number);
CREATE INDEX carrier_labels_order_idx ON carrier_labels (shop_id, account_id, carrier_order_id);
SELECT cunkou_enable_tenant_rls('carrier_labels');
