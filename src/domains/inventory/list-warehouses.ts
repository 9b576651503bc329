import type { Tx } from '../../platform/db/tenant.ts';
import { type Warehouse, warehouseView } from './warehouse-view.ts';

/** All warehouses of the shop (a shop has a handful), in allocation order: priority, then code. */
export async function listWarehouses(
  trx: Tx,
  shopId: string,
  input: { activeOnly?: boolean | undefined } = {},
): Promise<Warehouse[]> {
  const rows = await trx
    .selectFrom('warehouses')
    .selectAll()
    .where('shop_id', '=', shopId)
    .$if(!!input.activeOnly, (q) => q.where('active', '=', true))
    .orderBy('priority')
    .orderBy('code')
    .execute();
  return rows.map(warehouseView);
}
