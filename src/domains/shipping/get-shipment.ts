import { appError } from '../../kernel/errors.ts';
import { isUuid } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { normaliseScan } from './shipment-number.ts';
import type { ShipTo } from './tables.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A shipment with its orders, parcels and lines (SKU/title from the order lines). */
export async function getShipment(trx: Tx, shopId: string, id: string) {
  const s = await trx
    .selectFrom('shipments')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  const [orders, parcels, lines] = await Promise.all([
    trx
      .selectFrom('shipment_orders as so')
      .innerJoin('orders as o', (j) =>
        j.onRef('o.shop_id', '=', 'so.shop_id').onRef('o.id', '=', 'so.order_id'),
      )
      .select(['o.id', 'o.external_id', 'o.status', 'o.channel', 'o.holds'])
      .where('so.shop_id', '=', shopId)
      .where('so.shipment_id', '=', id)
      .orderBy('o.external_id')
      .execute(),
    trx
      .selectFrom('shipment_parcels')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('shipment_id', '=', id)
      .orderBy('parcel_no')
      .execute(),
    trx
      .selectFrom('shipment_lines as l')
      .innerJoin('order_lines as ol', (j) =>
        j.onRef('ol.shop_id', '=', 'l.shop_id').onRef('ol.id', '=', 'l.order_line_id'),
      )
      .select([
        'l.parcel_no',
        'l.order_id',
        'l.order_line_id',
        'l.quantity',
        'ol.channel_sku',
        'ol.title',
        'ol.quantity as ordered',
        'ol.unit_price_minor',
      ])
      .where('l.shop_id', '=', shopId)
      .where('l.shipment_id', '=', id)
      .orderBy('l.parcel_no')
      .orderBy('ol.position')
      .execute(),
  ]);
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    clientKey: s.client_key,
    service: s.service_id
      ? {
          id: s.service_id,
          code: s.service_code,
          name: s.service_name,
          carrier: s.carrier,
          viaApi: !!s.carrier_account_id,
        }
      : null,
    serviceReason: s.service_reason,
    senderId: s.sender_id,
    shipTo: s.ship_to as ShipTo,
    destinationCountry: s.destination_country,
    currency: s.currency,
    valueMinor: Number(s.value_minor),
    contents: s.contents,
    firstMile: s.first_mile_tracking
      ? { carrier: s.first_mile_carrier, trackingNumber: s.first_mile_tracking }
      : null,
    note: s.note,
    createdAt: iso(s.created_at),
    packedAt: iso(s.packed_at),
    labelledAt: iso(s.labelled_at),
    shippedAt: iso(s.shipped_at),
    cancelledAt: iso(s.cancelled_at),
    orders: orders.map((o) => ({
      id: o.id,
      ref: o.external_id,
      status: o.status,
      channel: o.channel,
      holds: o.holds,
    })),
    parcels: parcels.map((p) => ({
      parcelNo: p.parcel_no,
      weightG: p.weight_g,
      dimsMm:
        p.length_mm && p.width_mm && p.height_mm ? { l: p.length_mm, w: p.width_mm, h: p.height_mm } : null,
      labelKind: p.label_kind,
      trackingNumber: p.tracking_number,
      carrierOrderId: p.carrier_order_id,
      lastMile: p.last_mile_tracking
        ? { carrier: p.last_mile_carrier, trackingNumber: p.last_mile_tracking }
        : null,
      lines: lines
        .filter((l) => l.parcel_no === p.parcel_no)
        .map((l) => ({
          orderId: l.order_id,
          orderLineId: l.order_line_id,
          sku: l.channel_sku,
          title: l.title,
          quantity: l.quantity,
          ordered: l.ordered,
          unitPriceMinor: l.unit_price_minor,
        })),
    })),
  };
}
export type ShipmentDetail = NonNullable<Awaited<ReturnType<typeof getShipment>>>;

export async function requireShipment(trx: Tx, shopId: string, id: string) {
  const s = await getShipment(trx, shopId, id);
  if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
  return s;
}

/** A shipment by uuid, Cunkou number, or any parcel's tracking / last-mile number. */
export async function findShipmentId(trx: Tx, shopId: string, ref: string): Promise<string | undefined> {
  if (isUuid(ref)) {
    const r = await trx
      .selectFrom('shipments')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('id', '=', ref)
      .executeTakeFirst();
    return r?.id;
  }
  const code = normaliseScan(ref);
  const byNumber = await trx
    .selectFrom('shipments')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('number', '=', code)
    .executeTakeFirst();
  if (byNumber) return byNumber.id;
  const byParcel = await trx
    .selectFrom('shipment_parcels as p')
    .innerJoin('shipments as s', (j) =>
      j.onRef('s.shop_id', '=', 'p.shop_id').onRef('s.id', '=', 'p.shipment_id'),
    )
    .select('p.shipment_id')
    .where('p.shop_id', '=', shopId)
    .where((eb) => eb.or([eb('p.tracking_number', '=', code), eb('p.last_mile_tracking', '=', code)]))
    .orderBy((eb) => eb.case().when('s.status', '=', 'cancelled').then(1).else(0).end())
    .orderBy('s.created_at', 'desc')
    .executeTakeFirst();
  return byParcel?.shipment_id;
}
