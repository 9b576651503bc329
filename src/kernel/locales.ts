/** BCP 47 locale tags, canonicalised so "EN_us" and "en-US" are stored and compared as one. */
import { type AppError, appError, issue } from './errors.ts';
import type { MessageRef } from './i18n/index.ts';

// fallback 'none' makes `of` return undefined for languages ICU has no data for.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function invalid(tag: string, why: MessageRef): AppError {
  return appError(
    'VALIDATION_FAILED',
    'locale.invalid',
    { tag, why },
    {
      issues: [issue('locale', why.key, why.params)],
      details: { value: tag },
    },
  );
}

export function normalizeLocale(tag: string): string {
  // Java/PHP/gettext exports (and some marketplace files) write "zh_CN"; BCP 47 uses hyphens.
  const candidate = tag.trim().replace(/_/g, '-');
  if (candidate === '') throw invalid(tag, { key: 'locale.empty' });
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(candidate);
  } catch {
    // Intl throws a bare RangeError; ours tells the user what to type instead.
  }
  if (!canonical) throw invalid(tag, { key: 'locale.malformed' });
  // "english" or "xx" are well-formed but name no language; a typo should not reach storage.
  const language = new Intl.Locale(canonical).language;
  if (!languageNames.of(language))
    throw invalid(tag, { key: 'locale.unknownLanguage', params: { language } });
  return canonical;
}
