import { appError, issue } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { levelView, readLevels } from './level-view.ts';
import { movementsByKey, postMovement } from './post-movement.ts';
import { replay, type StockChangeResult } from './receive-stock.ts';
import { resolveVariant, resolveWarehouse, type VariantRef } from './resolve.ts';

export interface AdjustStockInput extends VariantRef {
  warehouseId?: string | undefined;
  /** The warehouse code a person types (CLI). */
  warehouseCode?: string | undefined;
  delta: number;
  /** Why the count changed (damaged, found, sample…): required, it is the ledger's explanation. */
  reason: string;
  idempotencyKey?: string | undefined;
}

/** Correct on-hand stock by a signed delta. Never below what is reserved for orders. */
export async function adjustStock(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: AdjustStockInput,
): Promise<StockChangeResult> {
  if (!input.reason.trim()) {
    throw appError('VALIDATION_FAILED', 'stock.reasonRequired', undefined, {
      issues: [issue('reason', 'stock.reasonRequired')],
    });
  }
  if (input.delta === 0 || !Number.isInteger(input.delta)) {
    throw appError('VALIDATION_FAILED', 'stock.zeroDelta', undefined, {
      issues: [issue('delta', 'stock.zeroDelta')],
    });
  }
  const warehouse = await resolveWarehouse(trx, shopId, {
    warehouseId: input.warehouseId,
    code: input.warehouseCode,
  });
  const variant = await resolveVariant(trx, shopId, input, 'sku');
  if (input.idempotencyKey) {
    const done = await movementsByKey(trx, shopId, input.idempotencyKey);
    if (done.length) return replay(trx, shopId, done);
  }
  const refuse = async () => {
    const [l] = await readLevels(trx, shopId, [{ variantId: variant.variantId, warehouseId: warehouse.id }]);
    const common = { delta: -input.delta, sku: variant.sku, warehouse: warehouse.code, onHand: l!.onHand };
    if (!l!.reserved) return appError('CONFLICT', 'stock.notEnoughOnHand', common);
    return appError('CONFLICT', 'stock.belowReserved', {
      ...common,
      reserved: l!.reserved,
      max: Math.max(0, l!.available),
    });
  };
  const take = input.delta < 0 ? -input.delta : undefined;
  if (take !== undefined) {
    const [l] = await readLevels(trx, shopId, [{ variantId: variant.variantId, warehouseId: warehouse.id }]);
    if (l!.available < take) throw await refuse();
  }
  const posted = await postMovement(
    trx,
    shopId,
    actor,
    {
      variantId: variant.variantId,
      warehouseId: warehouse.id,
      kind: 'adjustment',
      onHand: input.delta,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
    },
    take === undefined ? {} : { minAvailable: take },
  );
  // A reservation landed between the check and the update: the conditional update refused it.
  if (!posted) throw await refuse();
  await recordAudit(trx, shopId, actor, {
    action: 'stock.adjusted',
    entityType: 'variant',
    entityId: variant.variantId,
    changes: { sku: variant.sku, warehouse: warehouse.code, delta: input.delta, reason: input.reason },
  });
  return {
    replayed: false,
    movementIds: [posted.movementId],
    levels: [levelView(variant.variantId, warehouse.id, posted.level)],
  };
}
