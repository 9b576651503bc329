/** BCP 47 locale tags, canonicalised so "EN_us" and "en-US" are stored and compared as one. */
import { AppError } from './errors.ts';

// fallback 'none' makes `of` return undefined for languages ICU has no data for.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function invalid(tag: string, why: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `"${tag}" is not a valid language tag (${why}); use a BCP 47 tag such as "zh-CN", "en-US" or "pt-BR".`,
    { issues: [{ field: 'locale', message: why }], details: { value: tag } },
  );
}

export function normalizeLocale(tag: string): string {
  // Java/PHP/gettext exports (and some marketplace files) write "zh_CN"; BCP 47 uses hyphens.
  const candidate = tag.trim().replace(/_/g, '-');
  if (candidate === '') throw invalid(tag, 'empty');
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(candidate);
  } catch {
    // Intl throws a bare RangeError; ours tells the user what to type instead.
  }
  if (!canonical) throw invalid(tag, 'malformed');
  // "english" or "xx" are well-formed but name no language; a typo should not reach storage.
  const language = new Intl.Locale(canonical).language;
  if (!languageNames.of(language)) throw invalid(tag, `unknown language "${language}"`);
  return canonical;
}
