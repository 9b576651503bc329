/** Carrier API accounts (src/domains/carriers), as the admin reads them. */
export interface CarrierAccount {
  id: string;
  carrier: '4px' | 'yunexpress';
  name: string;
  environment: 'sandbox' | 'production';
  baseUrl: string | null;
  productCode: string;
  /** Masked hints only ('••••a1b2'); the secrets are never sent to the browser. */
  credentials: Record<string, string>;
  active: boolean;
  lastTest: { at: string; ok: boolean | null; message: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface CarrierTestResult {
  ok: boolean;
  message: string;
}

export interface CarrierLabel {
  id: string;
  idempotencyKey: string;
  accountId: string;
  carrier: string;
  customerRef: string;
  carrierOrderId: string;
  trackingNumber: string;
  lastMile: { carrier: string; trackingNumber: string } | null;
  status: 'bought' | 'cancelled';
  cancelledAt: string | null;
  createdAt: string;
}

export interface CarrierPullResult {
  labels: number;
  fetched: number;
  inserted: number;
  duplicates: number;
  failed: { trackingNumber: string; error: string }[];
}
