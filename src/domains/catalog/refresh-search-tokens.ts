import type { Tx } from '../../platform/db/tenant.ts';
import { indexTokens } from './search-tokens.ts';

/**
 * Recompute a product's search tokens from everything a seller may type to find it: the source
 * title, every translated title, brand, product code, category, tags and SKUs.
 */
export async function refreshSearchTokens(trx: Tx, shopId: string, productId: string) {
  const p = await trx
    .selectFrom('products as p')
    .leftJoin('categories as c', (j) =>
      j.onRef('c.shop_id', '=', 'p.shop_id').onRef('c.id', '=', 'p.category_id'),
    )
    .select(['p.title', 'p.brand', 'p.handle', 'p.tags', 'c.path'])
    .where('p.shop_id', '=', shopId)
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!p) return;
  const [skus, titles] = await Promise.all([
    trx
      .selectFrom('variants')
      .select('sku')
      .where('shop_id', '=', shopId)
      .where('product_id', '=', productId)
      .execute(),
    trx
      .selectFrom('translations')
      .select('value')
      .where('shop_id', '=', shopId)
      .where('entity_type', '=', 'product')
      .where('entity_id', '=', productId)
      .where('field', '=', 'title')
      .execute(),
  ]);
  const tokens = indexTokens(
    p.title,
    p.brand,
    p.handle,
    p.path,
    ...p.tags,
    ...skus.map((s) => s.sku),
    ...titles.map((t) => t.value),
  );
  await trx
    .updateTable('products')
    .set({ search_tokens: tokens })
    .where('shop_id', '=', shopId)
    .where('id', '=', productId)
    .execute();
}
