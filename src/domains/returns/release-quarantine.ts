import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { adjustStock, releaseReservation } from '../inventory/index.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { addRmaEvent, lockRma } from './rma-support.ts';

export const releaseQuarantineSchema = z.object({
  holdId: z.uuid(),
  /** sellable: the inspected goods are fine; writeoff: they are not and leave stock. */
  to: z.enum(['sellable', 'writeoff']),
});
export type ReleaseQuarantineInput = z.infer<typeof releaseQuarantineSchema>;

const holdStatusLabel = (s: 'held' | 'released' | 'written_off') => ({
  key: `returns.hold.status.${s}` as const,
});

/**
 * Settle a quarantine hold of a return: the hold is a 'quarantine' reservation in the ledger, so
 * releasing it makes the units available; writing off then takes them out of on hand with an
 * adjustment that names the RMA. Claimed with a conditional update: settled once only.
 */
export async function releaseQuarantine(
  trx: Tx,
  shopId: string,
  actor: Actor,
  rmaId: string,
  input: ReleaseQuarantineInput,
) {
  const rma = await lockRma(trx, shopId, rmaId);
  const hold = await trx
    .selectFrom('rma_holds')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('rma_id', '=', rmaId)
    .where('id', '=', input.holdId)
    .executeTakeFirst();
  if (!hold) throw appError('NOT_FOUND', 'returns.hold.notFound');
  const status = input.to === 'sellable' ? 'released' : 'written_off';
  const claimed = await trx
    .updateTable('rma_holds')
    .set({ status, settled_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('rma_id', '=', rmaId)
    .where('id', '=', hold.id)
    .where('status', '=', 'held')
    .returning('id')
    .executeTakeFirst();
  if (!claimed) {
    throw appError('CONFLICT', 'returns.hold.settled', { status: holdStatusLabel(hold.status) });
  }
  await releaseReservation(trx, shopId, actor, { refType: hold.ref_type, refId: hold.ref_id });
  if (input.to === 'writeoff') {
    await adjustStock(trx, shopId, actor, {
      variantId: hold.variant_id,
      warehouseId: hold.warehouse_id,
      delta: -hold.quantity,
      reason: `${rma.number} quarantine write-off`,
    });
  }
  const summary = {
    number: rma.number,
    holdId: hold.id,
    sku: hold.sku,
    quantity: hold.quantity,
    to: input.to,
  };
  await addRmaEvent(
    trx,
    shopId,
    rmaId,
    actor,
    input.to === 'sellable' ? 'quarantine_released' : 'quarantine_written_off',
    summary,
  );
  await recordAudit(trx, shopId, actor, {
    action: 'rma.quarantine_settled',
    entityType: 'rma',
    entityId: rmaId,
    changes: summary,
  });
  return { holdId: hold.id, status };
}
