import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { type EventRow, insertEvents } from './write-rows.ts';

/**
 * Holds a person puts on orders (the others — unmapped SKU, incomplete address, insufficient
 * stock — follow from the data and are set by the system). They only stop fulfilment: stock stays
 * reserved, and the bulk "releaseHold" action lifts them.
 */
export const personHolds = ['compliance', 'manual'] as const;

export const addHoldsSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(1000),
  hold: z.enum(personHolds),
});
export type AddHoldsInput = z.infer<typeof addHoldsSchema>;

/** Put a hold on many orders from the inbox; orders that already have it are left as they are. */
export async function addOrderHolds(trx: Tx, shopId: string, actor: Actor, input: AddHoldsInput) {
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'holds'])
    .where('shop_id', '=', shopId)
    .where('id', 'in', input.ids)
    .forUpdate()
    .execute();
  // Like the bulk update: ids of other shops are only counted, never echoed.
  const notFound = input.ids.filter((id) => !orders.some((o) => o.id === id)).length;
  const targets = orders.filter((o) => !o.holds.includes(input.hold));
  const skipped = orders
    .filter((o) => o.holds.includes(input.hold))
    .map((o) => ({ id: o.id, reason: `already on hold: ${input.hold}` }));
  const ids = targets.map((o) => o.id);
  if (ids.length) {
    await sql`UPDATE orders SET holds = array_append(holds, ${input.hold}), version = version + 1, updated_at = now()
      WHERE shop_id = ${shopId} AND id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(ids)}::json))`.execute(
      trx,
    );
    const who = actor.userId ?? actor.tokenId;
    const events: EventRow[] = ids.map((id) => ({
      shop_id: shopId,
      order_id: id,
      type: 'hold_added',
      data: { hold: input.hold, source: 'bulk' },
      actor: who,
    }));
    await insertEvents(trx, events);
    await recordAudit(trx, shopId, actor, {
      action: 'orders.bulk_addHold',
      entityType: 'order',
      entityId: ids[0]!,
      changes: input,
    });
  }
  return { updated: ids.length, skipped, notFound };
}
