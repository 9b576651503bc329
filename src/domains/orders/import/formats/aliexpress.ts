import type { FormatProfile } from './types.ts';

/**
 * AliExpress Seller Center order export. UNCONFIRMED HEADERS: the stored sources only document
 * the Open Platform API (order_status codes such as WAIT_SELLER_SEND_GOODS, which are mapped
 * below), not the spreadsheet's column names. These are the names the English Seller Center
 * shows on the order list; correct them here (one list per field) when a real file disagrees.
 */
export const aliexpress: FormatProfile = {
  format: 'aliexpress',
  channel: 'aliexpress',
  label: 'AliExpress order export',
  columns: {
    orderId: ['Order No.', 'Order Number', 'Order ID'],
    status: ['Order Status'],
    purchasedAt: ['Order Date', 'Order Time', 'Order Created Time'],
    paidAt: ['Payment Date', 'Payment Time'],
    buyerName: ['Buyer Name', 'Buyer'],
    sku: ['SKU Code', 'Merchant SKU', 'SKU'],
    title: ['Product Name', 'Product Information'],
    variation: ['Product Attributes', 'SKU Attributes'],
    quantity: ['Quantity', 'Product Quantity'],
    unitPrice: ['Unit Price', 'Product Price'],
    orderShipping: ['Shipping Cost', 'Logistics Amount'],
    orderTotal: ['Order Amount', 'Total Amount'],
    currency: ['Currency'],
    shipName: ['Receiver Name', 'Contact Person', 'Consignee'],
    shipLine1: ['Address', 'Street Address', 'Address 1'],
    shipLine2: ['Address 2'],
    shipCity: ['City'],
    shipState: ['State/Province', 'Province'],
    shipPostcode: ['Zip Code', 'Zip', 'Postal Code'],
    shipCountry: ['Country', 'Buyer Country'],
    shipPhone: ['Mobile', 'Phone', 'Phone Number'],
    tracking: ['Tracking Number'],
    carrier: ['Logistics Company', 'Shipping Method'],
    notes: ['Buyer Remark', 'Order Notes'],
  },
  signature: [
    'Order No.|Order Number',
    'Buyer Name|Buyer',
    'Logistics Amount|Shipping Cost',
    'Product Information|Product Name',
    'Receiver Name|Contact Person|Consignee',
  ],
  required: ['orderId', 'purchasedAt', 'sku', 'quantity'],
  statuses: {
    place_order_success: 'pending',
    'awaiting payment': 'pending',
    payment_processing: 'pending',
    risk_control: 'paid',
    wait_seller_send_goods: 'paid',
    'awaiting shipment': 'paid',
    seller_part_send_goods: 'partially_shipped',
    'partial shipment': 'partially_shipped',
    wait_buyer_accept_goods: 'shipped',
    'awaiting delivery': 'shipped',
    fund_processing: 'delivered',
    finish: 'completed',
    completed: 'completed',
    in_cancel: 'cancelled',
    closed: 'cancelled',
    cancelled: 'cancelled',
    in_issue: 'return_requested',
    'in dispute': 'return_requested',
  },
};
