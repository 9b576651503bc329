import type { Tx } from '../../platform/db/tenant.ts';

/** One order with its lines and its whole history (oldest first), or undefined. */
export async function getOrder(trx: Tx, shopId: string, id: string) {
  const o = await trx
    .selectFrom('orders as o')
    .innerJoin('channel_accounts as a', (j) =>
      j.onRef('a.shop_id', '=', 'o.shop_id').onRef('a.id', '=', 'o.channel_account_id'),
    )
    .selectAll('o')
    .select(['a.name as account_name', 'a.marketplace'])
    .where('o.shop_id', '=', shopId)
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!o) return undefined;
  const [lines, events] = await Promise.all([
    trx
      .selectFrom('order_lines')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('order_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('order_events')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('order_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    id: o.id,
    externalId: o.external_id,
    channel: o.channel,
    account: { id: o.channel_account_id, name: o.account_name, marketplace: o.marketplace },
    status: o.status,
    channelStatus: o.channel_status,
    fulfillment: o.fulfillment,
    purchasedAt: o.purchased_at,
    channelUpdatedAt: o.channel_updated_at,
    buyer: { name: o.buyer_name, email: o.buyer_email, phone: o.phone, phoneRaw: o.phone_raw },
    shipTo: {
      name: o.ship_name,
      line1: o.ship_line1,
      line2: o.ship_line2,
      city: o.ship_city,
      state: o.ship_state,
      postcode: o.ship_postcode,
      country: o.ship_country,
    },
    currency: o.currency,
    amounts: {
      itemTotalMinor: Number(o.item_total_minor),
      shippingMinor: Number(o.shipping_minor),
      taxMinor: Number(o.tax_minor),
      discountMinor: Number(o.discount_minor),
      feesMinor: Number(o.fees_minor),
      totalMinor: Number(o.total_minor),
    },
    paymentMethod: o.payment_method,
    carrier: o.carrier,
    trackingNumber: o.tracking_number,
    notes: o.notes,
    tags: o.tags,
    holds: o.holds,
    version: o.version,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    lines: lines.map((l) => ({
      id: l.id,
      externalLineId: l.external_line_id,
      channelSku: l.channel_sku,
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: Number(l.unit_price_minor),
      lineTotalMinor: Number(l.line_total_minor),
      taxMinor: Number(l.tax_minor),
      discountMinor: Number(l.discount_minor),
      components: l.components,
    })),
    // Creation is the order row itself (created_at, source); later changes are events.
    timeline: [
      {
        at: o.created_at,
        type: 'created',
        fromStatus: null,
        toStatus: null,
        data: { source: o.source },
        actor: null,
      },
      ...events.map((e) => ({
        at: e.at,
        type: e.type,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        data: e.data,
        actor: e.actor,
      })),
    ],
  };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrder>>>;
