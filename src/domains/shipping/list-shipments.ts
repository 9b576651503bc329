import { z } from 'zod';
import type { Tx } from '../../platform/db/tenant.ts';
import { normaliseScan } from './shipment-number.ts';
import { type ShipTo, shipmentStatuses } from './tables.ts';

export const listShipmentsQuery = z.object({
  status: z.enum(shipmentStatuses).optional(),
  serviceId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Newest first; `q` matches the shipment number, a tracking number or an order reference. */
export async function listShipments(trx: Tx, shopId: string, query: z.infer<typeof listShipmentsQuery>) {
  const q = query.q ? normaliseScan(query.q) : undefined;
  const base = trx
    .selectFrom('shipments as s')
    .where('s.shop_id', '=', shopId)
    .$if(!!query.status, (b) => b.where('s.status', '=', query.status!))
    .$if(!!query.serviceId, (b) => b.where('s.service_id', '=', query.serviceId!))
    .$if(!!query.from, (b) => b.where('s.created_at', '>=', new Date(`${query.from}T00:00:00Z`)))
    .$if(!!query.to, (b) =>
      b.where('s.created_at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)),
    )
    .$if(!!query.orderId, (b) =>
      b.where('s.id', 'in', (eb) =>
        eb
          .selectFrom('shipment_orders')
          .select('shipment_id')
          .where('shop_id', '=', shopId)
          .where('order_id', '=', query.orderId!),
      ),
    )
    .$if(!!q, (b) =>
      b.where((eb) =>
        eb.or([
          eb('s.number', '=', q!),
          eb(
            's.id',
            'in',
            eb
              .selectFrom('shipment_parcels')
              .select('shipment_id')
              .where('shop_id', '=', shopId)
              .where('tracking_number', '=', q!),
          ),
          eb(
            's.id',
            'in',
            eb
              .selectFrom('shipment_orders as so')
              .innerJoin('orders as o', (j) =>
                j.onRef('o.shop_id', '=', 'so.shop_id').onRef('o.id', '=', 'so.order_id'),
              )
              .select('so.shipment_id')
              .where('so.shop_id', '=', shopId)
              .where('o.external_id', '=', query.q!),
          ),
        ]),
      ),
    );
  const [rows, total] = await Promise.all([
    base
      .select([
        's.id',
        's.number',
        's.status',
        's.service_id',
        's.service_name',
        's.carrier',
        's.destination_country',
        's.ship_to',
        's.created_at',
        's.shipped_at',
        's.value_minor',
        's.currency',
      ])
      .select((eb) => [
        eb
          .selectFrom('shipment_parcels as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.shop_id', '=', 's.shop_id')
          .whereRef('p.shipment_id', '=', 's.id')
          .as('parcel_count'),
        eb
          .selectFrom('shipment_parcels as p')
          .select('p.tracking_number')
          .whereRef('p.shop_id', '=', 's.shop_id')
          .whereRef('p.shipment_id', '=', 's.id')
          .orderBy('p.parcel_no')
          .limit(1)
          .as('tracking_number'),
      ])
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const refs = ids.length
    ? await trx
        .selectFrom('shipment_orders as so')
        .innerJoin('orders as o', (j) =>
          j.onRef('o.shop_id', '=', 'so.shop_id').onRef('o.id', '=', 'so.order_id'),
        )
        .select(['so.shipment_id', 'o.external_id'])
        .where('so.shop_id', '=', shopId)
        .where('so.shipment_id', 'in', ids)
        .execute()
    : [];
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      serviceId: r.service_id,
      serviceName: r.service_name,
      carrier: r.carrier,
      destinationCountry: r.destination_country,
      recipient: (r.ship_to as ShipTo).name,
      orderRefs: refs.filter((x) => x.shipment_id === r.id).map((x) => x.external_id),
      parcelCount: Number(r.parcel_count ?? 0),
      trackingNumber: r.tracking_number ?? null,
      valueMinor: Number(r.value_minor),
      currency: r.currency,
      createdAt: r.created_at.toISOString(),
      shippedAt: r.shipped_at ? r.shipped_at.toISOString() : null,
    })),
  };
}
