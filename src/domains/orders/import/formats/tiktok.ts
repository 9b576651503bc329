import type { FormatProfile } from './types.ts';

/**
 * TikTok Shop Seller Center order export (Orders › Export, CSV, 52 columns; headers from
 * REFERENCE.md). One row per SKU; "Order Amount" is the order total repeated on each row.
 * Times are the shop's local wall-clock time ("11/20/2026 08:15:30 AM" in the US).
 */
export const tiktok: FormatProfile = {
  format: 'tiktok',
  channel: 'tiktok',
  label: 'TikTok Shop order export',
  columns: {
    orderId: ['Order ID'],
    status: ['Order Status'],
    sku: ['Seller SKU'],
    title: ['Product Name'],
    variation: ['Variation'],
    quantity: ['Quantity'],
    unitPrice: ['SKU Unit Original Price'],
    linePrice: ['SKU Subtotal After Discount'],
    itemDiscount: ['SKU Seller Discount', 'SKU Platform Discount'],
    orderShipping: ['Shipping Fee After Discount'],
    orderTotal: ['Order Amount'],
    purchasedAt: ['Created Time'],
    paidAt: ['Paid Time'],
    tracking: ['Tracking ID'],
    carrier: ['Shipping Provider Name'],
    notes: ['Buyer Message'],
    buyerName: ['Buyer Username'],
    shipName: ['Recipient'],
    shipPhone: ['Phone #'],
    shipCountry: ['Country'],
    shipState: ['Province'],
    shipCity: ['District'],
    shipDistrict: ['Commune'],
    shipLine1: ['Detail Address'],
    shipLine2: ['Additional address information'],
    shipPostcode: ['Zipcode'],
    paymentMethod: ['Payment Method'],
  },
  signature: ['Order ID', 'Order Substatus', 'Seller SKU', 'Buyer Username', 'Phone #', 'Detail Address'],
  required: ['orderId', 'purchasedAt', 'sku', 'quantity'],
  statuses: {
    unpaid: 'pending',
    'on hold': 'pending',
    'awaiting shipment': 'paid',
    'to ship': 'paid',
    'awaiting collection': 'ready_to_ship',
    'in transit': 'shipped',
    shipped: 'shipped',
    delivered: 'delivered',
    completed: 'completed',
    cancelled: 'cancelled',
    canceled: 'cancelled',
  },
};
