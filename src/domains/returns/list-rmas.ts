import { z } from 'zod';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { rmaStatuses } from './tables.ts';

export const listRmasQuery = z.object({
  status: z.enum(rmaStatuses).optional(),
  /** RMA number or order number (prefix). */
  q: z.string().trim().min(1).max(200).optional(),
  orderId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListRmasQuery = z.infer<typeof listRmasQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Returns newest first, keyset-paginated on (created_at, id); units per return in one grouped query. */
export async function listRmas(trx: Tx, shopId: string, q: ListRmasQuery) {
  let query = trx
    .selectFrom('rmas as r')
    .innerJoin('orders as o', (j) => j.onRef('o.shop_id', '=', 'r.shop_id').onRef('o.id', '=', 'r.order_id'))
    .select([
      'r.id',
      'r.number',
      'r.status',
      'r.reason',
      'r.order_id',
      'o.external_id',
      'o.channel',
      'r.fulfillment',
      'r.currency',
      'r.refund_minor',
      'r.created_at',
    ])
    .where('r.shop_id', '=', shopId);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.orderId) query = query.where('r.order_id', '=', q.orderId);
  if (q.q) {
    const prefix = `${escapeLike(q.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('r.number', 'ilike', prefix), eb('o.external_id', 'like', prefix)]),
    );
  }
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    query = query.where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(new Date(at), id)));
  }
  const rows = await query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const units = page.length
    ? await trx
        .selectFrom('rma_lines')
        .select([
          'rma_id',
          (eb) => eb.fn.sum<number>('quantity').as('quantity'),
          (eb) => eb.fn.sum<number>('received').as('received'),
        ])
        .where('shop_id', '=', shopId)
        .where(
          'rma_id',
          'in',
          page.map((r) => r.id),
        )
        .groupBy('rma_id')
        .execute()
    : [];
  const byRma = new Map(units.map((u) => [u.rma_id, u]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      reason: r.reason,
      orderId: r.order_id,
      orderExternalId: r.external_id,
      channel: r.channel,
      fulfillment: r.fulfillment,
      currency: r.currency,
      refundMinor: r.refund_minor === null ? null : Number(r.refund_minor),
      units: Number(byRma.get(r.id)?.quantity ?? 0),
      received: Number(byRma.get(r.id)?.received ?? 0),
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}
