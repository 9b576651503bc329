import { sql } from 'kysely';
import { appError, issue, issueList } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { getProduct } from './get-product.ts';
import { productFields, variantRow } from './product-rows.ts';
import type { ProductInput } from './product-schema.ts';
import { refreshSearchTokens } from './refresh-search-tokens.ts';
import { duplicateSkuIssues, validateProduct } from './validate-product.ts';

/**
 * Create (no id) or replace (id) a product with its variants, inside the caller's tenant
 * transaction. Variants missing from an update are deleted; SKUs stay unique per shop.
 * Optimistic locking: an update carrying `version` fails if someone saved in between.
 */
export async function saveProduct(trx: Tx, shopId: string, actor: Actor, input: ProductInput, id?: string) {
  // Same code as a SKU taken by another product, so clients handle both one way (409 DUPLICATE_SKU).
  const duplicates = duplicateSkuIssues(input);
  if (duplicates.length) {
    const list = {
      list: duplicates.map((i) => ({ key: i.key!, params: i.params! })),
      sep: 'semicolon' as const,
    };
    throw appError('DUPLICATE_SKU', 'product.skuUsedTwice', { list }, { issues: duplicates });
  }
  const issues = validateProduct(input);
  if (issues.length) {
    throw appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list: issueList(issues) }, { issues });
  }
  const categoryName = input.categoryId ? await categoryPath(trx, shopId, input.categoryId) : null;
  const before = id ? await getProduct(trx, shopId, id) : null;
  if (id && !before) throw appError('NOT_FOUND', 'product.notFound');
  if (before && input.version !== undefined && input.version !== before.version) {
    throw appError('CONFLICT', 'product.conflict');
  }
  await assertSkusFree(trx, shopId, input, id);
  await assertHandleFree(trx, shopId, input.handle, id);

  const productId = id ?? newId();
  const fields = productFields(
    input,
    input.variants.map((v) => v.sku),
    categoryName,
  );
  if (before) {
    await trx
      .updateTable('products')
      .set({ ...fields, version: before.version + 1, updated_at: new Date() })
      .where('shop_id', '=', shopId)
      .where('id', '=', productId)
      .execute();
  } else {
    await trx
      .insertInto('products')
      .values({ shop_id: shopId, id: productId, ...fields })
      .execute();
  }

  const keep = new Set(before?.variants.map((v) => v.id) ?? []);
  const variants = input.variants.map((v) => ({ ...v, id: v.id && keep.has(v.id) ? v.id : newId() }));
  const keptIds = variants.map((v) => v.id);
  // Free the SKUs of removed and renamed variants first so a swap of two SKUs cannot collide.
  if (before) {
    await trx
      .deleteFrom('variants')
      .where('shop_id', '=', shopId)
      .where('product_id', '=', productId)
      .where('id', 'not in', keptIds)
      .execute();
    await trx
      .updateTable('variants')
      .set({ sku: sql<string>`id::text || '~'` })
      .where('shop_id', '=', shopId)
      .where('product_id', '=', productId)
      .execute();
  }
  for (const [i, v] of variants.entries()) {
    const row = variantRow(shopId, productId, v, i);
    await trx
      .insertInto('variants')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['shop_id', 'id'])
          .doUpdateSet({ ...row, shop_id: undefined, id: undefined, product_id: undefined }),
      )
      .execute();
  }

  await refreshSearchTokens(trx, shopId, productId);
  const after = (await getProduct(trx, shopId, productId))!;
  await recordAudit(trx, shopId, actor, {
    action: before ? 'product.updated' : 'product.created',
    entityType: 'product',
    entityId: productId,
    changes: diff(before ?? null, after),
  });
  return after;
}

async function categoryPath(trx: Tx, shopId: string, categoryId: string) {
  const c = await trx
    .selectFrom('categories')
    .select('path')
    .where('shop_id', '=', shopId)
    .where('id', '=', categoryId)
    .executeTakeFirst();
  if (!c) {
    throw appError('VALIDATION_FAILED', 'product.unknownCategory', undefined, {
      issues: [issue('categoryId', 'product.unknownCategoryIssue')],
    });
  }
  return c.path;
}

async function assertSkusFree(trx: Tx, shopId: string, input: ProductInput, productId?: string) {
  const skus = input.variants.map((v) => v.sku);
  const taken = await trx
    .selectFrom('variants as v')
    .innerJoin('products as p', (j) =>
      j.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'),
    )
    .select(['v.sku', 'p.title'])
    .where('v.shop_id', '=', shopId)
    .where('v.sku', 'in', skus)
    .$if(!!productId, (q) => q.where('v.product_id', '!=', productId!))
    .execute();
  if (taken.length) {
    const issues = taken.map((t) =>
      issue(`variants.${skus.indexOf(t.sku)}.sku`, 'product.skuBelongsTo', { sku: t.sku, title: t.title }),
    );
    const list = {
      list: taken.map((t) => ({
        key: 'product.skuTakenItem' as const,
        params: { sku: t.sku, title: t.title },
      })),
      sep: 'comma' as const,
    };
    throw appError('DUPLICATE_SKU', 'product.skuTaken', { list }, { issues });
  }
}

async function assertHandleFree(
  trx: Tx,
  shopId: string,
  handle: string | null | undefined,
  productId?: string,
) {
  if (!handle) return;
  const other = await trx
    .selectFrom('products')
    .select(['id', 'title'])
    .where('shop_id', '=', shopId)
    .where('handle', '=', handle)
    .$if(!!productId, (q) => q.where('id', '!=', productId!))
    .executeTakeFirst();
  if (other) {
    throw appError(
      'CONFLICT',
      'product.handleTaken',
      { handle, title: other.title },
      {
        issues: [issue('handle', 'product.handleTakenIssue')],
      },
    );
  }
}

/** Field-level before/after for the audit log (only what changed). */
function diff(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  if (!before)
    return { created: { title: after.title, skus: (after.variants as { sku: string }[]).map((v) => v.sku) } };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (['updatedAt', 'version', 'images'].includes(key)) continue;
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(after[key]);
    if (a !== b) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
