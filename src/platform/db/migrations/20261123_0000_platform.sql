-- Shared database machinery: the application role that row-level security applies to, and the
-- helper every tenant table uses for its policy.
DO $$
BEGIN
  CREATE ROLE cunkou_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The shop of the current transaction, set by withShop(); NULL outside a tenant transaction,
-- which makes every tenant policy see nothing.
CREATE OR REPLACE FUNCTION cunkou_shop_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('cunkou.shop_id', true), '')::uuid $$;

-- Turn on tenant isolation for a table whose first key column is shop_id.
CREATE OR REPLACE FUNCTION cunkou_enable_tenant_rls(tbl regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (shop_id = cunkou_shop_id()) WITH CHECK (shop_id = cunkou_shop_id())',
    tbl);
END $$;
