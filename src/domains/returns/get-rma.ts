import type { Tx } from '../../platform/db/tenant.ts';
import type { Component } from '../orders/index.ts';

/** One return with its order, lines, receipts, quarantine holds and history (oldest first). */
export async function getRma(trx: Tx, shopId: string, id: string) {
  const r = await trx
    .selectFrom('rmas as r')
    .innerJoin('orders as o', (j) => j.onRef('o.shop_id', '=', 'r.shop_id').onRef('o.id', '=', 'r.order_id'))
    .selectAll('r')
    .select(['o.external_id', 'o.status as order_status', 'o.channel', 'o.total_minor'])
    .where('r.shop_id', '=', shopId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const [lines, receipts, holds, events, refunded] = await Promise.all([
    trx
      .selectFrom('rma_lines as l')
      .leftJoin('order_lines as ol', (j) =>
        j.onRef('ol.shop_id', '=', 'l.shop_id').onRef('ol.id', '=', 'l.order_line_id'),
      )
      .select([
        'l.id',
        'l.order_line_id',
        'l.channel_sku',
        'l.title',
        'l.quantity',
        'l.received',
        'ol.components',
      ])
      .where('l.shop_id', '=', shopId)
      .where('l.rma_id', '=', id)
      .orderBy('l.position')
      .execute(),
    trx
      .selectFrom('rma_receipts')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('rma_id', '=', id)
      .orderBy('created_at')
      .execute(),
    trx
      .selectFrom('rma_holds as h')
      .leftJoin('warehouses as w', (j) =>
        j.onRef('w.shop_id', '=', 'h.shop_id').onRef('w.id', '=', 'h.warehouse_id'),
      )
      .selectAll('h')
      .select('w.code as warehouse_code')
      .where('h.shop_id', '=', shopId)
      .where('h.rma_id', '=', id)
      .orderBy('h.sku')
      .execute(),
    trx
      .selectFrom('rma_events')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('rma_id', '=', id)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('rmas')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('refund_minor'), eb.lit(0)).as('sum'))
      .where('shop_id', '=', shopId)
      .where('order_id', '=', r.order_id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    reason: r.reason,
    note: r.note,
    fulfillment: r.fulfillment,
    /** FBA: the marketplace takes the goods back; nothing here moves local stock. */
    touchesStock: r.fulfillment === 'merchant',
    currency: r.currency,
    refundMinor: r.refund_minor === null ? null : Number(r.refund_minor),
    refundNote: r.refund_note,
    refundedAt: r.refunded_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    order: {
      id: r.order_id,
      externalId: r.external_id,
      status: r.order_status,
      channel: r.channel,
      totalMinor: Number(r.total_minor),
      /** What may still be refunded on the order across all its returns. */
      refundableMinor: Math.max(0, Number(r.total_minor) - Number(refunded.sum)),
    },
    lines: lines.map((l) => ({
      id: l.id,
      orderLineId: l.order_line_id,
      channelSku: l.channel_sku,
      title: l.title,
      quantity: l.quantity,
      received: l.received,
      components: (l.components as Component[] | null) ?? null,
    })),
    receipts: receipts.map((x) => ({
      id: x.id,
      idempotencyKey: x.idempotency_key,
      lines: x.lines,
      note: x.note,
      actor: x.actor,
      createdAt: x.created_at,
    })),
    holds: holds.map((h) => ({
      id: h.id,
      lineId: h.rma_line_id,
      variantId: h.variant_id,
      sku: h.sku,
      warehouseId: h.warehouse_id,
      warehouseCode: h.warehouse_code,
      quantity: h.quantity,
      status: h.status,
      settledAt: h.settled_at,
    })),
    timeline: events.map((e) => ({ at: e.at, type: e.type, data: e.data, actor: e.actor })),
  };
}
export type RmaDetail = NonNullable<Awaited<ReturnType<typeof getRma>>>;
