-- Slow-moving stock (inventory/ageing) replays every movement that changed on hand, per SKU ×
-- warehouse in time order. This index hands them over in that order (no sort of the ledger) and
-- carries what FIFO needs, so the report reads the index alone once the table is vacuumed.
-- Partial: reservations and releases (the hot path under concurrent orders) change no on-hand
-- and are not indexed here, so they pay nothing for it.
CREATE INDEX stock_movements_on_hand_idx ON stock_movements (shop_id, variant_id, warehouse_id, at, id)
  INCLUDE (kind, on_hand_delta, received_on, lot, ref_id)
  WHERE on_hand_delta <> 0;
