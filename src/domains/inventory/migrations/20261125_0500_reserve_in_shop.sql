-- A reservation of one line from a named warehouse, in ONE round trip and its own implicit
-- transaction: the function binds the transaction to the shop (the same two settings withShop()
-- makes: the tenant id the policies compare against, and the unprivileged role row-level security
-- applies to), then runs the piece. Without it a standalone reservation costs BEGIN, set_config,
-- the piece and COMMIT: four round trips under the hottest row lock of the system.
-- SECURITY INVOKER (the default): after the role switch every statement is checked as cunkou_app.
-- Both settings are local: they end with the statement's transaction. Called inside a transaction
-- that is already bound to a shop, it refuses any other shop rather than re-binding it.
CREATE FUNCTION cunkou_reserve_piece_in_shop(p_shop uuid, p_ref_type text, p_ref_id text,
  p_variant uuid, p_warehouse uuid, p_quantity int, p_actor uuid, p_key text) RETURNS boolean
  LANGUAGE plpgsql AS $$
DECLARE
  bound text := nullif(current_setting('cunkou.shop_id', true), '');
BEGIN
  IF bound IS NOT NULL AND bound <> p_shop::text THEN
    RAISE EXCEPTION 'transaction is bound to another shop' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('cunkou.shop_id', p_shop::text, true), set_config('role', 'cunkou_app', true);
  RETURN cunkou_reserve_piece(p_shop, p_ref_type, p_ref_id, p_variant, p_warehouse, p_quantity,
    p_actor, p_key, true);
END $$;
