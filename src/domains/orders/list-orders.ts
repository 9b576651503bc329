import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { channels, orderStatuses } from './tables.ts';

export const listOrdersQuery = z.object({
  channel: z.enum(channels).optional(),
  accountId: z.uuid().optional(),
  status: z.enum(orderStatuses).optional(),
  country: z.string().length(2).toUpperCase().optional(),
  hold: z.string().max(50).optional(),
  /** Any hold at all: the "needs attention" tab. */
  held: z.coerce.boolean().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Order id (prefix), buyer name (prefix) or buyer e-mail (exact). */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

/**
 * The orders inbox across channels. Every filter is an indexed equality on a column that leads
 * an index ending in (purchased_at DESC, id DESC), so a page is a short index range scan even at
 * millions of orders; the keyset cursor never OFFSETs. Line counts come in one grouped query.
 */
export async function listOrders(trx: Tx, shopId: string, q: ListOrdersQuery) {
  let query = trx
    .selectFrom('orders as o')
    .innerJoin('channel_accounts as a', (j) =>
      j.onRef('a.shop_id', '=', 'o.shop_id').onRef('a.id', '=', 'o.channel_account_id'),
    )
    .select([
      'o.id',
      'o.external_id',
      'o.channel',
      'o.channel_account_id',
      'a.name as account_name',
      'o.status',
      'o.fulfillment',
      'o.purchased_at',
      'o.buyer_name',
      'o.ship_country',
      'o.currency',
      'o.total_minor',
      'o.payment_method',
      'o.tracking_number',
      'o.tags',
      'o.holds',
      'o.updated_at',
    ])
    .where('o.shop_id', '=', shopId);
  if (q.channel) query = query.where('o.channel', '=', q.channel);
  if (q.accountId) query = query.where('o.channel_account_id', '=', q.accountId);
  if (q.status) query = query.where('o.status', '=', q.status);
  if (q.country) query = query.where('o.ship_country', '=', q.country);
  if (q.hold) query = query.where(sql<boolean>`o.holds @> ARRAY[${q.hold}]::text[]`);
  if (q.held) query = query.where(sql<boolean>`o.holds <> '{}'`);
  if (q.from) query = query.where('o.purchased_at', '>=', q.from);
  if (q.to) query = query.where('o.purchased_at', '<', q.to);
  if (q.q) {
    // Prefix search as explicit byte-wise ranges (~>=~ / ~<~, the text_pattern_ops operators):
    // unlike LIKE with a bound parameter, a range is matched to the index under any plan.
    const range = (t: string) =>
      [t, t.slice(0, -1) + String.fromCharCode(t.charCodeAt(t.length - 1) + 1)] as const;
    const [idFrom, idTo] = range(q.q);
    const [nameFrom, nameTo] = range(q.q.toLowerCase());
    query = query.where(
      sql<boolean>`((o.external_id ~>=~ ${idFrom} AND o.external_id ~<~ ${idTo})
        OR (lower(o.buyer_name) ~>=~ ${nameFrom} AND lower(o.buyer_name) ~<~ ${nameTo})
        OR lower(o.buyer_email) = ${q.q.toLowerCase()})`,
    );
  }
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    query = query.where((eb) => eb(eb.refTuple('o.purchased_at', 'o.id'), '<', eb.tuple(new Date(at), id)));
  }
  const rows = await query
    .orderBy('o.purchased_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const counts = page.length
    ? await trx
        .selectFrom('order_lines')
        .select([
          'order_id',
          (eb) => eb.fn.sum<number>('quantity').as('units'),
          (eb) => eb.fn.countAll<number>().as('lines'),
        ])
        .where('shop_id', '=', shopId)
        .where(
          'order_id',
          'in',
          page.map((r) => r.id),
        )
        .groupBy('order_id')
        .execute()
    : [];
  const byOrder = new Map(counts.map((c) => [c.order_id, c]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      channel: r.channel,
      accountId: r.channel_account_id,
      accountName: r.account_name,
      status: r.status,
      fulfillment: r.fulfillment,
      purchasedAt: r.purchased_at,
      buyerName: r.buyer_name,
      country: r.ship_country,
      currency: r.currency,
      totalMinor: Number(r.total_minor),
      paymentMethod: r.payment_method,
      trackingNumber: r.tracking_number,
      tags: r.tags,
      holds: r.holds,
      lines: Number(byOrder.get(r.id)?.lines ?? 0),
      units: Number(byOrder.get(r.id)?.units ?? 0),
    })),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.purchased_at.toISOString(), last.id]) : null,
  };
}
