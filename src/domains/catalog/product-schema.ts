import { z } from 'zod';

export const lithiumTypes = ['none', 'PI965', 'PI966', 'PI967', 'PI968', 'PI969', 'PI970'] as const;
export const productStatuses = ['draft', 'active', 'archived'] as const;

const text = (max: number) => z.string().trim().max(max);
const dimension = z.number().int().min(0).max(10_000_000);

export const dangerousGoodsSchema = z.object({
  lithiumBattery: z.enum(lithiumTypes).default('none'),
  liquid: z.boolean().default(false),
  magnet: z.boolean().default(false),
  powder: z.boolean().default(false),
  blade: z.boolean().default(false),
});

export const variantInputSchema = z.object({
  id: z.uuid().optional(),
  sku: text(64).min(1, 'SKU is required'),
  optionValues: z.record(z.string(), text(100)).default({}),
  gtin: text(20).nullish(),
  priceMinor: z.number().int().min(0).nullish(),
  priceCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'ISO 4217 code like USD')
    .nullish(),
  /** Cost price in CNY fen (¥12.50 = 1250). */
  costPriceMinor: z.number().int().min(0).nullish(),
  weightG: dimension.nullish(),
  lengthMm: dimension.nullish(),
  widthMm: dimension.nullish(),
  heightMm: dimension.nullish(),
  hsCode: text(16).nullish(),
  declaredNameEn: text(200).nullish(),
  declaredNameZh: text(200).nullish(),
  material: text(200).nullish(),
  originCountry: z.string().trim().toUpperCase().nullish(),
  dangerousGoods: dangerousGoodsSchema.optional(),
});

export const productInputSchema = z.object({
  handle: text(100).nullish(),
  title: text(500).min(1, 'title is required'),
  descriptionHtml: z.string().max(100_000).default(''),
  status: z.enum(productStatuses).default('draft'),
  brand: text(200).nullish(),
  categoryId: z.uuid().nullish(),
  tags: z.array(text(50).min(1)).max(50).default([]),
  bulletPoints: z.array(text(500)).max(10).default([]),
  seoTitle: text(200).nullish(),
  seoDescription: text(500).nullish(),
  options: z
    .array(z.object({ name: text(50).min(1), values: z.array(text(100).min(1)).max(100) }))
    .max(3)
    .default([]),
  variants: z.array(variantInputSchema).min(1, 'a product needs at least one variant (SKU)').max(500),
  version: z.number().int().optional(),
});

export type ProductInput = z.infer<typeof productInputSchema>;
export type VariantInput = z.infer<typeof variantInputSchema>;
