import type { FormatProfile } from './types.ts';

const amazonStatuses = {
  pending: 'pending',
  'pending - waiting for pick up': 'pending',
  unshipped: 'paid',
  partiallyshipped: 'partially_shipped',
  shipping: 'ready_to_ship',
  shipped: 'shipped',
  'shipped - delivered to buyer': 'delivered',
  delivered: 'delivered',
  complete: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
} as const;

/**
 * Amazon Seller Central "All Orders" flat file (Reports › Fulfilment › All Orders, tab-separated,
 * 32 columns, one row per order item, rows of one order adjacent). It has no street address and
 * no buyer, so merchant-fulfilled orders wait on `incomplete_address` until the unshipped-orders
 * report (or a person) fills the address in.
 */
export const amazonAllOrders: FormatProfile = {
  format: 'amazon',
  channel: 'amazon',
  label: 'Amazon All Orders report',
  columns: {
    orderId: ['amazon-order-id'],
    purchasedAt: ['purchase-date'],
    updatedAt: ['last-updated-date'],
    status: ['order-status'],
    fulfillment: ['fulfillment-channel'],
    title: ['product-name'],
    sku: ['sku'],
    quantity: ['quantity'],
    currency: ['currency'],
    linePrice: ['item-price'],
    itemTax: ['item-tax'],
    lineShipping: ['shipping-price'],
    shippingTax: ['shipping-tax'],
    itemDiscount: ['item-promotion-discount'],
    shipDiscount: ['ship-promotion-discount'],
    shipCity: ['ship-city'],
    shipState: ['ship-state'],
    shipPostcode: ['ship-postal-code'],
    shipCountry: ['ship-country'],
  },
  signature: ['amazon-order-id', 'merchant-order-id', 'fulfillment-channel', 'item-status', 'asin'],
  required: ['orderId', 'purchasedAt', 'status', 'sku', 'quantity', 'currency'],
  statuses: amazonStatuses,
  marketplaceFulfilled: (v) => /^(amazon|afn)$/i.test(v.trim()),
};

/**
 * Amazon "Unshipped Orders" / order report (Orders › Order Reports): merchant-fulfilled orders
 * awaiting shipment, with buyer, phone and full address. Column list from the brief of issue 3
 * (matching the Seller Central order report); `order-item-id` keys the lines.
 */
export const amazonUnshipped: FormatProfile = {
  format: 'amazon-unshipped',
  channel: 'amazon',
  label: 'Amazon unshipped orders report',
  columns: {
    orderId: ['order-id'],
    lineId: ['order-item-id'],
    purchasedAt: ['purchase-date'],
    paidAt: ['payments-date'],
    buyerEmail: ['buyer-email'],
    buyerName: ['buyer-name'],
    buyerPhone: ['buyer-phone-number'],
    sku: ['sku'],
    title: ['product-name'],
    quantity: ['quantity-to-ship', 'quantity-purchased'],
    currency: ['currency'],
    linePrice: ['item-price'],
    itemTax: ['item-tax'],
    lineShipping: ['shipping-price'],
    shippingTax: ['shipping-tax'],
    shipName: ['recipient-name'],
    shipLine1: ['ship-address-1'],
    shipLine2: ['ship-address-2'],
    shipLine3: ['ship-address-3'],
    shipCity: ['ship-city'],
    shipState: ['ship-state'],
    shipPostcode: ['ship-postal-code'],
    shipCountry: ['ship-country'],
    shipPhone: ['ship-phone-number'],
    notes: ['delivery-Instructions'],
  },
  signature: ['order-id', 'order-item-id', 'payments-date', 'recipient-name', 'ship-address-1'],
  required: ['orderId', 'purchasedAt', 'sku', 'quantity'],
  statuses: {},
  defaultStatus: 'paid',
};
