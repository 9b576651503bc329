/** Shipments API shapes (src/domains/shipping). */
export type ShipmentStatus = 'draft' | 'packed' | 'labelled' | 'shipped' | 'cancelled';
export const SHIPMENT_STATUSES: ShipmentStatus[] = ['draft', 'packed', 'labelled', 'shipped', 'cancelled'];

export interface ShipmentListItem {
  id: string;
  number: string;
  status: ShipmentStatus;
  serviceId: string | null;
  serviceName: string | null;
  carrier: string | null;
  destinationCountry: string;
  recipient: string;
  orderRefs: string[];
  parcelCount: number;
  trackingNumber: string | null;
  valueMinor: number;
  currency: string;
  createdAt: string;
  shippedAt: string | null;
}

export interface Dims {
  l: number;
  w: number;
  h: number;
}

export interface ShipTo {
  name: string;
  lines: string[];
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
  phone: string | null;
  email: string | null;
}

export interface ShipmentParcel {
  parcelNo: number;
  weightG: number;
  dimsMm: Dims | null;
  labelKind: 'own' | 'carrier' | null;
  trackingNumber: string | null;
  carrierOrderId: string | null;
  lastMile: { carrier: string | null; trackingNumber: string } | null;
  lines: {
    orderId: string;
    orderLineId: string;
    sku: string;
    title: string | null;
    quantity: number;
    ordered: number;
    unitPriceMinor: number;
  }[];
}

export interface ShipmentDetail {
  id: string;
  number: string;
  status: ShipmentStatus;
  service: {
    id: string;
    code: string | null;
    name: string | null;
    carrier: string | null;
    viaApi: boolean;
  } | null;
  serviceReason: string | null;
  shipTo: ShipTo;
  destinationCountry: string;
  currency: string;
  valueMinor: number;
  contents: string;
  firstMile: { carrier: string | null; trackingNumber: string } | null;
  note: string | null;
  createdAt: string;
  packedAt: string | null;
  labelledAt: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  orders: { id: string; ref: string; status: string; channel: string; holds: string[] }[];
  parcels: ShipmentParcel[];
  trackingPath?: string | null;
  customsForm?: 'cn22' | 'cn23';
  replayed?: boolean;
}

export interface RateOption {
  serviceId: string;
  code: string;
  name: string;
  carrier: string;
  mode: string;
  currency: string;
  totalMinor: number;
  breakdown: { kind: string; amountMinor: number; label: string }[];
  chargeableWeightG: number;
  transitDays: { min: number; max: number } | null;
}

export interface RateExclusion {
  serviceId: string;
  code: string;
  name: string;
  reasons: { code: string; message: string }[];
}

export interface ShipmentPreview {
  orders: { id: string; ref: string; status: string }[];
  shipTo: ShipTo;
  currency: string;
  valueMinor: number;
  lines: {
    orderId: string;
    orderRef: string;
    orderLineId: string;
    sku: string;
    title: string | null;
    ordered: number;
    remaining: number;
    unitWeightG: number;
  }[];
  parcels: { weightG: number; dimsMm: Dims | null; lines: { orderLineId: string; quantity: number }[] }[];
  weightG: number;
  assigned: { serviceId: string | null; name: string | null; reason: string };
  options: RateOption[];
  excluded: RateExclusion[];
  quoteProblem: string | null;
}

export type ScanOutcome =
  | 'shipped'
  | 'already_shipped'
  | 'unknown'
  | 'typo'
  | 'cancelled'
  | 'on_hold'
  | 'not_labelled'
  | 'refused';

export interface ScanResult {
  code: string;
  outcome: ScanOutcome;
  shipmentId?: string;
  number?: string;
  shippedAt?: string | null;
  message: string;
}
