import type { TranslationField, TranslationStatus } from '../../types';

export const fieldKey = (f: TranslationField) => `${f.entityType}:${f.entityId}:${f.field}`;

/** bulletPoints travel as one JSON array; people edit them one per line. */
export function toEditable(field: string, value: string): string {
  if (field !== 'bulletPoints' || !value) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String).join('\n') : value;
  } catch {
    return value;
  }
}

export function fromEditable(field: string, text: string): string {
  if (field !== 'bulletPoints') return text;
  return JSON.stringify(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

export function statusOf(f: TranslationField, locale: string): TranslationStatus | 'missing' {
  return f.translations[locale]?.status ?? 'missing';
}

export function isValidLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** testid suffix: product fields by name, variant fields by variant id and name. */
export const testIdFor = (f: TranslationField) =>
  f.entityType === 'product'
    ? `translation-value-${f.field}`
    : `translation-value-variant-${f.entityId}-${f.field}`;
