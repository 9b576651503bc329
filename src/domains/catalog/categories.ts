import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';

export async function listCategories(trx: Tx, shopId: string) {
  const rows = await trx
    .selectFrom('categories')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('path')
    .execute();
  return rows.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, path: c.path }));
}

export async function createCategory(
  trx: Tx,
  shopId: string,
  input: { name: string; parentId?: string | null | undefined },
) {
  const name = input.name.trim();
  if (!name || name.includes('>')) {
    throw appError('VALIDATION_FAILED', 'category.invalidName', undefined, {
      issues: [issue('name', 'category.invalidNameIssue')],
    });
  }
  let path = name;
  if (input.parentId) {
    const parent = await trx
      .selectFrom('categories')
      .select('path')
      .where('shop_id', '=', shopId)
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent)
      throw appError('VALIDATION_FAILED', 'category.parentMissing', undefined, {
        issues: [issue('parentId', 'product.unknownCategoryIssue')],
      });
    path = `${parent.path} > ${name}`;
  }
  const existing = await trx
    .selectFrom('categories')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('path', '=', path)
    .executeTakeFirst();
  if (existing) throw appError('CONFLICT', 'category.exists', { path });
  const row = { shop_id: shopId, id: newId(), parent_id: input.parentId ?? null, name, path };
  await trx.insertInto('categories').values(row).execute();
  return { id: row.id, parentId: row.parent_id, name, path };
}

/** Find or create every level of a "Home > Candles > Jar" path (imports use this). */
export async function ensureCategoryPath(
  trx: Tx,
  shopId: string,
  path: string,
  cache = new Map<string, string>(),
) {
  const parts = path
    .split('>')
    .map((p) => p.trim())
    .filter(Boolean);
  let parentId: string | null = null;
  let current = '';
  for (const name of parts) {
    current = current ? `${current} > ${name}` : name;
    let id = cache.get(current);
    if (!id) {
      const found = await trx
        .selectFrom('categories')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('path', '=', current)
        .executeTakeFirst();
      id = found?.id ?? (await createCategory(trx, shopId, { name, parentId })).id;
      cache.set(current, id);
    }
    parentId = id;
  }
  return parentId;
}
