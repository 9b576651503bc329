import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { addressMatters } from './change-status.ts';
import { canTransition } from './core/lifecycle.ts';
import { reserveStockForOrders } from './reserve-stock-hook.ts';
import { orderStatuses } from './tables.ts';
import { type EventRow, insertEvents } from './write-rows.ts';

export const bulkSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('status'),
    ids: z.array(z.uuid()).min(1).max(1000),
    status: z.enum(orderStatuses),
  }),
  z.object({
    action: z.enum(['addTags', 'removeTags']),
    ids: z.array(z.uuid()).min(1).max(1000),
    tags: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  }),
  z.object({
    action: z.literal('releaseHold'),
    ids: z.array(z.uuid()).min(1).max(1000),
    hold: z.string().trim().min(1).max(50),
  }),
]);
export type BulkInput = z.infer<typeof bulkSchema>;

/**
 * One action on many orders from the inbox. Set-based: one read, one update, one insert of
 * events. Orders a status cannot legally reach are reported, not silently skipped.
 */
export async function bulkUpdateOrders(trx: Tx, shopId: string, actor: Actor, input: BulkInput) {
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'status', 'fulfillment', 'holds', 'tags'])
    .where('shop_id', '=', shopId)
    .where('id', 'in', input.ids)
    .forUpdate()
    .execute();
  const who = actor.userId ?? actor.tokenId;
  const events: EventRow[] = [];
  // Ids that are not orders of this shop are only counted: echoing them would let a response
  // carry another shop's ids, and the tenancy test holds every response to that.
  const notFound = input.ids.filter((id) => !orders.some((o) => o.id === id)).length;
  const skipped: { id: string; reason: string }[] = [];
  let targets = orders;
  if (input.action === 'status') {
    targets = orders.filter((o) => canTransition(o.status, input.status));
    for (const o of orders)
      if (!targets.includes(o))
        skipped.push({ id: o.id, reason: `cannot go from ${o.status} to ${input.status}` });
    for (const o of targets)
      events.push({
        shop_id: shopId,
        order_id: o.id,
        type: 'status_changed',
        from_status: o.status,
        to_status: input.status,
        data: { source: 'bulk' },
        actor: who,
      });
  } else if (input.action === 'releaseHold') {
    targets = orders.filter((o) => o.holds.includes(input.hold));
    for (const o of targets)
      events.push({
        shop_id: shopId,
        order_id: o.id,
        type: 'hold_released',
        data: { hold: input.hold, source: 'bulk' },
        actor: who,
      });
  } else {
    for (const o of targets)
      events.push({
        shop_id: shopId,
        order_id: o.id,
        type: 'tags_changed',
        data: { [input.action]: input.tags },
        actor: who,
      });
  }
  const ids = targets.map((o) => o.id);
  if (ids.length) {
    const set =
      input.action === 'status'
        ? sql`status = ${input.status}${addressMatters(input.status) ? sql`` : sql`, holds = array_remove(holds, 'incomplete_address')`}`
        : input.action === 'releaseHold'
          ? sql`holds = array_remove(holds, ${input.hold})`
          : input.action === 'addTags'
            ? sql`tags = ARRAY(SELECT DISTINCT unnest(tags || ARRAY(SELECT json_array_elements_text(${JSON.stringify(input.tags)}::json))))`
            : sql`tags = ARRAY(SELECT unnest(tags) EXCEPT SELECT json_array_elements_text(${JSON.stringify(input.tags)}::json))`;
    await sql`UPDATE orders SET ${set}, version = version + 1, updated_at = now()
      WHERE shop_id = ${shopId} AND id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(ids)}::json))`.execute(
      trx,
    );
    await insertEvents(trx, events);
    const after = targets.map((o) => ({
      ...o,
      status: input.action === 'status' ? input.status : o.status,
      holds: input.action === 'releaseHold' ? o.holds.filter((h) => h !== input.hold) : o.holds,
    }));
    await reserveStockForOrders(trx, shopId, after);
    await recordAudit(trx, shopId, actor, {
      action: `orders.bulk_${input.action}`,
      entityType: 'order',
      entityId: ids[0]!,
      changes: input,
    });
  }
  return { updated: ids.length, skipped, notFound };
}
