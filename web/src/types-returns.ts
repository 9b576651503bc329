// Returns (RMA): src/domains/returns.
export type RmaStatus = 'requested' | 'partially_received' | 'received' | 'closed' | 'cancelled' | 'rejected';
export type RmaDisposition = 'sellable' | 'quarantine' | 'writeoff';

export interface RmaListItem {
  id: string;
  number: string;
  status: RmaStatus;
  reason: string;
  orderId: string;
  orderExternalId: string;
  channel: string;
  fulfillment: 'merchant' | 'marketplace';
  currency: string;
  refundMinor: number | null;
  units: number;
  received: number;
  createdAt: string;
}

export interface RmaLine {
  id: string;
  orderLineId: string;
  channelSku: string;
  title: string | null;
  quantity: number;
  received: number;
  components: { variantId: string; sku: string; quantity: number }[] | null;
}

export interface RmaHold {
  id: string;
  lineId: string;
  variantId: string;
  sku: string;
  warehouseId: string;
  warehouseCode: string | null;
  quantity: number;
  status: 'held' | 'released' | 'written_off';
  settledAt: string | null;
}

export interface RmaDetail {
  id: string;
  number: string;
  status: RmaStatus;
  reason: string;
  note: string | null;
  fulfillment: 'merchant' | 'marketplace';
  touchesStock: boolean;
  currency: string;
  refundMinor: number | null;
  refundNote: string | null;
  refundedAt: string | null;
  createdAt: string;
  order: {
    id: string;
    externalId: string;
    status: string;
    channel: string;
    totalMinor: number;
    refundableMinor: number;
  };
  lines: RmaLine[];
  receipts: {
    id: string;
    lines: { lineId: string; quantity: number; warehouseId: string | null; disposition: RmaDisposition }[];
    createdAt: string;
  }[];
  holds: RmaHold[];
  timeline: { at: string; type: string; data: Record<string, unknown>; actor: string | null }[];
}
