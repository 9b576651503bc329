import { appError } from '../../../kernel/errors.ts';
import { normalizeLocale } from '../../../kernel/locales.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { refreshSearchTokens } from '../refresh-search-tokens.ts';
import { getProductTranslations } from './get-translations.ts';
import { loadGlossary } from './glossary.ts';
import type { TranslationProvider } from './providers/provider.ts';
import { sourceHash } from './translatable-fields.ts';
import { recallTranslations } from './translation-memory.ts';

interface Pending {
  entityType: 'product' | 'variant';
  entityId: string;
  field: string;
  format: 'text' | 'html' | 'list';
  source: string;
}

/**
 * Fill a locale's missing and stale fields: exact matches from the translation memory first,
 * then the machine provider (with the shop glossary). Reviewed, current translations are never
 * overwritten. Without a provider the memory still fills what it can and the rest is reported.
 */
export async function machineTranslateProduct(
  trx: Tx,
  shop: { id: string; sourceLocale: string },
  actor: Actor,
  provider: TranslationProvider | null,
  productId: string,
  localeTag: string,
) {
  const locale = normalizeLocale(localeTag);
  const view = await getProductTranslations(trx, shop.id, productId, [locale]);
  const pending: Pending[] = view.fields.filter((f) => {
    const t = f.translations[locale];
    return !t || t.status === 'stale';
  });
  const memory = await recallTranslations(
    trx,
    shop.id,
    shop.sourceLocale,
    locale,
    pending.map((p) => p.source),
  );
  const fromMemory = pending.filter((p) => memory.has(p.source));
  const forMachine = pending.filter((p) => !memory.has(p.source));
  for (const p of fromMemory) await store(trx, shop.id, locale, p, memory.get(p.source)!, 'memory', actor);

  let machine = 0;
  if (forMachine.length && provider) {
    const glossary = await loadGlossary(trx, shop.id, locale);
    const results = await translateAll(provider, forMachine, shop.sourceLocale, locale, glossary);
    for (const [i, p] of forMachine.entries())
      await store(trx, shop.id, locale, p, results[i]!, provider.name, actor);
    machine = forMachine.length;
  }
  await refreshSearchTokens(trx, shop.id, productId);
  await recordAudit(trx, shop.id, actor, {
    action: 'translation.machine',
    entityType: 'product',
    entityId: productId,
    changes: { locale, fromMemory: fromMemory.length, machine },
  });
  return { locale, fromMemory: fromMemory.length, machine, remaining: provider ? 0 : forMachine.length };
}

async function translateAll(
  provider: TranslationProvider,
  items: Pending[],
  source: string,
  target: string,
  glossary: Awaited<ReturnType<typeof loadGlossary>>,
) {
  // Lists are split into their bullets and joined back after; html and text go in separate calls.
  const texts: string[] = [];
  const html: string[] = [];
  const plan = items.map((p) => {
    if (p.format === 'html') return { kind: 'html' as const, at: html.push(p.source) - 1, n: 1 };
    const parts = p.format === 'list' ? (JSON.parse(p.source) as string[]) : [p.source];
    const at = texts.length;
    texts.push(...parts);
    return { kind: p.format === 'list' ? ('list' as const) : ('text' as const), at, n: parts.length };
  });
  const [outText, outHtml] = await Promise.all([
    texts.length ? provider.translate({ texts, source, target, format: 'text', glossary }) : [],
    html.length ? provider.translate({ texts: html, source, target, format: 'html', glossary }) : [],
  ]);
  return plan.map((s) => {
    if (s.kind === 'html') return outHtml[s.at]!;
    if (s.kind === 'list') return JSON.stringify(outText.slice(s.at, s.at + s.n));
    return outText[s.at]!;
  });
}

async function store(
  trx: Tx,
  shopId: string,
  locale: string,
  p: Pending,
  value: string,
  provider: string,
  actor: Actor,
) {
  const row = {
    value,
    status: 'machine' as const,
    source_hash: sourceHash(p.source),
    provider,
    updated_at: new Date(),
    updated_by: actor.userId,
  };
  await trx
    .insertInto('translations')
    .values({
      shop_id: shopId,
      entity_type: p.entityType,
      entity_id: p.entityId,
      locale,
      field: p.field,
      ...row,
    })
    .onConflict((oc) =>
      oc.columns(['shop_id', 'entity_type', 'entity_id', 'locale', 'field']).doUpdateSet(row),
    )
    .execute();
}

export function providerMissingError(remaining: number) {
  return appError(
    'PROVIDER_NOT_CONFIGURED',
    'translation.providerMissing',
    { remaining },
    { details: { remaining } },
  );
}
