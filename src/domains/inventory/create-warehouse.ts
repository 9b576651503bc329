import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import type { WarehouseKind } from './tables.ts';
import { type Warehouse, warehouseView } from './warehouse-view.ts';

export interface WarehouseInput {
  code: string;
  name: string;
  kind: WarehouseKind;
  country: string;
  /** Lower is picked first when several warehouses can ship an order. */
  priority?: number | undefined;
  active?: boolean | undefined;
}

export async function createWarehouse(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: WarehouseInput,
): Promise<Warehouse> {
  await assertCodeFree(trx, shopId, input.code);
  const row = await trx
    .insertInto('warehouses')
    .values({
      shop_id: shopId,
      id: newId(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      country: input.country.toUpperCase(),
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(input.active === undefined ? {} : { active: input.active }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'warehouse.created',
    entityType: 'warehouse',
    entityId: row.id,
    changes: { code: row.code, name: row.name, kind: row.kind },
  });
  return warehouseView(row);
}

export async function assertCodeFree(trx: Tx, shopId: string, code: string, exceptId?: string) {
  const other = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('code', '=', code)
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (other) {
    throw appError(
      'CONFLICT',
      'warehouse.codeTaken',
      { code },
      { issues: [issue('code', 'warehouse.codeTakenIssue')] },
    );
  }
}
