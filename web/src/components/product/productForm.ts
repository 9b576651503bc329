import type { FieldIssue } from '../../api';
import { formatMinor, minorDigits, parseMinor } from '../../money';
import type { DangerousGoods, Product, ProductInput, ProductOption, ProductStatus, Shop } from '../../types';

/** Form state: money is kept as the text the user typed ("12.50"); everything else as in the API. */
export interface VariantForm {
  id?: string;
  sku?: string;
  optionValues?: Record<string, string | undefined>;
  gtin?: string;
  priceMinor?: string;
  priceCurrency?: string;
  costPriceMinor?: string;
  weightG?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  hsCode?: string;
  declaredNameEn?: string;
  declaredNameZh?: string;
  material?: string;
  originCountry?: string;
  dangerousGoods?: DangerousGoods;
}

export interface ProductForm {
  handle?: string;
  title?: string;
  status?: ProductStatus;
  brand?: string;
  categoryId?: string | null;
  tags?: string[];
  descriptionHtml?: string;
  bulletPoints?: string[];
  seoTitle?: string;
  seoDescription?: string;
  options?: Partial<ProductOption>[];
  variants?: VariantForm[];
}

export const emptyVariant = (currency: string): VariantForm => ({
  sku: '',
  optionValues: {},
  priceCurrency: currency,
  originCountry: 'CN',
  dangerousGoods: { lithiumBattery: 'none' },
});

export function emptyProductForm(shop: Shop): ProductForm {
  return {
    status: 'draft',
    tags: [],
    bulletPoints: [],
    options: [],
    variants: [emptyVariant(shop.defaultCurrency)],
  };
}

export function productToForm(p: Product, shop: Shop): ProductForm {
  return {
    handle: p.handle ?? undefined,
    title: p.title,
    status: p.status ?? 'draft',
    brand: p.brand ?? undefined,
    categoryId: p.categoryId ?? undefined,
    tags: p.tags ?? [],
    descriptionHtml: p.descriptionHtml ?? undefined,
    bulletPoints: p.bulletPoints ?? [],
    seoTitle: p.seoTitle ?? undefined,
    seoDescription: p.seoDescription ?? undefined,
    options: p.options ?? [],
    variants: p.variants.map((v) => {
      const currency = v.priceCurrency ?? shop.defaultCurrency;
      return {
        id: v.id,
        sku: v.sku,
        optionValues: v.optionValues ?? {},
        gtin: v.gtin ?? undefined,
        priceMinor: formatMinor(v.priceMinor, minorDigits(currency)),
        priceCurrency: currency,
        costPriceMinor: formatMinor(v.costPriceMinor, 2),
        weightG: v.weightG ?? null,
        lengthMm: v.lengthMm ?? null,
        widthMm: v.widthMm ?? null,
        heightMm: v.heightMm ?? null,
        hsCode: v.hsCode ?? undefined,
        declaredNameEn: v.declaredNameEn ?? undefined,
        declaredNameZh: v.declaredNameZh ?? undefined,
        material: v.material ?? undefined,
        originCountry: v.originCountry ?? undefined,
        dangerousGoods: { lithiumBattery: 'none', ...(v.dangerousGoods ?? {}) },
      };
    }),
  };
}

const blank = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};
const whole = (n: number | null | undefined): number | null =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.trunc(n);

