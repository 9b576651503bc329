-- Bulk imports write about 1.4 lines per order, a million lines per large Amazon file. The foreign
-- keys from order_lines and order_events to orders made PostgreSQL run a referential check per
-- inserted row (an index probe plus a KEY SHARE row lock on the order, itself a WAL record):
-- about 40 % of the time spent inserting lines. Lines and events are only ever written by the
-- orders domain in the same transaction as their order (write-rows.ts, create-order.ts), keyed
-- (shop_id, order_id, …) under the same tenant policy, so the check guarded nothing the code does
-- not already guarantee. What the foreign keys also did — remove an order's lines and history
-- with it — is kept by a statement-level trigger (one set-based delete per statement).
ALTER TABLE order_lines DROP CONSTRAINT IF EXISTS order_lines_shop_id_order_id_fkey;
ALTER TABLE order_events DROP CONSTRAINT IF EXISTS order_events_shop_id_order_id_fkey;

CREATE FUNCTION cunkou_orders_delete_children() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM order_lines l USING gone g WHERE l.shop_id = g.shop_id AND l.order_id = g.id;
  DELETE FROM order_events e USING gone g WHERE e.shop_id = g.shop_id AND e.order_id = g.id;
  RETURN NULL;
END $$;
CREATE TRIGGER orders_delete_children AFTER DELETE ON orders
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION cunkou_orders_delete_children();
