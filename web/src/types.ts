/** Shapes from docs/api-contract.md. */

export type Role = 'owner' | 'operator' | 'warehouse' | 'finance' | 'service';
export type Locale = 'zh-CN' | 'en';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
}

export interface ShopRef {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

export interface Session {
  user: User;
  shops: ShopRef[];
  csrfToken: string;
}

export interface Shop {
  id: string;
  slug: string;
  name: string;
  sourceLocale: string;
  targetLocales: string[];
  defaultCurrency: string;
  role: Role;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface ProductListItem {
  id: string;
  title: string;
  status: ProductStatus;
  brand: string | null;
  categoryId: string | null;
  categoryName: string | null;
  tags: string[];
  variantCount: number;
  skus: string[];
  thumbnailUrl: string | null;
  updatedAt: string;
}

export type LithiumBattery = 'none' | 'PI965' | 'PI966' | 'PI967' | 'PI968' | 'PI969' | 'PI970';

export interface DangerousGoods {
  lithiumBattery?: LithiumBattery;
  liquid?: boolean;
  magnet?: boolean;
  powder?: boolean;
  blade?: boolean;
}

export interface VariantInput {
  id?: string;
  sku: string;
  optionValues?: Record<string, string>;
  gtin?: string | null;
  priceMinor?: number | null;
  priceCurrency?: string | null;
  costPriceMinor?: number | null;
  weightG?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  hsCode?: string | null;
  declaredNameEn?: string | null;
  declaredNameZh?: string | null;
  material?: string | null;
  originCountry?: string | null;
  dangerousGoods?: DangerousGoods | null;
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductInput {
  handle?: string | null;
  title: string;
  descriptionHtml?: string | null;
  status?: ProductStatus;
  brand?: string | null;
  categoryId?: string | null;
  tags?: string[];
  bulletPoints?: string[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  options?: ProductOption[];
  variants: VariantInput[];
  version?: number;
}

export interface ProductImage {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  variantId: string | null;
  position: number;
}

export interface Product extends ProductInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  categoryName: string | null;
  images: ProductImage[];
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
}

export type TranslationStatus = 'machine' | 'reviewed' | 'stale';

export interface TranslationField {
  entityType: 'product' | 'variant';
  entityId: string;
  field: string;
  source: string;
  translations: Record<string, { value: string; status: TranslationStatus }>;
}

export interface TranslationsResponse {
  sourceLocale: string;
  locales: string[];
  fields: TranslationField[];
}

export interface TranslationGap {
  productId: string;
  title: string;
  missing: number;
  stale: number;
}

export interface TargetField {
  key: string;
  /** The contract says a string; the server may send both languages. */
  label: string | { en: string; zh: string };
  /** true / 'always' = every row needs it; 'new-product' = only rows that create a product. */
  required: boolean | 'always' | 'new-product' | null;
}

export interface ImportUpload {
  id: string;
  fileName: string;
  encoding: string;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: Record<string, string | null>;
  targetFields: TargetField[];
}

export interface ImportMapping {
  id: string;
  name: string;
  columns: Record<string, string>;
}

export interface ImportPreview {
  totalRows: number;
  validRows: number;
  errors: { row: number; field: string; message: string }[];
  products: number;
}

export type ImportMode = 'all_or_nothing' | 'valid_rows';

export interface ImportCommitResult {
  status: string;
  created: number;
  updated: number;
  failed: number;
  errorsUrl: string | null;
}

export interface ImportProgress {
  id: string;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  processedRows: number;
  totalRows: number;
  created: number;
  updated: number;
  failed: number;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const ROLES: Role[] = ['owner', 'operator', 'warehouse', 'finance', 'service'];
export const PERMISSIONS = [
  'catalog:read',
  'catalog:write',
  'members:manage',
  'tokens:manage',
  'audit:read',
  'orders:read',
  'orders:write',
  'stock:read',
  'stock:write',
  'channels:manage',
];

export interface GlossaryTerm {
  id: string;
  term: string;
  targetLocale: string | null;
  translation: string | null;
  doNotTranslate: boolean;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  /** user email, `token:<id>` or `system` */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
}

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

// Available-to-sell per channel account: src/domains/availability.
export interface StockOverride {
  channelSku: string;
  bufferUnits: number | null;
  bufferPercent: number | null;
  cap: number | null;
  fixedQuantity: number | null;
  doNotSync: boolean;
}

export interface ChannelStockRules {
  accountId: string;
  warehouseIds: string[] | null;
  bufferUnits: number;
  bufferPercent: number;
  sharePercent: number;
  cap: number | null;
  listing: 'known' | 'catalog';
  saved: boolean;
  updatedAt: string | null;
  overrides: StockOverride[];
}

export interface AvailableStockRow {
  channelSku: string;
  mappedBy: 'account' | 'shop' | 'sku' | null;
  status: 'ok' | 'unmapped' | 'do_not_sync';
  components: {
    variantId: string;
    sku: string;
    quantity: number;
    available: number;
    byWarehouse: Record<string, number>;
  }[];
  pool: number;
  quantity: number | null;
  override: Omit<StockOverride, 'channelSku'> | null;
  lastPushed: { quantity: number; at: string; source: 'api' | 'file' } | null;
  lastAttempt: { outcome: 'ok' | 'refused'; quantity: number; at: string; message: string | null } | null;
  changed: boolean;
}

export interface AvailableStockPage {
  items: AvailableStockRow[];
  nextCursor: string | null;
  rules: Omit<ChannelStockRules, 'overrides'>;
  warehouses: { id: string; code: string; name: string; kind: string; country: string }[];
}

export interface StockPushResult {
  sent: number;
  accepted: number;
  refused: number;
  outcomes: { channelSku: string; quantity: number; ok: boolean; message: string | null }[];
}

export interface ChannelStockFile {
  id: string;
  format: 'amazon' | 'shopee';
  createdAt: string;
  uploadedAt: string | null;
  items: number;
}

/** Slow-moving stock (src/domains/inventory/ageing): age buckets in days, oldest last. */
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface AgeingBucketTotals {
  bucket: AgeBucket;
  units: number;
  valueMinor: number;
}

export interface AgeingSummary {
  asOf: string;
  warehouses: {
    warehouseId: string;
    warehouseCode: string;
    warehouseName: string;
    warehouseKind: string;
    units: number;
    valueMinor: number;
    buckets: AgeingBucketTotals[];
  }[];
  totals: { units: number; valueMinor: number; buckets: AgeingBucketTotals[] };
  missingCost: number;
  unmatched: number;
}

export interface AgeingSales {
  days: number;
  shipped: number;
  sellThroughPct: number | null;
  avgDailySales: number;
  daysOfCover: number | null;
}

export interface AgeingRow {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  unitCostMinor: number | null;
  valueMinor: number;
  buckets: number[];
  oldestReceivedOn: string | null;
  oldestAgeDays: number | null;
  heldDays: number | null;
  sales: AgeingSales[];
  lastSaleOn: string | null;
}

export interface ClearanceRow {
  variantId: string;
  sku: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  agedUnits: number;
  oldestAgeDays: number | null;
  heldDays: number | null;
  shipped: number;
  daysOfCover: number | null;
  lastSaleOn: string | null;
  unitCostMinor: number | null;
  valueMinor: number;
  reasons: ('aged' | 'noSales' | 'overstock')[];
  action: 'write_off' | 'move_channel' | 'clearance_price';
  discountPct: number | null;
}

// Channel API connections (connectors area).
export interface SyncRun {
  id: string;
  trigger: 'schedule' | 'manual' | 'cli';
  status: 'running' | 'ok' | 'failed' | 'throttled';
  startedAt: string;
  finishedAt: string | null;
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errorKey: string | null;
  error: string | null;
}

export interface ChannelConnection {
  accountId: string;
  channel: string;
  provider: 'shopee' | 'amazon' | null;
  configured: boolean;
  credentials: Record<string, string>;
  authorised: boolean;
  remoteShopId: string | null;
  tokenExpiresAt: string | null;
  syncIntervalMinutes: number;
  syncedUpTo: string | null;
  resumePending: boolean;
  lastRun: SyncRun | null;
}
