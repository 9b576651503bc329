import { z } from 'zod';
import { appError, type FieldIssue, issue, issueList } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { OrderStatus } from '../orders/index.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { nextRmaNumber } from './rma-number.ts';
import { addOrderEvent, addRmaEvent, moveOrder, orderStatusLabel } from './rma-support.ts';
import { countingStatuses, rmaReasons } from './tables.ts';

export const createRmaSchema = z.object({
  reason: z.enum(rmaReasons),
  note: z.string().trim().max(2000).optional(),
  lines: z
    .array(z.object({ orderLineId: z.uuid(), quantity: z.number().int().min(1).max(100000) }))
    .min(1)
    .max(500),
});
export type CreateRmaInput = z.infer<typeof createRmaSchema>;

/** Orders whose goods have (at least partly) left: a return makes sense only then. */
export const returnableStatuses: readonly OrderStatus[] = [
  'shipped',
  'partially_shipped',
  'delivered',
  'completed',
  // An order that already has a return may get another one for its other lines.
  'return_requested',
  'returned',
];

/**
 * Open a return for some lines of an order. The order row is locked first, so two returns
 * created at once for the same order are counted one after the other and together never exceed
 * what was ordered (no per-line shipped quantity is tracked, so the ordered quantity is the cap).
 */
export async function createRma(
  trx: Tx,
  shopId: string,
  actor: Actor,
  orderId: string,
  input: CreateRmaInput,
): Promise<string> {
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'status', 'fulfillment', 'currency'])
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw appError('NOT_FOUND', 'returns.orderNotFound');
  if (!returnableStatuses.includes(order.status)) {
    const params = { orderId: order.external_id, status: orderStatusLabel(order.status) };
    throw appError('CONFLICT', 'returns.orderStatus', params, {
      issues: [issue('orderId', 'returns.orderStatus', params)],
    });
  }
  const orderLines = await trx
    .selectFrom('order_lines')
    .select(['id', 'position', 'channel_sku', 'title', 'quantity'])
    .where('shop_id', '=', shopId)
    .where('order_id', '=', orderId)
    .execute();
  const already = await trx
    .selectFrom('rma_lines as l')
    .innerJoin('rmas as r', (j) => j.onRef('r.shop_id', '=', 'l.shop_id').onRef('r.id', '=', 'l.rma_id'))
    .select(['l.order_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('quantity')])
    .where('l.shop_id', '=', shopId)
    .where('r.order_id', '=', orderId)
    .where('r.status', 'in', countingStatuses)
    .groupBy('l.order_line_id')
    .execute();
  const taken = new Map(already.map((a) => [a.order_line_id, Number(a.quantity)]));
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, l] of input.lines.entries()) {
    const line = byId.get(l.orderLineId);
    if (!line) {
      issues.push(issue(`lines.${i}.orderLineId`, 'returns.unknownLine', { orderId: order.external_id }));
      continue;
    }
    if (seen.has(l.orderLineId)) {
      issues.push(issue(`lines.${i}.orderLineId`, 'returns.duplicateLine'));
      continue;
    }
    seen.add(l.orderLineId);
    const before = taken.get(l.orderLineId) ?? 0;
    const max = Math.max(0, line.quantity - before);
    if (l.quantity > max) {
      issues.push(
        issue(`lines.${i}.quantity`, 'returns.tooMany', {
          sku: line.channel_sku,
          requested: l.quantity,
          max,
          ordered: line.quantity,
          already: before,
        }),
      );
    }
  }
  if (issues.length) {
    const status = issues.some((x) => x.key === 'returns.tooMany') ? 'CONFLICT' : 'VALIDATION_FAILED';
    throw appError(status, 'returns.pleaseCorrect', { list: issueList(issues) }, { issues });
  }

  const id = newId();
  const number = await nextRmaNumber(trx, shopId);
  await trx
    .insertInto('rmas')
    .values({
      shop_id: shopId,
      id,
      number,
      order_id: orderId,
      reason: input.reason,
      note: input.note || null,
      fulfillment: order.fulfillment,
      currency: order.currency,
      refund_minor: null,
      refund_note: null,
      refunded_at: null,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  await trx
    .insertInto('rma_lines')
    .values(
      input.lines.map((l, position) => {
        const line = byId.get(l.orderLineId)!;
        return {
          shop_id: shopId,
          rma_id: id,
          id: newId(),
          order_line_id: l.orderLineId,
          position,
          channel_sku: line.channel_sku,
          title: line.title,
          quantity: l.quantity,
        };
      }),
    )
    .execute();
  const summary = { number, reason: input.reason, lines: input.lines };
  await addRmaEvent(trx, shopId, id, actor, 'created', { ...summary, note: input.note ?? null });
  await addOrderEvent(trx, shopId, orderId, actor, 'return_created', { rmaId: id, number });
  await moveOrder(trx, shopId, actor, orderId, 'return_requested', number);
  await recordAudit(trx, shopId, actor, {
    action: 'rma.created',
    entityType: 'rma',
    entityId: id,
    changes: summary,
  });
  return id;
}
