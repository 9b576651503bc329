import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { releaseReservation, reserveStock, shipReservation } from '../inventory/index.ts';
import { systemActor } from '../shops/index.ts';
import type { Component, Fulfillment, OrderStatus } from './tables.ts';

export interface StockCandidate {
  id: string;
  status: OrderStatus;
  fulfillment: Fulfillment;
  holds: readonly string[];
}

const reservable = new Set<OrderStatus>(['paid', 'ready_to_ship', 'partially_shipped']);
const released = new Set<OrderStatus>(['cancelled', 'refunded']);
const gone = new Set<OrderStatus>(['shipped', 'delivered', 'completed']);
export const STOCK_HOLD = 'insufficient_stock';

/** Paid, merchant-fulfilled orders without an `unmapped_sku` hold: they need stock now. */
export const needsStock = (o: StockCandidate): boolean =>
  reservable.has(o.status) && o.fulfillment === 'merchant' && !o.holds.includes('unmapped_sku');

/**
 * Where orders meet the stock ledger, inside the caller's transaction, whenever orders are created
 * or change (imports, manual entry, status changes, a SKU mapping lifting a hold):
 * - paid merchant-fulfilled orders reserve their resolved components (bundles expanded); a
 *   shortage puts the order on the `insufficient_stock` hold instead of overselling, and a later
 *   successful reservation lifts it. Reserving an order twice is a no-op in the ledger.
 * - cancelled/refunded orders release what they held; shipped ones turn it into a shipment.
 * Marketplace-fulfilled (FBA) orders never touch local stock. A shop with no active warehouse does
 * not track stock yet, so nothing is reserved or held. Returns the ids of orders that reserved.
 */
export async function reserveStockForOrders(
  trx: Tx,
  shopId: string,
  orders: readonly StockCandidate[],
): Promise<string[]> {
  if (!orders.length) return [];
  const tracked = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (!tracked) return [];
  for (const o of orders) {
    const ref = { refType: 'order', refId: o.id };
    const settled = released.has(o.status) || (gone.has(o.status) && o.fulfillment === 'merchant');
    if (released.has(o.status)) await releaseReservation(trx, shopId, systemActor, ref);
    else if (settled) await shipReservation(trx, shopId, systemActor, ref);
    // An order that no longer needs stock no longer waits for it.
    if (settled && o.holds.includes(STOCK_HOLD))
      await setHold(trx, shopId, o.id, false, { reason: o.status });
  }
  const need = orders.filter(needsStock);
  if (!need.length) return [];
  const rows = await trx
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (j) => j.onRef('o.shop_id', '=', 'l.shop_id').onRef('o.id', '=', 'l.order_id'))
    .select(['l.order_id', 'l.quantity', 'l.components', 'o.ship_country', 'o.holds'])
    .where('l.shop_id', '=', shopId)
    .where(
      'l.order_id',
      'in',
      need.map((o) => o.id),
    )
    .execute();
  const reservedIds: string[] = [];
  for (const o of need) {
    const lines = rows.filter((r) => r.order_id === o.id);
    const byVariant = new Map<string, number>();
    for (const l of lines) {
      for (const c of (l.components as Component[] | null) ?? []) {
        byVariant.set(c.variantId, (byVariant.get(c.variantId) ?? 0) + c.quantity * l.quantity);
      }
    }
    if (!byVariant.size) continue;
    const result = await reserveStock(trx, shopId, systemActor, {
      refType: 'order',
      refId: o.id,
      lines: [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity })),
      ...(lines[0]?.ship_country ? { destinationCountry: lines[0].ship_country } : {}),
    });
    const held = (lines[0]?.holds ?? o.holds).includes(STOCK_HOLD);
    if (result.ok) {
      reservedIds.push(o.id);
      if (held) await setHold(trx, shopId, o.id, false, { allocations: result.allocations });
    } else if (!held) {
      await setHold(trx, shopId, o.id, true, { shortages: result.shortages });
    }
  }
  return reservedIds;
}

async function setHold(trx: Tx, shopId: string, orderId: string, on: boolean, data: Record<string, unknown>) {
  await trx
    .updateTable('orders')
    .set({
      holds: on
        ? sql<string[]>`array_append(array_remove(holds, ${STOCK_HOLD}), ${STOCK_HOLD})`
        : sql<string[]>`array_remove(holds, ${STOCK_HOLD})`,
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .execute();
  await trx
    .insertInto('order_events')
    .values({
      shop_id: shopId,
      order_id: orderId,
      type: on ? 'hold_added' : 'hold_released',
      from_status: null,
      to_status: null,
      data: JSON.stringify({ hold: STOCK_HOLD, ...data }),
      actor: null,
    })
    .execute();
}
