import type { Insertable } from 'kysely';
import { issue } from '../../../kernel/errors.ts';
import type { MessageKey, MessageParams } from '../../../kernel/i18n/index.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { ensureCategoryPath } from '../categories.ts';
import { variantRow, variantView } from '../product-rows.ts';
import type { VariantInput } from '../product-schema.ts';
import { refreshSearchTokens } from '../refresh-search-tokens.ts';
import { indexTokens } from '../search-tokens.ts';
import type { ProductsTable, VariantsTable } from '../tables.ts';
import { sanitizeDescription } from '../validate-product.ts';
import type { RowGroup } from './group-rows.ts';
import type { ParsedRow } from './parse-row.ts';

export interface BatchContext {
  shopId: string;
  /** SKU → first row seen, across the whole file. */
  seenSkus: Map<string, number>;
  categoryCache: Map<string, string>;
  headerOf: (key: string) => string;
}

export interface BatchResult {
  created: number;
  updated: number;
  failed: ParsedRow[];
}

/**
 * Upsert one batch of product groups: match products by product code, then by an existing SKU;
 * merge only the columns the file maps over what is stored; write products and variants as two
 * multi-row upserts. Rows that cannot be written are returned with their issues.
 */
export async function writeBatch(trx: Tx, ctx: BatchContext, groups: RowGroup[]): Promise<BatchResult> {
  const { shopId } = ctx;
  const failed: ParsedRow[] = [];
  const fail = (r: ParsedRow, key: string, message: MessageKey, params?: MessageParams) => {
    r.issues.push(issue(ctx.headerOf(key), message, params, r.row));
  };
  for (const g of groups) {
    for (const r of g.rows) {
      if (!r.variant.sku) continue;
      const k = r.variant.sku;
      const first = ctx.seenSkus.get(k);
      if (first !== undefined && first !== r.row)
        fail(r, 'sku', 'import.skuRepeated', { sku: r.variant.sku, first });
      else ctx.seenSkus.set(k, r.row);
    }
  }
  const skus = groups.flatMap((g) => g.rows.map((r) => r.variant.sku)).filter(Boolean);
  const handles = groups.map((g) => g.rows[0]!.product.handle).filter((h): h is string => !!h);
  const [bySku, byHandle] = await Promise.all([
    skus.length
      ? trx
          .selectFrom('variants')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('sku', 'in', skus)
          .execute()
      : [],
    handles.length
      ? trx
          .selectFrom('products')
          .select(['id', 'handle'])
          .where('shop_id', '=', shopId)
          .where('handle', 'in', handles)
          .execute()
      : [],
  ]);
  const variantBySku = new Map(bySku.map((v) => [v.sku, v]));
  const productByHandle = new Map(byHandle.map((p) => [p.handle!, p.id]));
  const targets = groups.map((g) => {
    const handle = g.rows[0]!.product.handle;
    if (handle) return productByHandle.get(handle);
    return g.rows.map((r) => variantBySku.get(r.variant.sku)?.product_id).find(Boolean);
  });
  const existingIds = [...new Set(targets.filter((t): t is string => !!t))];
  const [existingProducts, existingVariants] = existingIds.length
    ? await Promise.all([
        trx
          .selectFrom('products')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('id', 'in', existingIds)
          .execute(),
        trx
          .selectFrom('variants')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('product_id', 'in', existingIds)
          .execute(),
      ])
    : [[], []];
  const productById = new Map(existingProducts.map((p) => [p.id, p]));

  const productRows: Insertable<ProductsTable>[] = [];
  const variantRows: Insertable<VariantsTable>[] = [];
  let created = 0;
  let updated = 0;
  for (const [gi, g] of groups.entries()) {
    const existing = targets[gi] ? productById.get(targets[gi]!) : undefined;
    const productId = existing?.id ?? newId();
    const ok = g.rows.filter((r) => {
      const other = variantBySku.get(r.variant.sku);
      if (other && other.product_id !== productId)
        fail(r, 'sku', 'import.skuOtherProduct', { sku: r.variant.sku });
      return r.issues.length === 0;
    });
    const merged = mergeProduct(existing, g);
    if (!merged.title) {
      for (const r of ok) fail(r, 'title', 'import.titleRequired');
    }
    const good = ok.filter((r) => r.issues.length === 0);
    failed.push(...g.rows.filter((r) => r.issues.length > 0));
    if (!good.length) continue;
    const category = merged.category
      ? await ensureCategoryPath(trx, shopId, merged.category, ctx.categoryCache)
      : (existing?.category_id ?? null);
    const ownVariants = existingVariants.filter((v) => v.product_id === productId);
    let position = ownVariants.length;
    const allSkus = new Set(ownVariants.map((v) => v.sku));
    const groupValues: Record<string, string>[] = [];
    for (const r of good) {
      const before = variantBySku.get(r.variant.sku);
      const optionValues: Record<string, string> = {};
      merged.optionNames.forEach((name, i) => {
        const value = r.optionValues[i];
        if (name && value) optionValues[name] = value;
      });
      const base: VariantInput = before
        ? (variantView(before) as VariantInput)
        : ({ sku: r.variant.sku, optionValues: {} } as VariantInput);
      const variant = {
        ...base,
        ...r.variant,
        id: before?.id ?? newId(),
        optionValues: Object.keys(optionValues).length ? optionValues : base.optionValues,
      };
      groupValues.push(variant.optionValues);
      variantRows.push(variantRow(shopId, productId, variant, before?.position ?? position++));
      allSkus.add(r.variant.sku);
      if (before) updated++;
      else created++;
    }
    // Option values: those of the variants the product keeps plus the ones this file writes.
    const valueSets = [
      ...ownVariants.filter((v) => !good.some((r) => r.variant.sku === v.sku)).map((v) => v.option_values),
      ...groupValues,
    ];
    const options = merged.optionNames.flatMap((name) =>
      name
        ? [
            {
              name,
              values: [...new Set(valueSets.map((values) => values[name]).filter((x): x is string => !!x))],
            },
          ]
        : [],
    );
    productRows.push({
      shop_id: shopId,
      id: productId,
      handle: merged.handle ?? null,
      title: merged.title!,
      description_html: sanitizeDescription(merged.descriptionHtml ?? ''),
      status: merged.status ?? 'draft',
      brand: merged.brand ?? null,
      category_id: category,
      tags: merged.tags ?? [],
      bullet_points: merged.bulletPoints ?? [],
      seo_title: merged.seoTitle ?? null,
      seo_description: merged.seoDescription ?? null,
      options: JSON.stringify(options.length ? options : (existing?.options ?? [])),
      search_tokens: indexTokens(
        merged.title,
        merged.brand,
        merged.handle,
        merged.category,
        ...(merged.tags ?? []),
        ...allSkus,
      ),
      version: (existing?.version ?? 0) + 1,
      updated_at: new Date(),
    });
  }
  if (productRows.length) {
    await trx
      .insertInto('products')
      .values(productRows)
      .onConflict((oc) =>
        oc.columns(['shop_id', 'id']).doUpdateSet((eb) => ({
          handle: eb.ref('excluded.handle'),
          title: eb.ref('excluded.title'),
          description_html: eb.ref('excluded.description_html'),
          status: eb.ref('excluded.status'),
          brand: eb.ref('excluded.brand'),
          category_id: eb.ref('excluded.category_id'),
          tags: eb.ref('excluded.tags'),
          bullet_points: eb.ref('excluded.bullet_points'),
          seo_title: eb.ref('excluded.seo_title'),
          seo_description: eb.ref('excluded.seo_description'),
          options: eb.ref('excluded.options'),
          search_tokens: eb.ref('excluded.search_tokens'),
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  if (variantRows.length) {
    const columns = Object.keys(variantRows[0]!).filter(
      (c) => !['shop_id', 'id'].includes(c),
    ) as (keyof VariantsTable)[];
    await trx
      .insertInto('variants')
      .values(variantRows)
      .onConflict((oc) =>
        oc
          .columns(['shop_id', 'id'])
          .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
  // Updated products may have a category or translated titles the row did not carry: rebuild
  // their search tokens from everything stored, as saveProduct does.
  for (const row of productRows) if (productById.has(row.id)) await refreshSearchTokens(trx, shopId, row.id);
  return { created, updated, failed };
}

type MergedProduct = ParsedRow['product'] & { title?: string };

/** Existing values, overwritten by whatever the group's rows provide (first non-empty wins). */
function mergeProduct(
  existing:
    | {
        handle: string | null;
        title: string;
        description_html: string;
        status: string;
        brand: string | null;
        tags: string[];
        bullet_points: string[];
        seo_title: string | null;
        seo_description: string | null;
        options: unknown;
      }
    | undefined,
  g: RowGroup,
): MergedProduct {
  const names = ((existing?.options as { name: string }[] | undefined) ?? []).map((o) => o.name);
  const merged: MergedProduct = {
    optionNames: [names[0], names[1], names[2]],
    ...(existing
      ? {
          handle: existing.handle ?? undefined,
          title: existing.title,
          descriptionHtml: existing.description_html,
          status: existing.status as MergedProduct['status'],
          brand: existing.brand ?? undefined,
          tags: existing.tags,
          bulletPoints: existing.bullet_points,
          seoTitle: existing.seo_title ?? undefined,
          seoDescription: existing.seo_description ?? undefined,
        }
      : {}),
  };
  // The file overwrites what is stored; within a product's rows the first value given wins.
  const fromFile: Record<string, unknown> = {};
  for (const r of g.rows) {
    for (const [k, v] of Object.entries(r.product)) {
      if (k !== 'optionNames' && v !== undefined && !(k in fromFile)) fromFile[k] = v;
    }
    r.product.optionNames.forEach((n, i) => {
      if (n) merged.optionNames[i] = n;
    });
  }
  Object.assign(merged, fromFile);
  return merged;
}
