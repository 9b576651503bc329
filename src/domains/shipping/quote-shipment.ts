import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { Component } from '../orders/index.ts';
import { quoteRates } from './integrations.ts';
import type { ShipTo } from './tables.ts';

/** Every service's price for a shipment as packed (total weight; dimensions when one parcel). */
export async function quoteShipment(trx: Tx, shopId: string, id: string) {
  const s = await trx
    .selectFrom('shipments')
    .select(['ship_to', 'destination_country', 'value_minor', 'currency'])
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
  const parcels = await trx
    .selectFrom('shipment_parcels')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('shipment_id', '=', id)
    .execute();
  const comps = await trx
    .selectFrom('shipment_lines as l')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.shop_id', '=', 'l.shop_id').onRef('ol.id', '=', 'l.order_line_id'),
    )
    .select('ol.components')
    .where('l.shop_id', '=', shopId)
    .where('l.shipment_id', '=', id)
    .execute();
  const variantIds = [
    ...new Set(comps.flatMap((c) => ((c.components as Component[] | null) ?? []).map((x) => x.variantId))),
  ];
  const vs = variantIds.length
    ? await trx
        .selectFrom('variants')
        .select(['dg_lithium', 'dg_liquid', 'dg_powder', 'dg_blade', 'dg_magnet'])
        .where('shop_id', '=', shopId)
        .where('id', 'in', variantIds)
        .execute()
    : [];
  const one = parcels.length === 1 ? parcels[0]! : undefined;
  return quoteRates(trx, shopId, {
    destinationCountry: s.destination_country,
    postcode: (s.ship_to as ShipTo).postcode,
    weightG: parcels.reduce((sum, p) => sum + p.weight_g, 0),
    dimsMm:
      one?.length_mm && one.width_mm && one.height_mm
        ? { l: one.length_mm, w: one.width_mm, h: one.height_mm }
        : null,
    declaredValue: { amountMinor: Number(s.value_minor), currency: s.currency },
    battery: vs.some((v) => v.dg_lithium !== 'none'),
    dangerousGoods: vs.some((v) => v.dg_liquid || v.dg_powder || v.dg_blade || v.dg_magnet),
  });
}
