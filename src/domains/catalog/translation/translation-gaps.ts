import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { fieldKey, sourceFields, sourceHash } from './translatable-fields.ts';

/**
 * Missing and stale translations for one locale, walking the catalog newest first in pages of
 * `scan` products (keyset cursor), so it stays cheap at any catalog size. A page may return fewer
 * items than it scanned: only products with gaps are listed.
 */
export async function translationGaps(
  trx: Tx,
  shopId: string,
  locale: string,
  opts: { cursor?: string | undefined; scan?: number } = {},
) {
  const scan = opts.scan ?? 200;
  let q = trx
    .selectFrom('products')
    .select([
      'id',
      'title',
      'description_html',
      'bullet_points',
      'seo_title',
      'seo_description',
      'updated_at',
    ])
    .where('shop_id', '=', shopId)
    .where('status', '!=', 'archived');
  if (opts.cursor) {
    const [at, id] = decodeCursor(opts.cursor, 2) as [string, string];
    q = q.where(sql<boolean>`(updated_at, id) < (${new Date(at)}, ${id})`);
  }
  const products = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(scan + 1)
    .execute();
  const page = products.slice(0, scan);
  if (!page.length) return { items: [], nextCursor: null };
  const ids = page.map((p) => p.id);
  const variants = await trx
    .selectFrom('variants')
    .select(['id', 'product_id', 'option_values'])
    .where('shop_id', '=', shopId)
    .where('product_id', 'in', ids)
    .execute();
  const rows = await trx
    .selectFrom('translations')
    .select(['entity_type', 'entity_id', 'field', 'source_hash'])
    .where('shop_id', '=', shopId)
    .where('locale', '=', locale)
    .where('entity_id', 'in', [...ids, ...variants.map((v) => v.id)])
    .execute();
  const hashes = new Map(
    rows.map((r) => [
      fieldKey({ entityType: r.entity_type, entityId: r.entity_id, field: r.field }),
      r.source_hash,
    ]),
  );
  const items = [];
  for (const p of page) {
    const fields = sourceFields({
      id: p.id,
      title: p.title,
      descriptionHtml: p.description_html,
      bulletPoints: p.bullet_points,
      seoTitle: p.seo_title,
      seoDescription: p.seo_description,
      variants: variants
        .filter((v) => v.product_id === p.id)
        .map((v) => ({ id: v.id, optionValues: v.option_values })),
    });
    let missing = 0;
    let stale = 0;
    for (const f of fields) {
      const hash = hashes.get(fieldKey(f));
      if (!hash) missing++;
      else if (hash !== sourceHash(f.source)) stale++;
    }
    if (missing || stale) items.push({ productId: p.id, title: p.title, missing, stale });
  }
  const last = page.at(-1)!;
  return {
    items,
    nextCursor: products.length > scan ? encodeCursor([last.updated_at.toISOString(), last.id]) : null,
  };
}
