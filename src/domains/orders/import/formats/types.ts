import type { Channel, OrderStatus } from '../../tables.ts';

/**
 * What one row of a channel export can tell us. `order*` fields are order-level: channels repeat
 * them on every line row, so they are read once per order; the others are per line and summed.
 */
export const fields = [
  'orderId',
  'lineId',
  'status',
  'purchasedAt',
  'paidAt',
  'updatedAt',
  'fulfillment',
  'buyerName',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipLine1',
  'shipLine2',
  'shipLine3',
  'shipDistrict',
  'shipCity',
  'shipState',
  'shipPostcode',
  'shipCountry',
  'shipPhone',
  'currency',
  'sku',
  'title',
  'variation',
  'quantity',
  'linePrice',
  'unitPrice',
  'itemTax',
  'lineShipping',
  'shippingTax',
  'itemDiscount',
  'shipDiscount',
  'orderShipping',
  'orderTotal',
  'fees',
  'paymentMethod',
  'tracking',
  'carrier',
  'notes',
] as const;
export type Field = (typeof fields)[number];

export type ImportFormat = 'amazon' | 'amazon-unshipped' | 'shopee' | 'tiktok' | 'aliexpress' | 'generic';

export interface FormatProfile {
  format: ImportFormat;
  channel: Channel;
  /** Shown in "this file looks like …" messages. */
  label: string;
  /** Field → the header(s) the channel uses, every language it exports in. `fees` may list several. */
  columns: Partial<Record<Field, readonly string[]>>;
  /** Headers that together identify this export (used to detect the channel of a file). */
  signature: readonly string[];
  /** Fields a row cannot do without. */
  required: readonly Field[];
  /** Channel status text (lower case) → our status; missing column → `defaultStatus`. */
  statuses: Readonly<Record<string, OrderStatus>>;
  defaultStatus?: OrderStatus;
  /** Amazon: "AFN"/"Amazon" means the marketplace ships it (FBA). */
  marketplaceFulfilled?: (value: string) => boolean;
}
