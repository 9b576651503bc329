import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CategoriesTable {
  shop_id: string;
  id: string;
  parent_id: string | null;
  name: string;
  path: string;
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductsTable {
  shop_id: string;
  id: string;
  /** The seller's own product code (款号); the key re-imports match on. */
  handle: string | null;
  title: string;
  description_html: Generated<string>;
  status: Generated<'draft' | 'active' | 'archived'>;
  brand: string | null;
  category_id: string | null;
  tags: Generated<string[]>;
  bullet_points: Generated<string[]>;
  seo_title: string | null;
  seo_description: string | null;
  options: Json<ProductOption[]>;
  search_tokens: string[];
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VariantsTable {
  shop_id: string;
  id: string;
  product_id: string;
  position: number;
  sku: string;
  option_values: Json<Record<string, string>>;
  gtin: string | null;
  price_minor: number | null;
  price_currency: string | null;
  cost_price_minor: number | null;
  weight_g: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  hs_code: string | null;
  declared_name_en: string | null;
  declared_name_zh: string | null;
  material: string | null;
  origin_country: string | null;
  dg_lithium: string;
  dg_liquid: boolean;
  dg_magnet: boolean;
  dg_powder: boolean;
  dg_blade: boolean;
}

export interface ProductImagesTable {
  shop_id: string;
  id: string;
  product_id: string;
  variant_id: string | null;
  position: number;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  alt: string | null;
  created_at: Timestamp;
}

export interface TranslationsTable {
  shop_id: string;
  entity_type: 'product' | 'variant';
  entity_id: string;
  locale: string;
  field: string;
  value: string;
  status: 'machine' | 'reviewed';
  source_hash: string;
  provider: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GlossaryTermsTable {
  shop_id: string;
  id: string;
  term: string;
  target_locale: string | null;
  translation: string | null;
  do_not_translate: boolean;
}

export interface TranslationMemoryTable {
  shop_id: string;
  source_locale: string;
  target_locale: string;
  source_hash: string;
  source_text: string;
  target_text: string;
  updated_at: Timestamp;
}

export interface ImportMappingsTable {
  shop_id: string;
  id: string;
  name: string;
  columns: Json<Record<string, string>>;
  created_at: Timestamp;
}

export interface ImportJobsTable {
  shop_id: string;
  id: string;
  file_name: string;
  file_key: string;
  status: Generated<'uploaded' | 'running' | 'done' | 'failed'>;
  mode: string | null;
  columns: Json<Record<string, string>> | null;
  total_rows: number | null;
  processed_rows: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  failed: Generated<number>;
  errors_key: string | null;
  message: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface CatalogTables {
  categories: CategoriesTable;
  products: ProductsTable;
  variants: VariantsTable;
  product_images: ProductImagesTable;
  translations: TranslationsTable;
  glossary_terms: GlossaryTermsTable;
  translation_memory: TranslationMemoryTable;
  import_mappings: ImportMappingsTable;
  import_jobs: ImportJobsTable;
}
