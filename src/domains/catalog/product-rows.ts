import type { Insertable, Selectable } from 'kysely';
import type { ProductInput, VariantInput } from './product-schema.ts';
import { indexTokens } from './search-tokens.ts';
import type { ProductsTable, VariantsTable } from './tables.ts';

/** Mapping between the API/import shape and table rows, both ways, in one place. */
export function variantRow(
  shopId: string,
  productId: string,
  v: VariantInput & { id: string },
  position: number,
): Insertable<VariantsTable> {
  const dg = v.dangerousGoods;
  return {
    shop_id: shopId,
    id: v.id,
    product_id: productId,
    position,
    sku: v.sku,
    option_values: JSON.stringify(v.optionValues ?? {}),
    gtin: v.gtin ?? null,
    price_minor: v.priceMinor ?? null,
    price_currency: v.priceCurrency ?? null,
    cost_price_minor: v.costPriceMinor ?? null,
    weight_g: v.weightG ?? null,
    length_mm: v.lengthMm ?? null,
    width_mm: v.widthMm ?? null,
    height_mm: v.heightMm ?? null,
    hs_code: v.hsCode ?? null,
    declared_name_en: v.declaredNameEn ?? null,
    declared_name_zh: v.declaredNameZh ?? null,
    material: v.material ?? null,
    origin_country: v.originCountry ?? null,
    dg_lithium: dg?.lithiumBattery ?? 'none',
    dg_liquid: dg?.liquid ?? false,
    dg_magnet: dg?.magnet ?? false,
    dg_powder: dg?.powder ?? false,
    dg_blade: dg?.blade ?? false,
  };
}

export function productFields(input: ProductInput, skus: string[], categoryName: string | null) {
  return {
    handle: input.handle || null,
    title: input.title,
    description_html: input.descriptionHtml,
    status: input.status,
    brand: input.brand ?? null,
    category_id: input.categoryId ?? null,
    tags: input.tags,
    bullet_points: input.bulletPoints,
    seo_title: input.seoTitle ?? null,
    seo_description: input.seoDescription ?? null,
    options: JSON.stringify(input.options),
    search_tokens: indexTokens(input.title, input.brand, input.handle, categoryName, ...input.tags, ...skus),
  } satisfies Partial<Insertable<ProductsTable>>;
}

export function variantView(v: Selectable<VariantsTable>) {
  return {
    id: v.id,
    sku: v.sku,
    optionValues: v.option_values,
    gtin: v.gtin,
    priceMinor: v.price_minor,
    priceCurrency: v.price_currency,
    costPriceMinor: v.cost_price_minor,
    weightG: v.weight_g,
    lengthMm: v.length_mm,
    widthMm: v.width_mm,
    heightMm: v.height_mm,
    hsCode: v.hs_code,
    declaredNameEn: v.declared_name_en,
    declaredNameZh: v.declared_name_zh,
    material: v.material,
    originCountry: v.origin_country,
    dangerousGoods: {
      lithiumBattery: v.dg_lithium,
      liquid: v.dg_liquid,
      magnet: v.dg_magnet,
      powder: v.dg_powder,
      blade: v.dg_blade,
    },
  };
}
