import type { Kysely } from 'kysely';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { normalizeLocale } from '../../kernel/locales.ts';
import type { DB } from '../../platform/db/schema.ts';

export interface CreateShopInput {
  slug: string;
  name: string;
  sourceLocale?: string;
  targetLocales?: string[];
  defaultCurrency?: string;
}

export async function createShop(db: Kysely<DB>, input: CreateShopInput) {
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) {
    throw appError('VALIDATION_FAILED', 'shop.slugInvalid', undefined, {
      issues: [issue('slug', 'shop.slugInvalidIssue')],
    });
  }
  const existing = await db.selectFrom('shops').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) throw appError('CONFLICT', 'shop.slugTaken', { slug });
  const shop = {
    id: newId(),
    slug,
    name: input.name.trim(),
    source_locale: normalizeLocale(input.sourceLocale ?? 'zh-CN'),
    target_locales: (input.targetLocales ?? ['en']).map((l) => normalizeLocale(l)),
    default_currency: (input.defaultCurrency ?? 'USD').toUpperCase(),
  };
  await db.insertInto('shops').values(shop).execute();
  return shop;
}

export async function findShopBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('shops').selectAll().where('slug', '=', slug).executeTakeFirst();
}