/** Form → ProductInput. Money text becomes integer minor units; bad text is reported as issues. */
export function formToInput(f: ProductForm, shop: Shop): { input: ProductInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const options = (f.options ?? [])
    .filter((o) => blank(o.name))
    .map((o) => ({
      name: (o.name ?? '').trim(),
      values: (o.values ?? []).map((v) => v.trim()).filter(Boolean),
    }));
  const optionNames = new Set(options.map((o) => o.name));
  const variants = (f.variants ?? []).map((v, i) => {
    const currency = v.priceCurrency || shop.defaultCurrency;
    const price = parseMinor(v.priceMinor, minorDigits(currency));
    const cost = parseMinor(v.costPriceMinor, 2);
    if (Number.isNaN(price)) issues.push({ field: `variants.${i}.priceMinor`, message: 'invalid' });
    if (Number.isNaN(cost)) issues.push({ field: `variants.${i}.costPriceMinor`, message: 'invalid' });
    const optionValues: Record<string, string> = {};
    for (const [name, value] of Object.entries(v.optionValues ?? {})) {
      if (optionNames.has(name) && blank(value)) optionValues[name] = (value ?? '').trim();
    }
    const dg = v.dangerousGoods ?? {};
    return {
      ...(v.id ? { id: v.id } : {}),
      sku: (v.sku ?? '').trim(),
      optionValues,
      gtin: blank(v.gtin),
      priceMinor: Number.isNaN(price) ? null : price,
      priceCurrency: currency,
      costPriceMinor: Number.isNaN(cost) ? null : cost,
      weightG: whole(v.weightG),
      lengthMm: whole(v.lengthMm),
      widthMm: whole(v.widthMm),
      heightMm: whole(v.heightMm),
      hsCode: blank(v.hsCode?.replace(/[.\s]/g, '')),
      declaredNameEn: blank(v.declaredNameEn),
      declaredNameZh: blank(v.declaredNameZh),
      material: blank(v.material),
      originCountry: blank(v.originCountry),
      dangerousGoods: {
        lithiumBattery: dg.lithiumBattery ?? 'none',
        liquid: !!dg.liquid,
        magnet: !!dg.magnet,
        powder: !!dg.powder,
        blade: !!dg.blade,
      },
    };
  });
  const input: ProductInput = {
    handle: blank(f.handle),
    title: (f.title ?? '').trim(),
    status: f.status ?? 'draft',
    descriptionHtml: (f.descriptionHtml ?? '').trim(),
    brand: blank(f.brand),
    categoryId: f.categoryId || null,
    tags: (f.tags ?? []).map((t) => t.trim()).filter(Boolean),
    bulletPoints: (f.bulletPoints ?? []).map((b) => (b ?? '').trim()).filter(Boolean),
    seoTitle: blank(f.seoTitle),
    seoDescription: blank(f.seoDescription),
    options,
    variants,
  };
  return { input, issues };
}

/** Every combination of option values, keeping variants that already exist for a combination. */
export function generateVariants(f: ProductForm, currency: string): VariantForm[] {
  const options = (f.options ?? []).filter((o) => o.name && (o.values?.length ?? 0) > 0);
  if (options.length === 0) return f.variants ?? [];
  let combos: Record<string, string>[] = [{}];
  for (const o of options) {
    combos = combos.flatMap((c) => (o.values ?? []).map((v) => ({ ...c, [o.name as string]: v })));
  }
  const existing = f.variants ?? [];
  const same = (a: Record<string, string | undefined> | undefined, b: Record<string, string>) =>
    Object.entries(b).every(([k, v]) => a?.[k] === v);
  const template = existing[0];
  return combos.map((combo) => {
    const found = existing.find((v) => same(v.optionValues, combo));
    if (found) return found;
    return {
      ...emptyVariant(currency),
      ...(template
        ? {
            ...template,
            id: undefined,
            sku: '',
            gtin: undefined,
            dangerousGoods: { ...template.dangerousGoods },
          }
        : {}),
      optionValues: combo,
    };
  });
}

/** "variants.0.sku" → ['variants', 0, 'sku'] for antd Form.setFields. */
export function issuePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const TRADE_FIELDS = new Set([
  'hsCode',
  'declaredNameEn',
  'declaredNameZh',
  'material',
  'originCountry',
  'dangerousGoods',
]);

/** Which editor tab shows a given field. */
export function tabForField(field: string): 'basics' | 'variants' | 'trade' {
  const parts = field.split('.');
  if (parts[0] === 'variants' && TRADE_FIELDS.has(parts[2] ?? '')) return 'trade';
  if (parts[0] === 'variants' || parts[0] === 'options') return 'variants';
  return 'basics';
}
