import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { chooseService } from './choose-service.ts';
import { type CreateShipmentInput, planShipment } from './plan-shipment.ts';
import { resolveSender } from './senders.ts';
import { nextShipmentNumber } from './shipment-number.ts';

/**
 * A shipment from one order, or several to the same address (merged), with its parcels. Created
 * 'packed' when a service was found (weights are always known), else 'draft'. The same client
 * key returns the shipment created the first time instead of a second one.
 */
export async function createShipment(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: CreateShipmentInput,
): Promise<{ id: string; replayed: boolean }> {
  if (input.clientKey) {
    const seen = await findByClientKey(trx, shopId, input.clientKey);
    if (seen) return { id: seen, replayed: true };
  }
  const plan = await planShipment(trx, shopId, input);
  // The orders are locked now: a concurrent request with the same key waited and sees ours.
  if (input.clientKey) {
    const seen = await findByClientKey(trx, shopId, input.clientKey);
    if (seen) return { id: seen, replayed: true };
  }
  const service = await chooseService(trx, shopId, plan, input.serviceId);
  const sender = await resolveSender(trx, shopId, null, input.senderId);
  const id = newId();
  const number = await nextShipmentNumber(trx, shopId);
  const now = new Date();
  await trx
    .insertInto('shipments')
    .values({
      shop_id: shopId,
      id,
      number,
      client_key: input.clientKey ?? null,
      status: service.serviceId ? 'packed' : 'draft',
      service_id: service.serviceId,
      service_code: service.code,
      service_name: service.name,
      carrier: service.carrier,
      carrier_account_id: service.carrierAccountId,
      service_reason: service.reason,
      sender_id: sender?.id ?? null,
      ship_to: JSON.stringify(plan.shipTo),
      address_key: plan.addressKey,
      destination_country: plan.shipTo.country,
      currency: plan.currency,
      value_minor: plan.valueMinor,
      contents: input.contents ?? 'merchandise',
      first_mile_carrier: input.firstMile?.carrier ?? null,
      first_mile_tracking: input.firstMile?.trackingNumber ?? null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
      packed_at: service.serviceId ? now : null,
    })
    .execute();
  await trx
    .insertInto('shipment_orders')
    .values(plan.orders.map((o) => ({ shop_id: shopId, shipment_id: id, order_id: o.id })))
    .execute();
  await insertParcels(trx, shopId, id, plan);
  await recordAudit(trx, shopId, actor, {
    action: 'shipment.created',
    entityType: 'shipment',
    entityId: id,
    changes: { number, orders: plan.orders.map((o) => o.ref), parcels: plan.parcels.length },
  });
  return { id, replayed: false };
}

export async function insertParcels(
  trx: Tx,
  shopId: string,
  id: string,
  plan: Awaited<ReturnType<typeof planShipment>>,
) {
  const orderOfLine = new Map(plan.lines.map((l) => [l.orderLineId, l.orderId]));
  await trx
    .insertInto('shipment_parcels')
    .values(
      plan.parcels.map((p, i) => ({
        shop_id: shopId,
        shipment_id: id,
        parcel_no: i + 1,
        weight_g: p.weightG,
        length_mm: p.dimsMm?.l ?? null,
        width_mm: p.dimsMm?.w ?? null,
        height_mm: p.dimsMm?.h ?? null,
      })),
    )
    .execute();
  const lines = plan.parcels.flatMap((p, i) => {
    // The same order line twice in one parcel is one row with the summed quantity.
    const merged = new Map<string, number>();
    for (const l of p.lines) merged.set(l.orderLineId, (merged.get(l.orderLineId) ?? 0) + l.quantity);
    return [...merged].map(([lineId, quantity]) => ({
      shop_id: shopId,
      shipment_id: id,
      parcel_no: i + 1,
      order_id: orderOfLine.get(lineId)!,
      order_line_id: lineId,
      quantity,
    }));
  });
  await trx.insertInto('shipment_lines').values(lines).execute();
}

async function findByClientKey(trx: Tx, shopId: string, key: string) {
  const r = await trx
    .selectFrom('shipments')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('client_key', '=', key)
    .executeTakeFirst();
  return r?.id;
}
