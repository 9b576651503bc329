import { appError, type FieldIssue, issue } from '../../../kernel/errors.ts';
import { normalizeLocale } from '../../../kernel/locales.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { getProduct } from '../get-product.ts';
import { refreshSearchTokens } from '../refresh-search-tokens.ts';
import { sanitizeDescription } from '../validate-product.ts';
import { fieldKey, type SourceField, sourceFields, sourceHash } from './translatable-fields.ts';
import { rememberTranslation } from './translation-memory.ts';

export interface TranslationUpdate {
  entityType: 'product' | 'variant';
  entityId: string;
  field: string;
  value: string;
}

/** Save human translations: they become `reviewed` for the current source text and feed the memory. */
export async function saveTranslations(
  trx: Tx,
  shop: { id: string; sourceLocale: string },
  actor: Actor,
  productId: string,
  localeTag: string,
  updates: TranslationUpdate[],
) {
  const locale = normalizeLocale(localeTag);
  if (locale === shop.sourceLocale) {
    throw appError(
      'VALIDATION_FAILED',
      'translation.isSource',
      { locale },
      {
        issues: [issue('locale', 'translation.isSourceIssue')],
      },
    );
  }
  const product = await getProduct(trx, shop.id, productId);
  if (!product) throw appError('NOT_FOUND', 'product.notFound');
  const fields = new Map(sourceFields(product).map((f) => [fieldKey(f), f]));
  const issues: FieldIssue[] = [];
  const accepted: Array<{ f: SourceField; value: string }> = [];
  for (const [i, u] of updates.entries()) {
    const f = fields.get(fieldKey(u));
    const value = f ? normalizeValue(f, u.value) : null;
    if (!f)
      issues.push(
        issue(`fields.${i}`, 'translation.noSourceText', { entityType: u.entityType, field: u.field }),
      );
    else if (value === null) issues.push(issue(`fields.${i}.value`, 'translation.bulletsJson'));
    else accepted.push({ f, value });
  }
  if (issues.length) throw appError('VALIDATION_FAILED', 'translation.someFailed', undefined, { issues });
  for (const { f, value } of accepted) {
    if (!value.trim()) {
      await trx
        .deleteFrom('translations')
        .where('shop_id', '=', shop.id)
        .where('entity_type', '=', f.entityType)
        .where('entity_id', '=', f.entityId)
        .where('locale', '=', locale)
        .where('field', '=', f.field)
        .execute();
      continue;
    }
    const row = {
      value,
      status: 'reviewed' as const,
      source_hash: sourceHash(f.source),
      provider: null,
      updated_at: new Date(),
      updated_by: actor.userId,
    };
    await trx
      .insertInto('translations')
      .values({
        shop_id: shop.id,
        entity_type: f.entityType,
        entity_id: f.entityId,
        locale,
        field: f.field,
        ...row,
      })
      .onConflict((oc) =>
        oc.columns(['shop_id', 'entity_type', 'entity_id', 'locale', 'field']).doUpdateSet(row),
      )
      .execute();
    await rememberTranslation(trx, shop.id, shop.sourceLocale, locale, f.source, value);
  }
  await refreshSearchTokens(trx, shop.id, productId);
  await recordAudit(trx, shop.id, actor, {
    action: 'translation.saved',
    entityType: 'product',
    entityId: productId,
    changes: { locale, fields: accepted.map((a) => `${a.f.entityType}.${a.f.field}`) },
  });
  return { saved: accepted.length };
}

function normalizeValue(f: SourceField, value: string): string | null {
  if (f.format === 'html') return sanitizeDescription(value);
  if (f.format === 'list') {
    try {
      const list = JSON.parse(value);
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return JSON.stringify(list);
    } catch {
      // reported below
    }
    return null;
  }
  return value.trim();
}
