import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { imageUrls } from './images/image-urls.ts';
import { variantView } from './product-rows.ts';

/** One product with variants and images, or undefined when it is not in this shop. */
export async function getProduct(trx: Tx | Kysely<DB>, shopId: string, id: string) {
  const p = await trx
    .selectFrom('products as p')
    .leftJoin('categories as c', (j) =>
      j.onRef('c.shop_id', '=', 'p.shop_id').onRef('c.id', '=', 'p.category_id'),
    )
    .selectAll('p')
    .select('c.path as category_path')
    .where('p.shop_id', '=', shopId)
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p) return undefined;
  const [variants, images] = await Promise.all([
    trx
      .selectFrom('variants')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('product_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('product_images')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('product_id', '=', id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    descriptionHtml: p.description_html,
    status: p.status,
    brand: p.brand,
    categoryId: p.category_id,
    categoryName: p.category_path,
    tags: p.tags,
    bulletPoints: p.bullet_points,
    seoTitle: p.seo_title,
    seoDescription: p.seo_description,
    options: p.options,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    variants: variants.map(variantView),
    images: images.map((i) => ({
      id: i.id,
      variantId: i.variant_id,
      position: i.position,
      width: i.width,
      height: i.height,
      alt: i.alt,
      ...imageUrls(i.storage_key),
    })),
  };
}

export type Product = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
