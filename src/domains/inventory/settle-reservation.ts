import type { Tx } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import { postMovement } from './post-movement.ts';
import type { Allocation } from './reserve-stock.ts';

export interface ReservationRef {
  refType: string;
  refId: string;
  /** Only these variants (a partial shipment); default every active line of the reference. */
  variantIds?: string[] | undefined;
}

/**
 * Close the active reservations of a reference: 'released' gives the stock back to available,
 * 'shipped' takes it out of on hand. The status flip claims the rows first, so a release and a
 * shipment racing for the same order cannot both undo it. Idempotent: nothing active, nothing done.
 */
export async function settleReservation(
  trx: Tx,
  shopId: string,
  actor: Actor,
  ref: ReservationRef,
  to: 'released' | 'shipped',
): Promise<Allocation[]> {
  if (ref.variantIds && !ref.variantIds.length) return [];
  const claimed = await trx
    .updateTable('stock_reservations')
    .set({ status: to })
    .where('shop_id', '=', shopId)
    .where('ref_type', '=', ref.refType)
    .where('ref_id', '=', ref.refId)
    .where('status', '=', 'active')
    .$if(!!ref.variantIds, (q) => q.where('variant_id', 'in', ref.variantIds!))
    .returning(['variant_id', 'warehouse_id', 'quantity'])
    .execute();
  const out: Allocation[] = [];
  // Same lock order as reserveStock (variant, then warehouse), so the two cannot deadlock.
  claimed.sort((a, b) => (a.variant_id + a.warehouse_id < b.variant_id + b.warehouse_id ? -1 : 1));
  for (const r of claimed) {
    await postMovement(trx, shopId, actor, {
      variantId: r.variant_id,
      warehouseId: r.warehouse_id,
      kind: to === 'shipped' ? 'shipment' : 'release',
      reserved: -r.quantity,
      onHand: to === 'shipped' ? -r.quantity : 0,
      refType: ref.refType,
      refId: ref.refId,
    });
    out.push({ variantId: r.variant_id, warehouseId: r.warehouse_id, quantity: r.quantity });
  }
  return out;
}
