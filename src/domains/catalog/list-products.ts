import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { imageUrls } from './images/image-urls.ts';
import { queryTokens } from './search-tokens.ts';

export interface ListProductsInput {
  q?: string | undefined;
  status?: 'draft' | 'active' | 'archived' | undefined;
  categoryId?: string | undefined;
  brand?: string | undefined;
  tag?: string | undefined;
  sort: 'updated_desc' | 'created_desc' | 'title_asc';
  limit: number;
  cursor?: string | undefined;
}

/** Rows of the list order a search looks through before it falls back to the full query. */
const SEARCH_WINDOW = 2000;

/**
 * Keyset-paginated product list. Filters and sort run in the database on indexed columns; the
 * variants and thumbnails of the page are fetched as two set queries (no N+1).
 */
export async function listProducts(trx: Tx, shopId: string, input: ListProductsInput) {
  const sortColumn = {
    updated_desc: 'p.updated_at',
    created_desc: 'p.created_at',
    title_asc: 'p.title',
  } as const;
  const col = sortColumn[input.sort];
  const desc = input.sort !== 'title_asc';
  const columns = [
    'p.id',
    'p.title',
    'p.status',
    'p.brand',
    'p.category_id',
    'p.tags',
    'p.updated_at',
    'p.created_at',
  ] as const;
  let q = trx.selectFrom('products as p').where('p.shop_id', '=', shopId);
  if (input.status) q = q.where('p.status', '=', input.status);
  if (input.categoryId) q = q.where('p.category_id', '=', input.categoryId);
  if (input.brand) q = q.where('p.brand', '=', input.brand);
  if (input.tag) q = q.where(sql<boolean>`p.tags @> ${sql.val([input.tag])}::text[]`);
  if (input.cursor) {
    const [key, id] = decodeCursor(input.cursor, 2) as [string, string];
    const value = desc ? new Date(key) : key;
    q = q.where(sql<boolean>`(${sql.ref(col)}, p.id) ${sql.raw(desc ? '<' : '>')} (${value}, ${id})`);
  }
  q = q.orderBy(col, desc ? 'desc' : 'asc').orderBy('p.id', desc ? 'desc' : 'asc');
  const tokens = input.q ? queryTokens(input.q) : [];
  const full = (where?: RawBuilder<boolean>) =>
    (where ? q.where(where) : q)
      .select(columns)
      .limit(input.limit + 1)
      .execute();
  let rows: Awaited<ReturnType<typeof full>>;
  if (tokens.length) {
    // Row-level security keeps the planner from using the GIN index for `@>` (the operator is not
    // leakproof), so a search either walks the sort index or scans the table — and with bigram
    // tokens (香薰蜡烛 → 香薰, 薰蜡, 蜡烛) it badly underestimates matches and picks the scan
    // (200 ms at 100,000 products). Most searches match densely: look for the page within the
    // first SEARCH_WINDOW rows in list order first (a bounded index walk), and only fall back to
    // the full query when that window does not hold a whole page. Same rows, same order.
    const search = sql<boolean>`p.search_tokens @> ${sql.val(tokens)}::text[]`;
    const windowed = await trx
      .selectFrom(
        q
          .select([...columns, 'p.search_tokens'])
          .limit(SEARCH_WINDOW)
          .as('p'),
      )
      .select(columns)
      .where(search)
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('p.id', desc ? 'desc' : 'asc')
      .limit(input.limit + 1)
      .execute();
    // Sparse matches: candidates come from the GIN index through cunkou_search_product_ids (see
    // its migration); the outer query keeps the tenant policy and the token test.
    const candidates = sql<boolean>`p.id IN (SELECT cunkou_search_product_ids(${sql.val(tokens)}::text[]))`;
    rows = windowed.length > input.limit ? windowed : await full(sql<boolean>`${candidates} AND ${search}`);
  } else {
    rows = await full();
  }
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const [variants, images, categories] = ids.length
    ? await Promise.all([
        trx
          .selectFrom('variants')
          .select(['product_id', 'sku'])
          .where('shop_id', '=', shopId)
          .where('product_id', 'in', ids)
          .orderBy('position')
          .execute(),
        trx
          .selectFrom('product_images')
          .distinctOn('product_id')
          .select(['product_id', 'storage_key'])
          .where('shop_id', '=', shopId)
          .where('product_id', 'in', ids)
          .orderBy('product_id')
          .orderBy('position')
          .execute(),
        trx
          .selectFrom('categories')
          .select(['id', 'path'])
          .where('shop_id', '=', shopId)
          .where(
            'id',
            'in',
            page
              .map((r) => r.category_id)
              .filter((c): c is string => !!c)
              .concat(['00000000-0000-0000-0000-000000000000']),
          )
          .execute(),
      ])
    : [[], [], []];
  const skusBy = new Map<string, string[]>();
  for (const v of variants) skusBy.set(v.product_id, [...(skusBy.get(v.product_id) ?? []), v.sku]);
  const imageBy = new Map(images.map((i) => [i.product_id, imageUrls(i.storage_key).thumbUrl]));
  const categoryBy = new Map(categories.map((c) => [c.id, c.path]));
  const last = page.at(-1);
  const cursorKey = (r: (typeof page)[number]) =>
    input.sort === 'title_asc'
      ? r.title
      : (input.sort === 'created_desc' ? r.created_at : r.updated_at).toISOString();
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      brand: r.brand,
      categoryId: r.category_id,
      categoryName: r.category_id ? (categoryBy.get(r.category_id) ?? null) : null,
      tags: r.tags,
      variantCount: skusBy.get(r.id)?.length ?? 0,
      skus: skusBy.get(r.id) ?? [],
      thumbnailUrl: imageBy.get(r.id) ?? null,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([cursorKey(last), last.id]) : null,
  };
}
