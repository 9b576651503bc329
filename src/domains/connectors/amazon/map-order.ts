import { currencyOfCountry } from '../../orders/core/markets.ts';
import { toE164 } from '../../orders/core/phone.ts';
import type { NormalisedLine, NormalisedOrder } from '../../orders/import/build-order.ts';
import type { OrderStatus } from '../../orders/tables.ts';
import { knownCurrency, toMinor } from '../money.ts';
import type { SpOrder, SpOrderItem } from './client.ts';

/** Orders API v0 OrderStatus → Cunkou status (Unfulfillable: an MCF order Amazon will not ship). */
export const amazonStatuses: Record<string, OrderStatus> = {
  PendingAvailability: 'pending',
  Pending: 'pending',
  Unshipped: 'paid',
  PartiallyShipped: 'partially_shipped',
  Shipped: 'shipped',
  InvoiceUnconfirmed: 'shipped',
  Canceled: 'cancelled',
  Unfulfillable: 'cancelled',
};

export function mapAmazonOrder(
  o: SpOrder,
  items: SpOrderItem[],
  fallbackCountry: string | null,
): NormalisedOrder {
  const addr = o.ShippingAddress ?? {};
  const country = (addr.CountryCode ?? fallbackCountry)?.toUpperCase() ?? null;
  const currency = (
    o.OrderTotal?.CurrencyCode ??
    items.find((i) => i.ItemPrice?.CurrencyCode)?.ItemPrice?.CurrencyCode ??
    currencyOfCountry(country)
  )?.toUpperCase();
  if (!knownCurrency(currency)) throw new Error(`order ${o.AmazonOrderId}: unknown currency`);
  const status = amazonStatuses[o.OrderStatus];
  if (!status) throw new Error(`order ${o.AmazonOrderId}: unknown status ${o.OrderStatus}`);
  const m = (x: { Amount?: string } | undefined) => toMinor(x?.Amount, currency);
  const lines = items.map((i): NormalisedLine => {
    // ItemPrice is the price of the whole line (unit price × quantity ordered).
    const lineTotal = m(i.ItemPrice);
    const qty = i.QuantityOrdered;
    return {
      externalLineId: i.OrderItemId,
      channelSku: i.SellerSKU || i.ASIN || i.OrderItemId,
      title: i.Title ?? null,
      quantity: qty,
      unitPrice: qty ? Math.round(lineTotal / qty) : lineTotal,
      lineTotal,
      tax: m(i.ItemTax),
      discount: Math.abs(m(i.PromotionDiscount)),
    };
  });
  const sum = (f: (i: SpOrderItem) => number) => items.reduce((s, i) => s + f(i), 0);
  const itemTotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const shipping = sum((i) => m(i.ShippingPrice));
  const tax = sum((i) => m(i.ItemTax) + m(i.ShippingTax));
  const discount = sum((i) => Math.abs(m(i.PromotionDiscount)) + Math.abs(m(i.ShippingDiscount)));
  const phoneRaw = addr.Phone ?? null;
  return {
    externalId: o.AmazonOrderId,
    status,
    channelStatus: o.OrderStatus,
    fulfillment: o.FulfillmentChannel === 'AFN' ? 'marketplace' : 'merchant',
    purchasedAt: new Date(o.PurchaseDate),
    channelUpdatedAt: o.LastUpdateDate ? new Date(o.LastUpdateDate) : null,
    buyerName: o.BuyerInfo?.BuyerName ?? null,
    buyerEmail: o.BuyerInfo?.BuyerEmail?.toLowerCase() ?? null,
    phone: phoneRaw ? toE164(phoneRaw, country) : null,
    phoneRaw,
    shipName: addr.Name ?? null,
    shipLine1: addr.AddressLine1 ?? null,
    shipLine2: [addr.AddressLine2, addr.AddressLine3].filter(Boolean).join(', ') || null,
    shipCity: addr.City ?? null,
    shipState: addr.StateOrRegion ?? null,
    shipPostcode: addr.PostalCode ?? null,
    shipCountry: country,
    currency,
    itemTotal,
    shipping,
    tax,
    discount,
    fees: null,
    total: o.OrderTotal?.Amount !== undefined ? m(o.OrderTotal) : itemTotal + shipping + tax - discount,
    paymentMethod: o.PaymentMethod ?? null,
    carrier: null,
    tracking: null,
    notes: null,
    lines,
  };
}
