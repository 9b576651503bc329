import { createHash } from 'node:crypto';
import { missingAddressFields } from './core/address.ts';
import { importedStatus } from './core/lifecycle.ts';
import type { NormalisedOrder } from './import/build-order.ts';
import type { Component, OrderStatus } from './tables.ts';

/** An orders row as written in bulk (json_to_recordset): timestamps as ISO text. */
export interface OrderRow {
  shop_id: string;
  id: string;
  channel_account_id: string;
  channel: string;
  external_id: string;
  status: OrderStatus;
  channel_status: string | null;
  fulfillment: 'merchant' | 'marketplace';
  purchased_at: string;
  channel_updated_at: string | null;
  buyer_name: string | null;
  buyer_email: string | null;
  phone: string | null;
  phone_raw: string | null;
  ship_name: string | null;
  ship_line1: string | null;
  ship_line2: string | null;
  ship_city: string | null;
  ship_state: string | null;
  ship_postcode: string | null;
  ship_country: string | null;
  currency: string;
  item_total_minor: number;
  shipping_minor: number;
  tax_minor: number;
  discount_minor: number;
  fees_minor: number;
  total_minor: number;
  payment_method: string | null;
  carrier: string | null;
  tracking_number: string | null;
  notes: string | null;
  tags: string[];
  holds: string[];
  content_hash: string | null;
  /** Only written on insert. */
  source?: string | null;
}

export interface LineRow {
  shop_id: string;
  order_id: string;
  id: string;
  position: number;
  external_line_id: string | null;
  channel_sku: string;
  title: string | null;
  quantity: number;
  unit_price_minor: number;
  line_total_minor: number;
  tax_minor: number;
  discount_minor: number;
  components: Component[] | null;
}

/** Same file content → same hash → "unchanged" without comparing column by column. */
export const contentHash = (o: NormalisedOrder): string =>
  createHash('sha1').update(JSON.stringify(o)).digest('base64url');

const activeStatuses = new Set<OrderStatus>(['pending', 'paid', 'ready_to_ship', 'partially_shipped']);
const computedHolds = new Set(['unmapped_sku', 'incomplete_address']);

/** Holds the data itself implies, on top of the ones people set (compliance, manual). */
export function computeHolds(
  row: OrderRow,
  lines: readonly { components: unknown }[],
  kept: string[],
): string[] {
  const holds = kept.filter((h) => !computedHolds.has(h));
  if (lines.some((l) => !l.components)) holds.push('unmapped_sku');
  if (row.fulfillment === 'merchant' && activeStatuses.has(row.status) && missingAddressFields(row).length)
    holds.push('incomplete_address');
  return holds;
}

/** The file's values over the stored ones; what the file does not say is kept. */
export function mergeOrder(stored: OrderRow, o: NormalisedOrder, hash: string): OrderRow | null {
  const storedAt = stored.channel_updated_at ? new Date(stored.channel_updated_at) : null;
  if (storedAt && o.channelUpdatedAt && o.channelUpdatedAt < storedAt) return null; // older file
  const status = importedStatus(stored.status, o.status, storedAt, o.channelUpdatedAt);
  const or = <T>(a: T | null, b: T | null) => a ?? b;
  return {
    ...stored,
    status,
    channel_status: status === o.status ? or(o.channelStatus, stored.channel_status) : stored.channel_status,
    fulfillment: o.fulfillment,
    purchased_at: o.purchasedAt.toISOString(),
    channel_updated_at: o.channelUpdatedAt?.toISOString() ?? stored.channel_updated_at,
    buyer_name: or(o.buyerName, stored.buyer_name),
    buyer_email: or(o.buyerEmail, stored.buyer_email),
    phone: o.phoneRaw ? o.phone : stored.phone,
    phone_raw: or(o.phoneRaw, stored.phone_raw),
    ship_name: or(o.shipName, stored.ship_name),
    ship_line1: or(o.shipLine1, stored.ship_line1),
    ship_line2: or(o.shipLine2, stored.ship_line2),
    ship_city: or(o.shipCity, stored.ship_city),
    ship_state: or(o.shipState, stored.ship_state),
    ship_postcode: or(o.shipPostcode, stored.ship_postcode),
    ship_country: or(o.shipCountry, stored.ship_country),
    currency: o.currency,
    item_total_minor: o.itemTotal,
    shipping_minor: o.shipping,
    tax_minor: o.tax,
    discount_minor: o.discount,
    fees_minor: o.fees ?? stored.fees_minor,
    total_minor: o.total,
    payment_method: or(o.paymentMethod, stored.payment_method),
    carrier: or(o.carrier, stored.carrier),
    tracking_number: or(o.tracking, stored.tracking_number),
    notes: or(o.notes, stored.notes),
    content_hash: hash,
  };
}

/** A new order straight from the file (written out field by field: this runs per order in bulk imports). */
export function newOrderRow(
  base: Pick<OrderRow, 'shop_id' | 'id' | 'channel_account_id' | 'channel'>,
  o: NormalisedOrder,
  hash: string,
): OrderRow {
  return {
    shop_id: base.shop_id,
    id: base.id,
    channel_account_id: base.channel_account_id,
    channel: base.channel,
    external_id: o.externalId,
    status: o.status,
    channel_status: o.channelStatus,
    fulfillment: o.fulfillment,
    purchased_at: o.purchasedAt.toISOString(),
    channel_updated_at: o.channelUpdatedAt ? o.channelUpdatedAt.toISOString() : null,
    buyer_name: o.buyerName,
    buyer_email: o.buyerEmail,
    phone: o.phone,
    phone_raw: o.phoneRaw,
    ship_name: o.shipName,
    ship_line1: o.shipLine1,
    ship_line2: o.shipLine2,
    ship_city: o.shipCity,
    ship_state: o.shipState,
    ship_postcode: o.shipPostcode,
    ship_country: o.shipCountry,
    currency: o.currency,
    item_total_minor: o.itemTotal,
    shipping_minor: o.shipping,
    tax_minor: o.tax,
    discount_minor: o.discount,
    fees_minor: o.fees ?? 0,
    total_minor: o.total,
    payment_method: o.paymentMethod,
    carrier: o.carrier,
    tracking_number: o.tracking,
    notes: o.notes,
    tags: [],
    holds: [],
    content_hash: hash,
  };
}
