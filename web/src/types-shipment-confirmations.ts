// ---- shipment-confirmations (write-back of shipments to channels) ----

export type ShipmentConfirmationStatus =
  | 'pending'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'file_exported'
  | 'uploaded';

export interface ShipmentConfirmation {
  id: string;
  orderId: string;
  externalOrderId: string;
  carrier: string;
  carrierCode: string;
  carrierName: string;
  shipMethod: string | null;
  trackingNumber: string;
  shippedAt: string;
  lines: { orderLineId: string; externalLineId: string | null; sku: string; quantity: number }[];
  status: ShipmentConfirmationStatus;
  attempts: number;
  lastError: string | null;
  exportBatch: string | null;
  sentAt: string | null;
  exportedAt: string | null;
  uploadedAt: string | null;
  createdAt: string;
}

export interface ShipmentConfirmationList {
  account: { id: string; name: string; channel: string; connected: boolean };
  counts: Record<ShipmentConfirmationStatus, number>;
  items: ShipmentConfirmation[];
}

export interface ShipmentConfirmationPushResult {
  connected: boolean;
  sent: number;
  failed: number;
  outcomes: {
    id: string;
    orderId: string;
    externalOrderId: string;
    trackingNumber: string;
    status: 'sent' | 'failed';
    error: string | null;
  }[];
}

export interface ShipmentConfirmationExport {
  batch: string;
  format: 'amazon' | 'shopee';
  count: number;
  fileName: string;
  downloadUrl: string;
}
