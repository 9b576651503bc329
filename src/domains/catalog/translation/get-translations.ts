import { appError } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { getProduct } from '../get-product.ts';
import { fieldKey, sourceFields, sourceHash } from './translatable-fields.ts';

export type TranslationStatus = 'machine' | 'reviewed' | 'stale';

/** Source fields of a product side by side with every locale's translation and its status. */
export async function getProductTranslations(
  trx: Tx,
  shopId: string,
  productId: string,
  targetLocales: string[],
) {
  const product = await getProduct(trx, shopId, productId);
  if (!product) throw appError('NOT_FOUND', 'product.notFound');
  const fields = sourceFields(product);
  const rows = await trx
    .selectFrom('translations')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('entity_id', 'in', [product.id, ...product.variants.map((v) => v.id)])
    .execute();
  const byField = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = fieldKey({ entityType: row.entity_type, entityId: row.entity_id, field: row.field });
    byField.set(key, [...(byField.get(key) ?? []), row]);
  }
  const locales = new Set(targetLocales);
  for (const row of rows) locales.add(row.locale);
  return {
    locales: [...locales],
    fields: fields.map((f) => {
      const hash = sourceHash(f.source);
      const translations: Record<string, { value: string; status: TranslationStatus }> = {};
      for (const row of byField.get(fieldKey(f)) ?? []) {
        translations[row.locale] = {
          value: row.value,
          status: row.source_hash === hash ? row.status : 'stale',
        };
      }
      return {
        entityType: f.entityType,
        entityId: f.entityId,
        field: f.field,
        format: f.format,
        source: f.source,
        translations,
      };
    }),
  };
}
