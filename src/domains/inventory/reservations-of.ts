import type { Tx } from '../../platform/db/tenant.ts';
import type { Allocation } from './reserve-stock.ts';

/** What a reference holds (or held), summed per variant × warehouse. */
export async function reservationsOf(
  trx: Tx,
  shopId: string,
  refType: string,
  refId: string,
  statuses: ('active' | 'released' | 'shipped')[],
): Promise<Allocation[]> {
  const rows = await trx
    .selectFrom('stock_reservations')
    .select(['variant_id', 'warehouse_id', (eb) => eb.fn.sum<number>('quantity').as('quantity')])
    .where('shop_id', '=', shopId)
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId)
    .where('status', 'in', statuses)
    .groupBy(['variant_id', 'warehouse_id'])
    .orderBy('variant_id')
    .orderBy('warehouse_id')
    .execute();
  return rows.map((r) => ({
    variantId: r.variant_id,
    warehouseId: r.warehouse_id,
    quantity: Number(r.quantity),
  }));
}
