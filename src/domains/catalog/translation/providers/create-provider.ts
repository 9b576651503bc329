/**
 * Builds the configured translation provider from settings (env CUNKOU_TRANSLATE_PROVIDER,
 * CUNKOU_TRANSLATE_URL, CUNKOU_TRANSLATE_KEY). Returns null when nothing is configured: machine
 * translation is optional and sellers can always type translations by hand.
 */
import { AppError } from '../../../../kernel/errors.ts';
import { createDeepLProvider } from './deepl.ts';
import { createLibreTranslateProvider } from './libretranslate.ts';
import type { TranslationProvider, TranslationProviderName } from './provider.ts';
import type { RetryOptions } from './request-with-retry.ts';

export interface TranslationProviderConfig {
  provider?: TranslationProviderName;
  url?: string;
  apiKey?: string;
  /** Tests shorten waits; production uses the defaults. */
  retry?: RetryOptions;
}

export function createTranslationProvider(config: TranslationProviderConfig): TranslationProvider | null {
  const url = config.url?.trim() || undefined;
  const apiKey = config.apiKey?.trim() || undefined;
  // A URL alone means a self-hosted LibreTranslate; a key alone means DeepL.
  const provider = config.provider ?? (url ? 'libretranslate' : apiKey ? 'deepl' : undefined);
  if (provider === undefined) return null;
  if (provider === 'deepl') {
    if (!apiKey) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'DeepL is selected but CUNKOU_TRANSLATE_KEY is empty: set it to your DeepL API key.',
      );
    }
    return createDeepLProvider({ authKey: apiKey, baseUrl: url, retry: config.retry });
  }
  if (provider === 'libretranslate') {
    if (!url) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'LibreTranslate is selected but CUNKOU_TRANSLATE_URL is empty: set it to your server, e.g. http://127.0.0.1:5000.',
      );
    }
    return createLibreTranslateProvider({ url, apiKey, retry: config.retry });
  }
  throw new AppError(
    'PROVIDER_NOT_CONFIGURED',
    `Unknown translation provider "${String(provider)}": set CUNKOU_TRANSLATE_PROVIDER to libretranslate or deepl.`,
  );
}
