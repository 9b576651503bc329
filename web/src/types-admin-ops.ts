// ---- admin-ops (orders bulk actions, order import wizard, stock ledger screens) ----

export interface BulkOrdersResult {
  updated: number;
  skipped: { id: string; reason: string }[];
  notFound: number;
}

export interface OrderImportError {
  row: number;
  field: string;
  message: string;
}

export interface OrderImportSample {
  externalId: string;
  status: string;
  purchasedAt: string;
  shipCountry: string | null;
  currency: string;
  total: number;
  lines: { channelSku: string; quantity: number; title: string | null }[];
}

export interface OrderImportResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: OrderImportError[];
  sample?: OrderImportSample[];
}

export interface OrderImportMapping {
  name: string;
  columns: Record<string, string>;
  settings?: { currency?: string; dayFirst?: boolean; decimalComma?: boolean; timeZone?: string };
}

export interface StockMovement {
  id: number;
  at: string;
  variantId: string;
  warehouseId: string;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  refType: string | null;
  refId: string | null;
  reason: string | null;
  lot: string | null;
  receivedOn: string | null;
  actorUserId: string | null;
  sku: string | null;
  warehouseCode: string | null;
  actorEmail: string | null;
}

export interface StockTransferLine {
  variantId: string;
  sku?: string | null;
  quantity: number;
  received?: number;
  shortfall?: number;
}

export interface StockTransfer {
  id: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  fromWarehouseCode?: string | null;
  toWarehouseCode?: string | null;
  status: 'in_transit' | 'received';
  reference: string | null;
  lines: StockTransferLine[];
  shippedAt: string;
  receivedAt: string | null;
}

export interface StocktakeReport {
  id: string;
  warehouseId: string;
  status: 'counted' | 'applied';
  variance: { variantId: string; sku: string; expected: number; counted: number; variance: number }[];
  createdAt: string;
  appliedAt: string | null;
}

export interface ChannelAccountFull {
  id: string;
  channel: string;
  name: string;
  marketplace: string | null;
  settings: unknown;
  createdAt: string;
}
