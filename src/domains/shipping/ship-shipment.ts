import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Component, changeOrderStatus } from '../orders/index.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import {
  getService,
  type JourneyLegInput,
  recordShipmentConfirmations,
  registerJourney,
} from './integrations.ts';
import { firstMileSchema, refuseUnshippable } from './plan-shipment.ts';
import { shipStock } from './ship-stock.ts';
import type { ShipTo } from './tables.ts';

export const shipSchema = z.object({
  firstMile: firstMileSchema.optional(),
});

type Carrier = JourneyLegInput['carrier'];

/**
 * Mark a labelled shipment shipped, all in the caller's transaction: stock out through the
 * ledger, each order to shipped or partially_shipped, the journey registered with its legs, the
 * channel write-back queued. The shipment row is locked first; shipping it again answers
 * `replayed` and changes nothing.
 */
export async function shipShipment(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof shipSchema> = {},
) {
  const s = await trx
    .selectFrom('shipments')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
  if (s.status === 'shipped') return { replayed: true, shippedAt: s.shipped_at! };
  if (s.status === 'cancelled') throw appError('CONFLICT', 'shipping.ship.cancelled', { number: s.number });
  if (s.status !== 'labelled')
    throw appError('CONFLICT', 'shipping.ship.notLabelled', {
      number: s.number,
      status: { key: `shipping.status.${s.status}` },
    });
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'status', 'fulfillment', 'holds'])
    .where('shop_id', '=', shopId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('shipment_orders')
        .select('order_id')
        .where('shop_id', '=', shopId)
        .where('shipment_id', '=', id),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const o of orders) refuseUnshippable(o);
  const lines = await trx
    .selectFrom('shipment_lines as l')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.shop_id', '=', 'l.shop_id').onRef('ol.id', '=', 'l.order_line_id'),
    )
    .select(['l.order_id', 'l.order_line_id', 'l.quantity', 'ol.components'])
    .where('l.shop_id', '=', shopId)
    .where('l.shipment_id', '=', id)
    .execute();
  const parcels = await trx
    .selectFrom('shipment_parcels')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('shipment_id', '=', id)
    .orderBy('parcel_no')
    .execute();
  const now = new Date();
  const firstMile =
    input.firstMile ??
    (s.first_mile_tracking
      ? { carrier: s.first_mile_carrier ?? 'other', trackingNumber: s.first_mile_tracking }
      : null);
  await trx
    .updateTable('shipments')
    .set({
      status: 'shipped',
      shipped_at: now,
      updated_at: now,
      first_mile_carrier: firstMile?.carrier ?? null,
      first_mile_tracking: firstMile?.trackingNumber ?? null,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute();

  const qty = lines.map((l) => ({
    orderId: l.order_id,
    quantity: l.quantity,
    components: (l.components as Component[] | null) ?? [],
  }));
  // Partially shipped orders move first (their hook then reserves nothing new); fully shipped ones
  // after the stock left, so the order hook finds no active reservation left to ship twice.
  const after = await orderStatusesAfter(
    trx,
    shopId,
    orders.map((o) => o.id),
  );
  const tracking =
    parcels.find((p) => p.tracking_number)?.tracking_number ??
    parcels.find((p) => p.last_mile_tracking)?.last_mile_tracking ??
    null;
  const move = async (want: 'shipped' | 'partially_shipped') => {
    for (const o of orders) {
      if (after.get(o.id) !== want || o.status === want) continue;
      await changeOrderStatus(trx, shopId, actor, o.id, {
        status: want,
        note: s.number,
        ...(tracking ? { trackingNumber: tracking } : {}),
        ...(s.carrier ? { carrier: s.carrier } : {}),
      });
    }
  };
  await move('partially_shipped');
  await shipStock(trx, shopId, actor, id, qty);
  await move('shipped');

  const service = s.service_id ? await getService(trx, shopId, s.service_id) : undefined;
  const legs: JourneyLegInput[] = [];
  if (firstMile)
    legs.push({
      kind: 'first_mile',
      mode: 'courier',
      carrier: firstMile.carrier as Carrier,
      trackingNumber: firstMile.trackingNumber,
    });
  const seen = new Set<string>();
  for (const p of parcels) {
    if (p.tracking_number && !seen.has(p.tracking_number)) {
      seen.add(p.tracking_number);
      legs.push({
        kind: 'line_haul',
        mode: service?.mode ?? null,
        carrier: (s.carrier ?? 'other') as Carrier,
        trackingNumber: p.tracking_number,
      });
    }
    if (p.last_mile_tracking && !seen.has(p.last_mile_tracking)) {
      seen.add(p.last_mile_tracking);
      legs.push({
        kind: 'last_mile',
        mode: null,
        carrier: (p.last_mile_carrier ?? 'other') as Carrier,
        trackingNumber: p.last_mile_tracking,
      });
    }
  }
  const shipTo = s.ship_to as ShipTo;
  await registerJourney(trx, shopId, {
    reference: s.number,
    orderId: orders[0]?.id ?? null,
    shipmentId: id,
    serviceId: s.service_id,
    serviceName: s.service_name,
    originCountry: 'CN',
    destinationCountry: s.destination_country,
    destinationCity: shipTo.city,
    promisedDays: service?.promisedDays ?? null,
    shippedAt: now,
    legs,
  });
  await recordShipmentConfirmations(
    trx,
    shopId,
    orders.map((o) => ({
      orderId: o.id,
      carrier: tracking ? (s.carrier ?? 'other') : 'other',
      carrierName: s.service_name ?? s.carrier ?? 'Cunkou',
      // Without a carrier number the Cunkou number is the public reference the buyer can track.
      trackingNumber: tracking ?? s.number,
      shippedAt: now,
      shipMethod: s.service_name,
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity })),
    })),
  );
  await recordAudit(trx, shopId, actor, {
    action: 'shipment.shipped',
    entityType: 'shipment',
    entityId: id,
    changes: { number: s.number },
  });
  return { replayed: false, shippedAt: now };
}

/** Per order: shipped when every line's units are in shipped shipments, else partially_shipped. */
async function orderStatusesAfter(trx: Tx, shopId: string, orderIds: string[]) {
  const ordered = await trx
    .selectFrom('order_lines')
    .select(['id', 'order_id', 'quantity'])
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', orderIds)
    .execute();
  const shipped = await trx
    .selectFrom('shipment_lines as l')
    .innerJoin('shipments as s', (j) =>
      j.onRef('s.shop_id', '=', 'l.shop_id').onRef('s.id', '=', 'l.shipment_id'),
    )
    .select(['l.order_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('q')])
    .where('l.shop_id', '=', shopId)
    .where('l.order_id', 'in', orderIds)
    .where('s.status', '=', 'shipped')
    .groupBy('l.order_line_id')
    .execute();
  const done = new Map(shipped.map((r) => [r.order_line_id, Number(r.q)]));
  const out = new Map<string, 'shipped' | 'partially_shipped'>();
  for (const id of orderIds) {
    const all = ordered.filter((l) => l.order_id === id).every((l) => (done.get(l.id) ?? 0) >= l.quantity);
    out.set(id, all ? 'shipped' : 'partially_shipped');
  }
  return out;
}
