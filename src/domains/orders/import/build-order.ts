import { type FieldIssue, issue } from '../../../kernel/errors.ts';
import { toE164 } from '../core/phone.ts';
import type { Fulfillment, OrderStatus } from '../tables.ts';
import type { ParsedRow } from './parse-row.ts';

export interface NormalisedLine {
  externalLineId: string | null;
  channelSku: string;
  title: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  tax: number;
  discount: number;
}

/** One order as the channel file states it; `null` = the file does not say (keep what we have). */
export interface NormalisedOrder {
  externalId: string;
  status: OrderStatus;
  channelStatus: string | null;
  fulfillment: Fulfillment;
  purchasedAt: Date;
  channelUpdatedAt: Date | null;
  buyerName: string | null;
  buyerEmail: string | null;
  phone: string | null;
  phoneRaw: string | null;
  shipName: string | null;
  shipLine1: string | null;
  shipLine2: string | null;
  shipCity: string | null;
  shipState: string | null;
  shipPostcode: string | null;
  shipCountry: string | null;
  currency: string;
  itemTotal: number;
  shipping: number;
  tax: number;
  discount: number;
  fees: number | null;
  total: number;
  paymentMethod: string | null;
  carrier: string | null;
  tracking: string | null;
  notes: string | null;
  lines: NormalisedLine[];
}

/**
 * The rows of one order → one order. Any bad row fails the whole order (no half orders); the
 * issues of every row are returned so the seller fixes them all at once.
 */
export function buildOrder(rows: ParsedRow[]): { order: NormalisedOrder } | { issues: FieldIssue[] } {
  const issues = rows.flatMap((r) => r.issues);
  const first = rows[0]!;
  const currency = first.currency;
  for (const r of rows.slice(1)) {
    if (r.currency && currency && r.currency !== currency)
      issues.push(
        issue(
          'currency',
          'orders.row.mixedCurrency',
          { orderId: first.externalId, a: currency, b: r.currency },
          r.row,
        ),
      );
  }
  if (issues.length || !currency || !first.purchasedAt) return { issues };
  const pick = (f: keyof ParsedRow['text']) => rows.find((r) => r.text[f])?.text[f] ?? null;
  const firstAmount = (f: keyof ParsedRow['amounts']) =>
    rows.find((r) => r.amounts[f] !== undefined)?.amounts[f];
  const sum = (f: keyof ParsedRow['amounts']) => rows.reduce((s, r) => s + (r.amounts[f] ?? 0), 0);
  const abs = (f: keyof ParsedRow['amounts']) => rows.reduce((s, r) => s + Math.abs(r.amounts[f] ?? 0), 0);

  const lines = rows.map((r): NormalisedLine => {
    const lineTotal = r.amounts.linePrice ?? (r.amounts.unitPrice ?? 0) * r.quantity;
    const title = [r.text.title, r.text.variation].filter(Boolean).join(' — ') || null;
    return {
      externalLineId: r.text.lineId ?? null,
      channelSku: r.text.sku!,
      title,
      quantity: r.quantity,
      unitPrice: r.amounts.unitPrice ?? Math.round(lineTotal / r.quantity),
      lineTotal,
      tax: r.amounts.itemTax ?? 0,
      discount: Math.abs(r.amounts.itemDiscount ?? 0),
    };
  });
  const itemTotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const shipping = firstAmount('orderShipping') ?? sum('lineShipping');
  const tax = sum('itemTax') + sum('shippingTax');
  const discount = abs('itemDiscount') + abs('shipDiscount');
  const fees = firstAmount('fees');
  const phoneRaw = pick('shipPhone') ?? pick('buyerPhone');
  const country = first.country;
  const line2 = [pick('shipLine2'), pick('shipLine3'), pick('shipDistrict')].filter(Boolean).join(', ');
  return {
    order: {
      externalId: first.externalId,
      status: first.status ?? 'paid',
      channelStatus: first.channelStatus,
      fulfillment: first.marketplaceFulfilled ? 'marketplace' : 'merchant',
      purchasedAt: first.purchasedAt,
      channelUpdatedAt: rows.reduce<Date | null>(
        (m, r) => (r.updatedAt && (!m || r.updatedAt > m) ? r.updatedAt : m),
        null,
      ),
      buyerName: pick('buyerName'),
      buyerEmail: pick('buyerEmail')?.toLowerCase() ?? null,
      phone: phoneRaw ? toE164(phoneRaw, country) : null,
      phoneRaw,
      shipName: pick('shipName'),
      shipLine1: pick('shipLine1'),
      shipLine2: line2 || null,
      shipCity: pick('shipCity'),
      shipState: pick('shipState'),
      shipPostcode: pick('shipPostcode'),
      shipCountry: country,
      currency,
      itemTotal,
      shipping,
      tax,
      discount,
      fees: fees === undefined ? null : Math.abs(fees),
      total: firstAmount('orderTotal') ?? itemTotal + shipping + tax - discount,
      paymentMethod: pick('paymentMethod'),
      carrier: pick('carrier'),
      tracking: pick('tracking'),
      notes: pick('notes'),
      lines,
    },
  };
}
