import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { canTransition, changeOrderStatus, type OrderStatus } from '../orders/index.ts';
import type { Actor } from '../shops/index.ts';
import type { RmaStatus } from './tables.ts';

export const actorOf = (actor: Actor) => actor.userId ?? actor.tokenId ?? null;
export const rmaStatusLabel = (s: RmaStatus) => ({ key: `returns.status.${s}` as const });
export const orderStatusLabel = (s: OrderStatus) => ({ key: `orders.status.${s}` as const });

/** The RMA row, locked for the rest of the transaction: receipts, refunds and cancels queue here. */
export async function lockRma(trx: Tx, shopId: string, id: string) {
  const rma = await trx
    .selectFrom('rmas')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!rma) throw appError('NOT_FOUND', 'returns.notFound');
  return rma;
}

export async function addRmaEvent(
  trx: Tx,
  shopId: string,
  rmaId: string,
  actor: Actor,
  type: string,
  data: Record<string, unknown> = {},
) {
  await trx
    .insertInto('rma_events')
    .values({ shop_id: shopId, rma_id: rmaId, type, data: JSON.stringify(data), actor: actorOf(actor) })
    .execute();
}

/**
 * The order's own timeline shows its returns too (the same table the orders domain writes its
 * non-status events to, e.g. stock holds), so a seller reading the order sees RMA-000001.
 */
export async function addOrderEvent(
  trx: Tx,
  shopId: string,
  orderId: string,
  actor: Actor,
  type: string,
  data: Record<string, unknown>,
) {
  await trx
    .insertInto('order_events')
    .values({
      shop_id: shopId,
      order_id: orderId,
      type,
      from_status: null,
      to_status: null,
      data: JSON.stringify(data),
      actor: actorOf(actor),
    })
    .execute();
}

/**
 * Move the order along the existing lifecycle (its own status change: history event, stock hook,
 * audit) when that step is legal from where it is; otherwise leave it — e.g. a partially shipped
 * order stays partially shipped while a return on its shipped part is handled.
 */
export async function moveOrder(
  trx: Tx,
  shopId: string,
  actor: Actor,
  orderId: string,
  to: OrderStatus,
  note: string,
): Promise<boolean> {
  const o = await trx
    .selectFrom('orders')
    .select('status')
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!o || !canTransition(o.status, to)) return false;
  await changeOrderStatus(trx, shopId, actor, orderId, { status: to, note });
  return true;
}
