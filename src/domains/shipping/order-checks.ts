import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { OrderStatus } from '../orders/index.ts';

/** Which orders may ship, and how their addresses compare when orders are merged. */
/** Orders that may ship: paid and not yet fully shipped; marketplace-fulfilled ones never. */
export const shippableStatuses: readonly OrderStatus[] = ['paid', 'ready_to_ship', 'partially_shipped'];

export type OrderRow = {
  id: string;
  external_id: string;
  status: OrderStatus;
  fulfillment: string;
  holds: string[];
  currency: string;
  channel: string;
  channel_account_id: string;
  ship_name: string | null;
  ship_line1: string | null;
  ship_line2: string | null;
  ship_city: string | null;
  ship_state: string | null;
  ship_postcode: string | null;
  ship_country: string | null;
  phone: string | null;
  buyer_email: string | null;
};

const norm = (s: string | null) =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,.]+/g, ' ')
    .trim();
export const addressKeyOf = (o: OrderRow) =>
  [o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_state, o.ship_postcode, o.ship_country]
    .map(norm)
    .join('|');
export const addressText = (o: OrderRow) =>
  [o.ship_name, o.ship_line1, o.ship_line2, o.ship_postcode, o.ship_city, o.ship_country]
    .filter(Boolean)
    .join(', ');

export const holdParam = (h: string) =>
  ['unmapped_sku', 'incomplete_address', 'insufficient_stock'].includes(h)
    ? { key: `shipping.hold.${h}` as 'shipping.hold.unmapped_sku' }
    : h;

/** Refuses an order that cannot ship now, naming why (status, channel-fulfilled, which hold). */
export function refuseUnshippable(o: Pick<OrderRow, 'external_id' | 'status' | 'fulfillment' | 'holds'>) {
  if (o.fulfillment !== 'merchant')
    throw appError('CONFLICT', 'shipping.order.marketplace', { order: o.external_id });
  if (!shippableStatuses.includes(o.status))
    throw appError('CONFLICT', 'shipping.order.status', {
      order: o.external_id,
      status: { key: `orders.status.${o.status}` },
    });
  if (o.holds.length)
    throw appError('CONFLICT', 'shipping.order.onHold', {
      order: o.external_id,
      holds: { list: o.holds.map(holdParam), sep: 'comma' },
    });
}

/** Units of each order line already in shipments that are not cancelled. */
export async function allocatedByLine(trx: Tx, shopId: string, orderIds: string[], exceptShipment?: string) {
  const rows = await trx
    .selectFrom('shipment_lines as l')
    .innerJoin('shipments as s', (j) =>
      j.onRef('s.shop_id', '=', 'l.shop_id').onRef('s.id', '=', 'l.shipment_id'),
    )
    .select(['l.order_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('quantity')])
    .where('l.shop_id', '=', shopId)
    .where('l.order_id', 'in', orderIds)
    .where('s.status', '!=', 'cancelled')
    .$if(!!exceptShipment, (q) => q.where('s.id', '!=', exceptShipment!))
    .groupBy('l.order_line_id')
    .execute();
  return new Map(rows.map((r) => [r.order_line_id, Number(r.quantity)]));
}
