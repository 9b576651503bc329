import type { Tx } from '../../../platform/db/tenant.ts';
import { sourceHash } from './translatable-fields.ts';

/** Exact-match translation memory: reviewed translations are reused for identical source text. */
export async function rememberTranslation(
  trx: Tx,
  shopId: string,
  source: string,
  target: string,
  sourceText: string,
  targetText: string,
) {
  const row = { source_text: sourceText, target_text: targetText, updated_at: new Date() };
  await trx
    .insertInto('translation_memory')
    .values({
      shop_id: shopId,
      source_locale: source,
      target_locale: target,
      source_hash: sourceHash(sourceText),
      ...row,
    })
    .onConflict((oc) =>
      oc.columns(['shop_id', 'source_locale', 'target_locale', 'source_hash']).doUpdateSet(row),
    )
    .execute();
}

export async function recallTranslations(
  trx: Tx,
  shopId: string,
  source: string,
  target: string,
  texts: string[],
) {
  if (!texts.length) return new Map<string, string>();
  const rows = await trx
    .selectFrom('translation_memory')
    .select(['source_text', 'target_text'])
    .where('shop_id', '=', shopId)
    .where('source_locale', '=', source)
    .where('target_locale', '=', target)
    .where('source_hash', 'in', texts.map(sourceHash))
    .execute();
  return new Map(rows.map((r) => [r.source_text, r.target_text]));
}
