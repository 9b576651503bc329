import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { readLevels } from './level-view.ts';
import { postMovement } from './post-movement.ts';
import { resolveVariants, resolveWarehouse, type VariantRef } from './resolve.ts';
import { type Transfer, transferView } from './transfer-view.ts';

export interface CreateTransferInput {
  fromWarehouseId: string;
  toWarehouseId: string;
  /** FBA shipment id, head-haul (头程) booking or container number. */
  reference?: string | undefined;
  lines: (VariantRef & { quantity: number })[];
  /** A retry with the same key returns the transfer created the first time. */
  idempotencyKey?: string | undefined;
  /** When it happened, if not now (back-dated entry). */
  at?: Date | string | undefined;
}

/**
 * Ship stock to another warehouse (head-haul to an overseas 3PL, inbound to FBA): it leaves on hand
 * at the origin now ('transfer_out', only what is not reserved) and shows as in transit at the
 * destination until received.
 */
export async function createTransfer(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: CreateTransferInput,
): Promise<Transfer> {
  if (input.idempotencyKey) {
    const done = await trx
      .selectFrom('stock_movements')
      .select('ref_id')
      .where('shop_id', '=', shopId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (done?.ref_id) return getTransfer(trx, shopId, done.ref_id);
  }
  if (input.fromWarehouseId === input.toWarehouseId) {
    throw appError('VALIDATION_FAILED', 'transfer.sameWarehouse', undefined, {
      issues: [issue('toWarehouseId', 'transfer.sameWarehouse')],
    });
  }
  const from = await resolveWarehouse(trx, shopId, { warehouseId: input.fromWarehouseId });
  const to = await resolveWarehouse(trx, shopId, { warehouseId: input.toWarehouseId });
  const variants = await resolveVariants(trx, shopId, input.lines);
  const id = newId();
  const lines = variants.map((v, i) => ({ variantId: v.variantId, quantity: input.lines[i]!.quantity }));
  const ref = { refType: 'transfer', refId: id, at: input.at };
  for (const [i, line] of lines.entries()) {
    const out = await postMovement(
      trx,
      shopId,
      actor,
      {
        ...ref,
        variantId: line.variantId,
        warehouseId: from.id,
        kind: 'transfer_out',
        onHand: -line.quantity,
        idempotencyKey: i === 0 ? (input.idempotencyKey ?? null) : null,
      },
      { minAvailable: line.quantity },
    );
    if (!out) {
      const [l] = await readLevels(trx, shopId, [{ variantId: line.variantId, warehouseId: from.id }]);
      throw appError('CONFLICT', 'stock.notEnoughToMove', {
        sku: variants[i]!.sku,
        warehouse: from.code,
        available: Math.max(0, l!.available),
        quantity: line.quantity,
      });
    }
    await postMovement(trx, shopId, actor, {
      ...ref,
      variantId: line.variantId,
      warehouseId: to.id,
      kind: 'transfer_out',
      inTransit: line.quantity,
    });
  }
  const row = await trx
    .insertInto('transfers')
    .values({
      shop_id: shopId,
      id,
      from_warehouse_id: from.id,
      to_warehouse_id: to.id,
      reference: input.reference ?? null,
      lines: JSON.stringify(lines),
      ...(input.at ? { shipped_at: new Date(input.at) } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'transfer.created',
    entityType: 'transfer',
    entityId: id,
    changes: {
      from: from.code,
      to: to.code,
      reference: input.reference ?? null,
      lines: variants.map((v, i) => [v.sku, lines[i]!.quantity]),
    },
  });
  return transferView(row);
}

export async function getTransfer(trx: Tx, shopId: string, id: string): Promise<Transfer> {
  const row = await trx
    .selectFrom('transfers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'transfer.notFound');
  return transferView(row);
}
