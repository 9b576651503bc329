import type { TFunction } from 'i18next';
import { type ApiError, isApiError } from './api';

/** "variants.0.sku" → "变体 1 › SKU" using `fields.*` labels where we have them. */
export function fieldLabel(field: string, t: TFunction): string {
  const parts = field.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      out.push(t(`fields.${part}Item`, { n: Number(next) + 1, defaultValue: `${part} ${Number(next) + 1}` }));
      i++;
    } else if (/^\d+$/.test(part)) {
      out.push(`#${Number(part) + 1}`);
    } else {
      out.push(t(`fields.${part}`, { defaultValue: part }));
    }
  }
  return out.join(' › ');
}

/** The one-line text for an error: translated by code when we know it, else the server message. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : String(err);
  return apiErrorMessage(err, t);
}

function apiErrorMessage(err: ApiError, t: TFunction): string {
  if (err.code === 'ACCOUNT_LOCKED') {
    const seconds = Number(err.details.retryAfterSeconds ?? 0);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return t('errors.ACCOUNT_LOCKED', { minutes });
  }
  // A validation error without field issues carries its whole explanation in the message.
  if (err.code === 'VALIDATION_FAILED' && err.issues.length === 0 && err.message) return err.message;
  return t(`errors.${err.code}`, { defaultValue: err.message || err.code });
}
