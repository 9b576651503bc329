import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { assertCodeFree, type WarehouseInput } from './create-warehouse.ts';
import { resolveWarehouse } from './resolve.ts';
import { type Warehouse, warehouseView } from './warehouse-view.ts';

/** Change some fields of a warehouse. Deactivated warehouses keep their stock but are not allocated from. */
export async function updateWarehouse(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: Partial<WarehouseInput>,
): Promise<Warehouse> {
  const before = await resolveWarehouse(trx, shopId, { warehouseId: id });
  if (input.code !== undefined && input.code !== before.code)
    await assertCodeFree(trx, shopId, input.code, id);
  const set = {
    ...(input.code === undefined ? {} : { code: input.code }),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.country === undefined ? {} : { country: input.country.toUpperCase() }),
    ...(input.priority === undefined ? {} : { priority: input.priority }),
    ...(input.active === undefined ? {} : { active: input.active }),
  };
  if (!Object.keys(set).length) return warehouseView(before);
  const after = await trx
    .updateTable('warehouses')
    .set(set)
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'warehouse.updated',
    entityType: 'warehouse',
    entityId: id,
    changes: set,
  });
  return warehouseView(after);
}
