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
  'shipping:read',
  'shipping:write',
  'logistics:manage',
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

// Types of later areas live beside this file; importing from ./types keeps working.
export * from './types-admin-ops';
export * from './types-ageing';
export * from './types-availability';
export * from './types-connectors';
export * from './types-returns';
