import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { addOrderEvent, addRmaEvent, lockRma, moveOrder, rmaStatusLabel } from './rma-support.ts';
import { countingStatuses } from './tables.ts';

export const cancelRmaSchema = z
  .object({
    /** true: the seller refuses the return (rejected); false: it is withdrawn (cancelled). */
    reject: z.boolean().default(false),
    note: z.string().trim().max(2000).optional(),
  })
  .default({ reject: false });
export type CancelRmaInput = z.infer<typeof cancelRmaSchema>;

/**
 * Withdraw or reject a return before anything came back or was refunded (afterwards the ledger
 * and the money say otherwise). Its quantities no longer count against the order, and an order
 * left with no other return goes back to completed (the lifecycle's "withdrawn return" step).
 */
export async function cancelRma(trx: Tx, shopId: string, actor: Actor, rmaId: string, input: CancelRmaInput) {
  const rma = await lockRma(trx, shopId, rmaId);
  if (rma.status !== 'requested' || rma.refund_minor !== null) {
    throw appError('CONFLICT', 'returns.cancel.notAllowed', {
      number: rma.number,
      status: rmaStatusLabel(rma.status),
    });
  }
  const status = input.reject ? 'rejected' : 'cancelled';
  await trx
    .updateTable('rmas')
    .set({ status, updated_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('id', '=', rmaId)
    .execute();
  await addRmaEvent(trx, shopId, rmaId, actor, status, { number: rma.number, note: input.note ?? null });
  await addOrderEvent(trx, shopId, rma.order_id, actor, `return_${status}`, { rmaId, number: rma.number });
  const others = await trx
    .selectFrom('rmas')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('order_id', '=', rma.order_id)
    .where('id', '<>', rmaId)
    .where('status', 'in', countingStatuses)
    .executeTakeFirst();
  if (!others) await moveOrder(trx, shopId, actor, rma.order_id, 'completed', rma.number);
  await recordAudit(trx, shopId, actor, {
    action: `rma.${status}`,
    entityType: 'rma',
    entityId: rmaId,
    changes: { number: rma.number, note: input.note ?? null },
  });
  return { id: rmaId, status };
}
