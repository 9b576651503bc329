import { currencyOfCountry } from '../../orders/core/markets.ts';
import { toE164 } from '../../orders/core/phone.ts';
import type { NormalisedLine, NormalisedOrder } from '../../orders/import/build-order.ts';
import type { OrderStatus } from '../../orders/tables.ts';
import { knownCurrency, toMinor } from '../money.ts';
import type { ShopeeOrderDetail } from './client.ts';

/**
 * Shopee order_status → Cunkou status. READY_TO_SHIP is Shopee's "to ship" (paid, seller must
 * arrange shipment); PROCESSED means the shipment is arranged. IN_CANCEL is only a buyer's
 * request: the order stays paid (and its stock reserved) until Shopee says CANCELLED.
 */
export const shopeeStatuses: Record<string, OrderStatus> = {
  UNPAID: 'pending',
  INVOICE_PENDING: 'pending',
  READY_TO_SHIP: 'paid',
  IN_CANCEL: 'paid',
  PROCESSED: 'ready_to_ship',
  RETRY_SHIP: 'ready_to_ship',
  SHIPPED: 'shipped',
  TO_CONFIRM_RECEIVE: 'delivered',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  TO_RETURN: 'return_requested',
};

export function mapShopeeOrder(d: ShopeeOrderDetail, fallbackCountry: string | null): NormalisedOrder {
  const a = d.recipient_address ?? {};
  const country = (a.region ?? d.region ?? fallbackCountry)?.toUpperCase() ?? null;
  const currency = (d.currency ?? currencyOfCountry(country))?.toUpperCase();
  if (!knownCurrency(currency)) throw new Error(`order ${d.order_sn}: unknown currency ${d.currency}`);
  const status = shopeeStatuses[d.order_status];
  if (!status) throw new Error(`order ${d.order_sn}: unknown status ${d.order_status}`);
  const lines = (d.item_list ?? []).map((i): NormalisedLine => {
    // The discounted price is what the buyer pays per unit; it already contains the discount.
    const unit = toMinor(i.model_discounted_price ?? i.model_original_price, currency);
    const qty = i.model_quantity_purchased;
    return {
      externalLineId: `${i.item_id}:${i.model_id}`,
      channelSku: i.model_sku || i.item_sku || `${i.item_id}:${i.model_id}`,
      title: [i.item_name, i.model_name].filter(Boolean).join(' — ') || null,
      quantity: qty,
      unitPrice: unit,
      lineTotal: unit * qty,
      tax: 0,
      discount: 0,
    };
  });
  const itemTotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const shipping = toMinor(d.actual_shipping_fee ?? d.estimated_shipping_fee, currency);
  const line2 = [a.district, a.town].filter(Boolean).join(', ');
  return {
    externalId: d.order_sn,
    status,
    channelStatus: d.order_status,
    fulfillment: 'merchant',
    purchasedAt: new Date(d.create_time * 1000),
    channelUpdatedAt: d.update_time ? new Date(d.update_time * 1000) : null,
    buyerName: d.buyer_username ?? null,
    buyerEmail: null,
    phone: a.phone ? toE164(a.phone, country) : null,
    phoneRaw: a.phone ?? null,
    shipName: a.name ?? null,
    shipLine1: a.full_address ?? null,
    shipLine2: line2 || null,
    shipCity: a.city ?? null,
    shipState: a.state ?? null,
    shipPostcode: a.zipcode ?? null,
    shipCountry: country,
    currency,
    itemTotal,
    shipping,
    tax: 0,
    discount: 0,
    fees: null,
    total: d.total_amount === undefined ? itemTotal + shipping : toMinor(d.total_amount, currency),
    paymentMethod: d.cod ? 'COD' : (d.payment_method ?? null),
    carrier: d.shipping_carrier ?? null,
    tracking: null,
    notes: d.message_to_seller || d.note || null,
    lines,
  };
}
