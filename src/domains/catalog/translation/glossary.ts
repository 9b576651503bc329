import { appError, issue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { normalizeLocale } from '../../../kernel/locales.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import type { GlossaryEntry } from './providers/provider.ts';

export async function listGlossary(trx: Tx, shopId: string) {
  const rows = await trx
    .selectFrom('glossary_terms')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('term')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    targetLocale: r.target_locale,
    translation: r.translation,
    doNotTranslate: r.do_not_translate,
  }));
}

export async function addGlossaryTerm(
  trx: Tx,
  shopId: string,
  input: {
    term: string;
    targetLocale?: string | null | undefined;
    translation?: string | null | undefined;
    doNotTranslate: boolean;
  },
) {
  const term = input.term.trim();
  if (!term)
    throw appError('VALIDATION_FAILED', 'glossary.termEmpty', undefined, {
      issues: [issue('term', 'common.required')],
    });
  if (!input.doNotTranslate && !(input.translation?.trim() && input.targetLocale)) {
    throw appError('VALIDATION_FAILED', 'glossary.translationMissing', undefined, {
      issues: [issue('translation', 'glossary.translationMissingIssue')],
    });
  }
  const row = {
    shop_id: shopId,
    id: newId(),
    term,
    // A do-not-translate term holds for every language.
    target_locale: !input.doNotTranslate && input.targetLocale ? normalizeLocale(input.targetLocale) : null,
    translation: input.doNotTranslate ? null : input.translation!.trim(),
    do_not_translate: input.doNotTranslate,
  };
  const same = await trx
    .selectFrom('glossary_terms')
    .select('id')
    .where('shop_id', '=', shopId)
    .where((eb) => eb(eb.fn('lower', ['term']), '=', term.toLowerCase()))
    .where((eb) =>
      row.target_locale ? eb('target_locale', '=', row.target_locale) : eb('target_locale', 'is', null),
    )
    .executeTakeFirst();
  if (same) {
    throw appError(
      'CONFLICT',
      'glossary.duplicate',
      { term },
      { issues: [issue('term', 'glossary.duplicate', { term })] },
    );
  }
  await trx.insertInto('glossary_terms').values(row).execute();
  return {
    id: row.id,
    term,
    targetLocale: row.target_locale,
    translation: row.translation,
    doNotTranslate: row.do_not_translate,
  };
}

export async function deleteGlossaryTerm(trx: Tx, shopId: string, id: string) {
  const r = await trx
    .deleteFrom('glossary_terms')
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r.numDeletedRows) throw appError('NOT_FOUND', 'glossary.notFound');
}

/** The entries that apply to one target language: do-not-translate terms plus its fixed translations. */
export async function loadGlossary(trx: Tx, shopId: string, locale: string): Promise<GlossaryEntry[]> {
  const rows = await trx.selectFrom('glossary_terms').selectAll().where('shop_id', '=', shopId).execute();
  return rows
    .filter((r) => r.do_not_translate || r.target_locale === locale)
    .map((r) => ({
      term: r.term,
      doNotTranslate: r.do_not_translate,
      ...(r.translation ? { translation: r.translation } : {}),
    }));
}
