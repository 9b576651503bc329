/**
 * Queue "this order shipped with carrier X, tracking number Y" for the order's channel. Called by
 * the shipping domain inside its own transaction when a shipment is marked shipped. Idempotent
 * on (order, tracking number): a second call for the same pair changes nothing once the
 * confirmation left 'pending', and refreshes it while it still waits.
 */
import { sql } from 'kysely';
import { appError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { channelCarrier } from './carrier-map.ts';
import type { ConfirmationLine } from './tables.ts';

export interface ShipmentConfirmationInput {
  orderId: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  shippedAt: Date;
  shipMethod?: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

/** Channels whose shipping confirmation Cunkou can send (API) or write (upload file). */
export const confirmableChannels = new Set(['amazon', 'shopee']);

export async function recordShipmentConfirmations(
  trx: Tx,
  shopId: string,
  items: ShipmentConfirmationInput[],
): Promise<{ recorded: number }> {
  let recorded = 0;
  for (const item of items) {
    const tracking = item.trackingNumber.replace(/\s+/g, '').toUpperCase();
    if (!tracking)
      throw appError('VALIDATION_FAILED', 'shipmentConfirmations.trackingRequired', {
        orderId: item.orderId,
      });
    const order = await trx
      .selectFrom('orders')
      .select(['id', 'channel_account_id', 'channel', 'external_id', 'fulfillment'])
      .where('shop_id', '=', shopId)
      .where('id', '=', item.orderId)
      .executeTakeFirst();
    if (!order) throw appError('NOT_FOUND', 'shipmentConfirmations.orderNotFound', { orderId: item.orderId });
    // Marketplace-fulfilled orders (FBA) and channels without a write-back are not confirmed.
    if (!confirmableChannels.has(order.channel) || order.fulfillment !== 'merchant') continue;
    const lines = await confirmationLines(trx, shopId, item);
    const carrier = channelCarrier(order.channel, item.carrier, item.carrierName);
    const values = {
      carrier: item.carrier.trim().toLowerCase(),
      channel_carrier_code: carrier.code,
      channel_carrier_name: carrier.name,
      ship_method: item.shipMethod?.trim() || null,
      shipped_at: item.shippedAt,
      lines: JSON.stringify(lines),
    };
    const inserted = await trx
      .insertInto('channel_shipment_confirmations')
      .values({
        shop_id: shopId,
        id: newId(),
        order_id: order.id,
        account_id: order.channel_account_id,
        channel: order.channel,
        external_order_id: order.external_id,
        tracking_number: tracking,
        ...values,
      })
      .onConflict((oc) =>
        oc
          .columns(['shop_id', 'order_id', 'tracking_number'])
          .doUpdateSet({ ...values, updated_at: new Date() })
          .where('channel_shipment_confirmations.status', '=', 'pending'),
      )
      // xmax = 0 only on a freshly inserted row: a refreshed pending one is not counted again.
      .returning(sql<boolean>`(xmax = 0)`.as('fresh'))
      .executeTakeFirst();
    if (inserted?.fresh) recorded++;
  }
  return { recorded };
}

/** The lines with the channel's own line ids; no lines given means the whole order. */
async function confirmationLines(
  trx: Tx,
  shopId: string,
  item: ShipmentConfirmationInput,
): Promise<ConfirmationLine[]> {
  const rows = await trx
    .selectFrom('order_lines')
    .select(['id', 'external_line_id', 'channel_sku', 'quantity'])
    .where('shop_id', '=', shopId)
    .where('order_id', '=', item.orderId)
    .orderBy('position')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const wanted = item.lines.length
    ? item.lines
    : rows.map((r) => ({ orderLineId: r.id, quantity: r.quantity }));
  const out = new Map<string, ConfirmationLine>();
  for (const l of wanted) {
    const row = byId.get(l.orderLineId);
    if (!row)
      throw appError('VALIDATION_FAILED', 'shipmentConfirmations.unknownLine', {
        lineId: l.orderLineId,
        orderId: item.orderId,
      });
    const quantity = (out.get(row.id)?.quantity ?? 0) + l.quantity;
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || quantity > row.quantity)
      throw appError('VALIDATION_FAILED', 'shipmentConfirmations.badQuantity', {
        lineId: l.orderLineId,
        quantity: l.quantity,
        max: row.quantity,
      });
    out.set(row.id, {
      orderLineId: row.id,
      externalLineId: row.external_line_id,
      sku: row.channel_sku,
      quantity,
    });
  }
  return [...out.values()];
}
