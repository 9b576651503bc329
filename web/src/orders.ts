/** Order, mapping and stock shapes (src/domains/orders, src/domains/inventory) and money display. */

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'ready_to_ship',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'return_requested',
  'returned',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const HOLDS = ['unmapped_sku', 'incomplete_address', 'insufficient_stock'] as const;

/** Manual one-step moves (mirrors src/domains/orders/core/lifecycle.ts; the server has the last word). */
export const NEXT_STATUSES: Record<OrderStatus, OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['ready_to_ship', 'partially_shipped', 'shipped', 'cancelled', 'refunded'],
  ready_to_ship: ['paid', 'partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['shipped', 'delivered', 'cancelled'],
  shipped: ['delivered', 'completed', 'return_requested'],
  delivered: ['completed', 'return_requested'],
  completed: ['return_requested'],
  return_requested: ['returned', 'refunded', 'completed'],
  returned: ['refunded'],
  cancelled: ['refunded'],
  refunded: [],
};

export const STATUS_COLORS: Record<OrderStatus, string> = {
  pending: 'default',
  paid: 'blue',
  ready_to_ship: 'cyan',
  partially_shipped: 'geekblue',
  shipped: 'purple',
  delivered: 'green',
  completed: 'green',
  cancelled: 'red',
  return_requested: 'orange',
  returned: 'volcano',
  refunded: 'magenta',
};

export interface ChannelAccount {
  id: string;
  channel: string;
  name: string;
  marketplace: string | null;
}

export interface OrderListItem {
  id: string;
  externalId: string;
  channel: string;
  accountId: string;
  accountName: string;
  status: OrderStatus;
  fulfillment: string;
  purchasedAt: string;
  buyerName: string | null;
  country: string | null;
  currency: string;
  totalMinor: number;
  paymentMethod: string | null;
  trackingNumber: string | null;
  tags: string[];
  holds: string[];
  lines: number;
  units: number;
}

export interface Component {
  variantId: string;
  sku: string;
  quantity: number;
}

export interface OrderLine {
  id: string;
  externalLineId: string | null;
  channelSku: string;
  title: string | null;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  taxMinor: number;
  discountMinor: number;
  components: Component[] | null;
}

export interface OrderEvent {
  at: string;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  data: Record<string, unknown> | null;
  actor: string | null;
}

export interface OrderDetail {
  id: string;
  externalId: string;
  channel: string;
  account: { id: string; name: string; marketplace: string | null };
  status: OrderStatus;
  channelStatus: string | null;
  fulfillment: string;
  purchasedAt: string;
  buyer: { name: string | null; email: string | null; phone: string | null; phoneRaw: string | null };
  shipTo: Record<'name' | 'line1' | 'line2' | 'city' | 'state' | 'postcode' | 'country', string | null>;
  currency: string;
  amounts: Record<
    'itemTotalMinor' | 'shippingMinor' | 'taxMinor' | 'discountMinor' | 'feesMinor' | 'totalMinor',
    number
  >;
  paymentMethod: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  notes: string | null;
  tags: string[];
  holds: string[];
  lines: OrderLine[];
  timeline: OrderEvent[];
}

export interface MappingQueueItem {
  channelSku: string;
  accountId: string;
  accountName: string;
  orders: number;
  units: number;
  oldest: string;
}

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
  priority: number;
  active: boolean;
}

export const WAREHOUSE_KINDS = ['factory', 'domestic_3pl', 'overseas_3pl', 'marketplace', 'bonded'] as const;

export interface StockLevel {
  variantId: string;
  sku: string;
  productId: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  available: number;
  updatedAt: string;
}

/** Minor units → "¥1,200" / "$12.50", using the currency's own number of decimals. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    const fmt = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { style: 'currency', currency });
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    return fmt.format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}
