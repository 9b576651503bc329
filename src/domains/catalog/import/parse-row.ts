import { type FieldIssue, issue } from '../../../kernel/errors.ts';
import { neutraliseCell } from '../../../platform/files/tabular/index.ts';
import { lithiumTypes, type VariantInput } from '../product-schema.ts';
import { checkVariant } from '../validate-product.ts';
import {
  fail,
  type Parsed,
  parseBoolean,
  parseMoney,
  parseQuantity,
  parseStatus,
  splitList,
} from './parse-cells.ts';

/** Product-level values found on a row; a key is present only when its column is mapped and filled. */
export interface RowProduct {
  handle?: string;
  title?: string;
  descriptionHtml?: string;
  status?: 'draft' | 'active' | 'archived';
  brand?: string;
  category?: string;
  tags?: string[];
  bulletPoints?: string[];
  seoTitle?: string;
  seoDescription?: string;
  optionNames: (string | undefined)[];
}

export interface ParsedRow {
  row: number;
  product: RowProduct;
  variant: Partial<VariantInput> & { sku: string };
  optionValues: (string | undefined)[];
  issues: FieldIssue[];
}

/**
 * Turn one spreadsheet row into product and variant values. `columns` maps each target field to
 * its column index; issues name the seller's own column header and the row number.
 */
export function parseRow(
  row: number,
  values: string[],
  columns: Map<string, number>,
  headers: string[],
  defaultCurrency: string,
): ParsedRow {
  const issues: FieldIssue[] = [];
  const header = (key: string) => headers[columns.get(key) ?? -1] ?? key;
  const cell = (key: string): string | undefined => {
    const i = columns.get(key);
    if (i === undefined) return undefined;
    const v = values[i]?.trim();
    return v ? unquote(v) : undefined;
  };
  const parsed = <T>(key: string, parse: (t: string) => Parsed<T>): T | undefined => {
    const text = cell(key);
    if (text === undefined) return undefined;
    const r = parse(text);
    if (r.ok) return r.value;
    issues.push(issue(header(key), r.key, r.params, row));
    return undefined;
  };
  const set = <O extends object, K extends keyof O>(o: O, k: K, v: O[K] | undefined) => {
    if (v !== undefined) o[k] = v;
  };

  const product: RowProduct = {
    optionNames: [cell('option1Name'), cell('option2Name'), cell('option3Name')],
  };
  set(product, 'handle', cell('handle'));
  set(product, 'title', cell('title'));
  set(product, 'descriptionHtml', cell('descriptionHtml'));
  set(product, 'status', parsed('status', parseStatus));
  set(product, 'brand', cell('brand'));
  set(product, 'category', cell('category'));
  set(product, 'tags', cell('tags') === undefined ? undefined : splitList(cell('tags')!));
  set(
    product,
    'bulletPoints',
    cell('bulletPoints') === undefined ? undefined : splitList(cell('bulletPoints')!, /\n|\|/),
  );
  set(product, 'seoTitle', cell('seoTitle'));
  set(product, 'seoDescription', cell('seoDescription'));

  const sku = cell('sku') ?? '';
  if (!sku) issues.push(issue(header('sku'), 'import.skuEmpty', undefined, row));
  else if (sku.length > 64) issues.push(issue(header('sku'), 'import.skuTooLong', undefined, row));
  const variant: ParsedRow['variant'] = { sku };
  set(variant, 'gtin', cell('gtin'));
  set(
    variant,
    'priceMinor',
    parsed('price', (t) => parseMoney(t)),
  );
  set(variant, 'priceCurrency', cell('priceCurrency')?.toUpperCase());
  set(
    variant,
    'costPriceMinor',
    parsed('costPrice', (t) => parseMoney(t)),
  );
  set(
    variant,
    'weightG',
    parsed('weightG', (t) => parseQuantity(t)) ?? parsed('weightKg', (t) => parseQuantity(t, 1000)),
  );
  set(
    variant,
    'lengthMm',
    parsed('lengthMm', (t) => parseQuantity(t)),
  );
  set(
    variant,
    'widthMm',
    parsed('widthMm', (t) => parseQuantity(t)),
  );
  set(
    variant,
    'heightMm',
    parsed('heightMm', (t) => parseQuantity(t)),
  );
  set(variant, 'hsCode', cell('hsCode'));
  set(variant, 'declaredNameEn', cell('declaredNameEn'));
  set(variant, 'declaredNameZh', cell('declaredNameZh'));
  set(variant, 'material', cell('material'));
  set(variant, 'originCountry', cell('originCountry')?.toUpperCase());
  const dg = {
    lithiumBattery: parsed('lithiumBattery', parseLithium),
    liquid: parsed('liquid', parseBoolean),
    magnet: parsed('magnet', parseBoolean),
    powder: parsed('powder', parseBoolean),
    blade: parsed('blade', parseBoolean),
  };
  if (Object.values(dg).some((v) => v !== undefined))
    variant.dangerousGoods = dg as VariantInput['dangerousGoods'];
  // A price without a currency column is in the shop's default currency.
  if (variant.priceMinor !== undefined && !variant.priceCurrency) variant.priceCurrency = defaultCurrency;
  issues.push(
    ...checkVariant(variant as VariantInput, (k) => header(k === 'priceCurrency' ? 'priceCurrency' : k)).map(
      (i) => ({ ...i, row }),
    ),
  );
  return {
    row,
    product,
    variant,
    optionValues: [cell('option1Value'), cell('option2Value'), cell('option3Value')],
    issues,
  };
}

/**
 * Undo the quote our exports put before formula-like text (neutraliseCell), so an export
 * re-imports unchanged. Excel treats a leading ' as a text marker too, not as part of the value.
 */
function unquote(text: string): string {
  return text.startsWith("'") && neutraliseCell(text.slice(1)) === text ? text.slice(1) : text;
}

function parseLithium(text: string): Parsed<(typeof lithiumTypes)[number]> {
  const t = text.trim().toUpperCase().replace(/\s/g, '');
  if (['否', 'NO', 'N', '无', 'NONE', '0', 'FALSE'].includes(t)) return { ok: true, value: 'none' };
  const match = lithiumTypes.find((l) => l === t);
  return match ? { ok: true, value: match } : fail('cell.notLithium', { text });
}
