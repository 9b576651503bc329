import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { postMovement } from './post-movement.ts';
import { reserveStock } from './reserve-stock.ts';
import { resolveWarehouse } from './resolve.ts';

export interface ReturnStockInput {
  variantId: string;
  warehouseId: string;
  quantity: number;
  /**
   * sellable: back on the shelf. quarantine: on hand but held (a 'quarantine' reservation on the
   * same reference) until inspected — release it to sell, or adjust it out. writeoff: received
   * and written off at once, so the ledger still shows it came back.
   */
  disposition: 'sellable' | 'quarantine' | 'writeoff';
  /** The RMA or order the goods came back from. */
  refType?: string | undefined;
  refId?: string | undefined;
  reason?: string | undefined;
  /** When it happened, if not now (back-dated entry). */
  at?: Date | string | undefined;
}

export async function returnStock(trx: Tx, shopId: string, actor: Actor, input: ReturnStockInput) {
  const warehouse = await resolveWarehouse(trx, shopId, { warehouseId: input.warehouseId });
  const ref = {
    refType: input.refType ?? 'return',
    refId: input.refId ?? null,
    reason: input.reason ?? null,
  };
  const at = { variantId: input.variantId, warehouseId: warehouse.id, at: input.at };
  const back = (await postMovement(trx, shopId, actor, {
    ...at,
    ...ref,
    kind: 'return',
    onHand: input.quantity,
  }))!;
  let level = back.level;
  let quarantineRef: { refType: string; refId: string } | null = null;
  if (input.disposition === 'writeoff') {
    const off = await postMovement(
      trx,
      shopId,
      actor,
      { ...at, ...ref, kind: 'writeoff', onHand: -input.quantity },
      { minAvailable: input.quantity },
    );
    level = off!.level;
  } else if (input.disposition === 'quarantine') {
    // One hold per returned parcel (the movement id makes it unique): release it to sell.
    quarantineRef = { refType: 'quarantine', refId: `${ref.refType}:${ref.refId ?? ''}:${back.movementId}` };
    const hold = await reserveStock(trx, shopId, actor, {
      ...quarantineRef,
      lines: [{ ...at, quantity: input.quantity }],
    });
    if (!hold.ok) throw appError('CONFLICT', 'stock.levelRule');
    level = { ...level, reserved: level.reserved + input.quantity };
  }
  await recordAudit(trx, shopId, actor, {
    action: 'stock.returned',
    entityType: 'variant',
    entityId: input.variantId,
    changes: { warehouse: warehouse.code, quantity: input.quantity, disposition: input.disposition, ...ref },
  });
  return { movementId: back.movementId, disposition: input.disposition, quarantineRef, level };
}
