import type { Tx } from '../../platform/db/tenant.ts';
import type { Fulfillment, OrderStatus } from './tables.ts';

export interface StockCandidate {
  id: string;
  status: OrderStatus;
  fulfillment: Fulfillment;
  holds: readonly string[];
}

const reservable = new Set<OrderStatus>(['paid', 'ready_to_ship', 'partially_shipped']);

/** Paid, merchant-fulfilled orders without an `unmapped_sku` hold: they need stock now. */
export const needsStock = (o: StockCandidate): boolean =>
  reservable.has(o.status) && o.fulfillment === 'merchant' && !o.holds.includes('unmapped_sku');

/**
 * THE POINT WHERE ORDERS RESERVE STOCK. Called, inside the same transaction, whenever orders are
 * created or change (imports, manual entry, status changes, a SKU mapping lifting a hold). Today
 * it only selects the orders that need stock; the lead wires the inventory domain's reservation
 * here (inventory's public `reserve…` for each order's resolved line components; the ledger makes
 * a repeated call a no-op). Marketplace-fulfilled (FBA) orders never reserve local stock;
 * cancellations should release — also to be wired here.
 */
export async function reserveStockForOrders(
  _trx: Tx,
  _shopId: string,
  orders: readonly StockCandidate[],
): Promise<string[]> {
  return orders.filter(needsStock).map((o) => o.id);
}
