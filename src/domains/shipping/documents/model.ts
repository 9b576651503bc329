/**
 * Document model shared by shipments (H4), carrier connectors (H6) and the PDF renderers.
 * Money in integer minor units + ISO currency, weights in grams, dimensions in millimetres.
 */

export interface DocAddress {
  name: string;
  company?: string | null;
  lines: string[];
  city: string;
  region?: string | null;
  postcode?: string | null;
  country: string /* ISO 3166-1 alpha-2 */;
  phone?: string | null;
  email?: string | null;
}

export interface DocItem {
  sku: string;
  description: string /* declared name EN */;
  descriptionZh?: string | null;
  hsCode?: string | null;
  originCountry: string;
  quantity: number;
  unitWeightG: number;
  unitValueMinor: number;
  currency: string;
}

export interface ParcelDoc {
  shipmentNumber: string;
  parcelNo: number;
  parcelCount: number;
  sender: DocAddress;
  recipient: DocAddress;
  service: { code: string; name: string; carrier: string };
  trackingNumber?: string | null;
  weightG: number;
  dimsMm?: { l: number; w: number; h: number } | null;
  items: DocItem[];
  contents: 'merchandise' | 'gift' | 'documents' | 'sample' | 'returned_goods' | 'other';
  orderRefs: string[];
  createdAt: Date;
  battery?: string | null /* e.g. 'PI967 Section II' */;
  codAmount?: { amountMinor: number; currency: string } | null;
  senderReference?: string | null;
  importerReference?: string | null /* IOSS / VAT / EORI of the importer */;
}

export interface ShipmentDoc {
  shipmentNumber: string;
  invoiceNumber: string;
  date: Date;
  seller: DocAddress;
  buyer: DocAddress;
  shipTo: DocAddress;
  incoterm: 'DAP' | 'DDP' | 'EXW' | 'FOB' | 'CIF';
  currency: string;
  parcels: ParcelDoc[];
  freightMinor?: number | null;
  exportReason: string;
  orderRefs: string[];
  notes?: string | null;
}

export interface PickItem {
  location?: string | null;
  sku: string;
  title: string;
  quantity: number;
  shipmentNumber: string;
  orderRef: string;
}

export type LabelSource =
  | { kind: 'own'; parcel: ParcelDoc }
  | { kind: 'pdf'; bytes: Uint8Array; name: string };
