import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { addOrderEvent, addRmaEvent, lockRma, moveOrder, rmaStatusLabel } from './rma-support.ts';
import type { RmaStatus } from './tables.ts';

export const refundRmaSchema = z.object({
  /** Integer minor units in the order's currency (cents, fen; yen have none). */
  amountMinor: z.number().int().min(1).max(1_000_000_000_000),
  note: z.string().trim().max(2000).optional(),
});
export type RefundRmaInput = z.infer<typeof refundRmaSchema>;

/**
 * Record the money given back for a return (once per RMA; the payment itself happens on the
 * channel). Never more than the order's total minus what its other returns refunded. The order
 * moves to refunded through its lifecycle when it is in a return status.
 */
export async function refundRma(trx: Tx, shopId: string, actor: Actor, rmaId: string, input: RefundRmaInput) {
  const rma = await lockRma(trx, shopId, rmaId);
  if (rma.status === 'cancelled' || rma.status === 'rejected') {
    throw appError('CONFLICT', 'returns.refund.notAllowed', {
      number: rma.number,
      status: rmaStatusLabel(rma.status),
    });
  }
  if (rma.refund_minor !== null) {
    throw appError('CONFLICT', 'returns.refund.already', {
      number: rma.number,
      amount: Number(rma.refund_minor),
      currency: rma.currency,
    });
  }
  // Locked too: two returns of one order refunded at once are checked one after the other.
  const order = await trx
    .selectFrom('orders')
    .select(['external_id', 'total_minor'])
    .where('shop_id', '=', shopId)
    .where('id', '=', rma.order_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const refunded = await trx
    .selectFrom('rmas')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('refund_minor'), eb.lit(0)).as('sum'))
    .where('shop_id', '=', shopId)
    .where('order_id', '=', rma.order_id)
    .executeTakeFirstOrThrow();
  const max = Number(order.total_minor) - Number(refunded.sum);
  if (input.amountMinor > max) {
    const params = {
      amount: input.amountMinor,
      orderId: order.external_id,
      max: Math.max(0, max),
      currency: rma.currency,
    };
    throw appError('CONFLICT', 'returns.refund.tooMuch', params, {
      issues: [issue('amountMinor', 'returns.refund.tooMuch', params)],
    });
  }
  const status: RmaStatus = rma.status === 'received' ? 'closed' : rma.status;
  await trx
    .updateTable('rmas')
    .set({
      refund_minor: input.amountMinor,
      refund_note: input.note || null,
      refunded_at: new Date(),
      status,
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', rmaId)
    .execute();
  const summary = { number: rma.number, amountMinor: input.amountMinor, currency: rma.currency };
  await addRmaEvent(trx, shopId, rmaId, actor, 'refunded', { ...summary, note: input.note ?? null });
  await addOrderEvent(trx, shopId, rma.order_id, actor, 'return_refunded', { rmaId, ...summary });
  await moveOrder(trx, shopId, actor, rma.order_id, 'refunded', rma.number);
  await recordAudit(trx, shopId, actor, {
    action: 'rma.refunded',
    entityType: 'rma',
    entityId: rmaId,
    changes: summary,
  });
  return { id: rmaId, status, refundMinor: input.amountMinor };
}
