import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { type LevelView, levelView, readLevels } from './level-view.ts';
import { movementsByKey, nthKey, postMovement } from './post-movement.ts';
import { resolveVariants, resolveWarehouse, type VariantRef } from './resolve.ts';

export interface ReceiveStockInput {
  warehouseId: string;
  lines: (VariantRef & { quantity: number; lot?: string | undefined })[];
  /** The day the goods arrived (default today): lots are aged first-in first-out from it. */
  receivedOn?: string | undefined;
  /** Purchase order, 1688 order, factory delivery note… */
  reference?: string | undefined;
  idempotencyKey?: string | undefined;
  /** When it was booked, if not now (back-dated entry); receivedOn defaults to its date. */
  at?: Date | string | undefined;
}

export interface StockChangeResult {
  /** True when this idempotency key was seen before: nothing new was posted. */
  replayed: boolean;
  movementIds: number[];
  levels: LevelView[];
}

/** Goods arrive at a warehouse: one 'receipt' movement per line, on hand goes up. */
export async function receiveStock(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: ReceiveStockInput,
): Promise<StockChangeResult> {
  const warehouse = await resolveWarehouse(trx, shopId, { warehouseId: input.warehouseId });
  const variants = await resolveVariants(trx, shopId, input.lines);
  if (input.idempotencyKey) {
    const done = await movementsByKey(trx, shopId, input.idempotencyKey);
    if (done.length) return replay(trx, shopId, done);
  }
  const receivedOn = input.receivedOn ?? new Date(input.at ?? Date.now()).toISOString().slice(0, 10);
  const movementIds: number[] = [];
  const levels: LevelView[] = [];
  for (const [i, line] of input.lines.entries()) {
    const variantId = variants[i]!.variantId;
    const posted = (await postMovement(trx, shopId, actor, {
      variantId,
      warehouseId: warehouse.id,
      kind: 'receipt',
      onHand: line.quantity,
      refType: input.reference ? 'receipt' : null,
      refId: input.reference ?? null,
      lot: line.lot ?? null,
      receivedOn,
      idempotencyKey: nthKey(input.idempotencyKey, i),
      at: input.at,
    }))!;
    movementIds.push(posted.movementId);
    levels.push(levelView(variantId, warehouse.id, posted.level));
  }
  await recordAudit(trx, shopId, actor, {
    action: 'stock.received',
    entityType: 'warehouse',
    entityId: warehouse.id,
    changes: {
      reference: input.reference ?? null,
      lines: variants.map((v, i) => [v.sku, input.lines[i]!.quantity]),
    },
  });
  return { replayed: false, movementIds, levels };
}

/** The answer to a retried request: the movements it posted the first time and today's levels. */
export async function replay(
  trx: Tx,
  shopId: string,
  done: { id: number; variant_id: string; warehouse_id: string }[],
): Promise<StockChangeResult> {
  const pairs = done.map((m) => ({ variantId: m.variant_id, warehouseId: m.warehouse_id }));
  return { replayed: true, movementIds: done.map((m) => m.id), levels: await readLevels(trx, shopId, pairs) };
}
