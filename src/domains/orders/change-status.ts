import { sql } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { allowedTransitions, canTransition } from './core/lifecycle.ts';
import { reserveStockForOrders } from './reserve-stock-hook.ts';
import { type OrderStatus, orderStatuses } from './tables.ts';
import { insertEvents } from './write-rows.ts';

export const changeStatusSchema = z.object({
  status: z.enum(orderStatuses),
  trackingNumber: z.string().trim().max(100).optional(),
  carrier: z.string().trim().max(100).optional(),
  note: z.string().max(1000).optional(),
});

export const addressMatters = (s: OrderStatus) =>
  ['pending', 'paid', 'ready_to_ship', 'partially_shipped'].includes(s);

export const transitionRefused = (from: OrderStatus, to: OrderStatus) => {
  const next = allowedTransitions(from);
  // Statuses are rendered as the reader's words ("待发货"), not as codes.
  const label = (s: OrderStatus) => ({ key: `orders.status.${s}` as const });
  const list = next.length
    ? { list: next.map(label), sep: 'comma' as const }
    : { key: 'orders.transition.none' as const };
  const params = { from: label(from), to: label(to), list };
  return appError('CONFLICT', 'orders.transition.notAllowed', params, {
    issues: [issue('status', 'orders.transition.notAllowed', params)],
  });
};

/** Move one order one step along the lifecycle, by hand; illegal moves are refused with the legal ones. */
export async function changeOrderStatus(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof changeStatusSchema>,
) {
  const o = await trx
    .selectFrom('orders')
    .select(['status', 'fulfillment', 'holds'])
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!o) throw appError('NOT_FOUND', 'orders.notFound');
  if (!canTransition(o.status, input.status)) throw transitionRefused(o.status, input.status);
  await trx
    .updateTable('orders')
    .set((eb) => ({
      status: input.status,
      ...(input.trackingNumber ? { tracking_number: input.trackingNumber } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      // Once an order has left the warehouse a missing address no longer blocks anything.
      ...(addressMatters(input.status)
        ? {}
        : { holds: sql<string[]>`array_remove(holds, 'incomplete_address')` }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute();
  await insertEvents(trx, [
    {
      shop_id: shopId,
      order_id: id,
      type: 'status_changed',
      from_status: o.status,
      to_status: input.status,
      data: { source: 'manual', note: input.note ?? null, trackingNumber: input.trackingNumber ?? null },
      actor: actor.userId ?? actor.tokenId,
    },
  ]);
  await reserveStockForOrders(trx, shopId, [
    { id, status: input.status, fulfillment: o.fulfillment, holds: o.holds },
  ]);
  await recordAudit(trx, shopId, actor, {
    action: 'order.status_changed',
    entityType: 'order',
    entityId: id,
    changes: { from: o.status, to: input.status },
  });
  return { id, from: o.status, to: input.status };
}
