import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { releaseReservation, reservationsOf, reserveStock, shipReservation } from '../inventory/index.ts';
import type { Component } from '../orders/index.ts';
import type { Actor } from '../shops/index.ts';

export interface ShipmentLineQty {
  orderId: string;
  quantity: number;
  components: Component[];
}

/**
 * Stock leaves through the ledger for what this shipment carries, order by order. A variant whose
 * whole active order reservation goes in this shipment is shipped from that reservation
 * (shipReservation with variantIds). When only part of it goes (an order split over shipments),
 * the order's reservation of that variant is released and exactly the shipped units are reserved
 * and shipped under the shipment's own reference — the ledger API settles whole reservation rows
 * only. Known gap: the released remainder is not reserved again until the next shipment takes it.
 * The caller holds the shipment row lock and flips its status in the same transaction, so a retry
 * never posts twice. A shop without an active warehouse does not track stock: nothing is posted.
 */
export async function shipStock(
  trx: Tx,
  shopId: string,
  actor: Actor,
  shipmentId: string,
  lines: ShipmentLineQty[],
) {
  const tracked = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (!tracked) return { posted: 0 };
  const need = new Map<string, Map<string, number>>();
  for (const l of lines) {
    const perVariant = need.get(l.orderId) ?? new Map<string, number>();
    for (const c of l.components)
      perVariant.set(c.variantId, (perVariant.get(c.variantId) ?? 0) + c.quantity * l.quantity);
    need.set(l.orderId, perVariant);
  }
  let posted = 0;
  const separately: { variantId: string; quantity: number }[] = [];
  for (const [orderId, perVariant] of need) {
    const ref = { refType: 'order', refId: orderId };
    const active = new Map<string, number>();
    for (const a of await reservationsOf(trx, shopId, 'order', orderId, ['active']))
      active.set(a.variantId, (active.get(a.variantId) ?? 0) + a.quantity);
    const whole = [...perVariant].filter(([v, q]) => active.get(v) === q).map(([v]) => v);
    if (whole.length)
      posted += (await shipReservation(trx, shopId, actor, { ...ref, variantIds: whole })).shipped.length;
    const partial = [...perVariant].filter(([v]) => !whole.includes(v));
    const release = partial.filter(([v]) => (active.get(v) ?? 0) > 0).map(([v]) => v);
    if (release.length) await releaseReservation(trx, shopId, actor, { ...ref, variantIds: release });
    for (const [variantId, quantity] of partial) separately.push({ variantId, quantity });
  }
  if (separately.length) {
    const ref = { refType: 'shipment', refId: shipmentId };
    const r = await reserveStock(trx, shopId, actor, { ...ref, lines: separately });
    if (!r.ok) {
      const skus = await trx
        .selectFrom('variants')
        .select(['id', 'sku'])
        .where('shop_id', '=', shopId)
        .where(
          'id',
          'in',
          r.shortages.map((s) => s.variantId),
        )
        .execute();
      const list = r.shortages.map(
        (s) =>
          `${skus.find((x) => x.id === s.variantId)?.sku ?? s.variantId} (${s.available}/${s.requested})`,
      );
      throw appError('CONFLICT', 'shipping.ship.stockShort', { skus: list.join(', ') });
    }
    posted += (await shipReservation(trx, shopId, actor, ref)).shipped.length;
  }
  return { posted };
}
