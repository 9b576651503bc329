/**
 * Adapter for the DeepL API v2 (https://developers.deepl.com/api-reference/translate):
 * POST /v2/translate with `Authorization: DeepL-Auth-Key …`, JSON { text[], source_lang,
 * target_lang, tag_handling? } → { translations: [{ detected_source_language, text }] }.
 * At most 50 texts and 128 KiB per request, so input is batched.
 */
import { z } from 'zod';
import { AppError } from '../../../../kernel/errors.ts';
import { batchTexts } from './batch-texts.ts';
import type { TranslateRequest, TranslationProvider } from './provider.ts';
import { type RetryOptions, requestWithRetry, type ServiceResponse } from './request-with-retry.ts';
import { translateWithGlossary } from './translate-with-glossary.ts';

export interface DeepLOptions {
  authKey: string;
  /** Overrides the endpoint chosen from the key (tests, proxies). */
  baseUrl?: string;
  retry?: RetryOptions;
}

const MAX_TEXTS = 50;
// 128 KiB body limit; CJK is 3 bytes per character in UTF-8, plus JSON overhead.
const MAX_CHARS = 30_000;

const translateResponse = z.object({
  translations: z.array(z.object({ detected_source_language: z.string().optional(), text: z.string() })),
});
const errorResponse = z.object({ message: z.string(), detail: z.string().optional() });

/** Free-plan keys end with ":fx" and only work on api-free.deepl.com. */
export function deepLBaseUrl(authKey: string): string {
  return authKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

const subtags = (tag: string) => {
  const [primary = '', ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  return { primary, rest };
};
const BRITISH = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'in', 'za']);
const TRADITIONAL = new Set(['hant', 'tw', 'hk', 'mo']);

/** Source languages are plain primary codes in DeepL (ZH, EN, PT). */
export function toDeepLSource(tag: string): string {
  const { primary } = subtags(tag);
  return primary === 'no' ? 'NB' : primary.toUpperCase();
}

/** Targets need a variant for English, Portuguese and Chinese; plain EN/PT are deprecated. */
export function toDeepLTarget(tag: string): string {
  const { primary, rest } = subtags(tag);
  if (primary === 'en') return rest.some((s) => BRITISH.has(s)) ? 'EN-GB' : 'EN-US';
  if (primary === 'pt') return rest.includes('br') ? 'PT-BR' : 'PT-PT';
  if (primary === 'zh') return rest.some((s) => TRADITIONAL.has(s)) ? 'ZH-HANT' : 'ZH-HANS';
  return primary === 'no' ? 'NB' : primary.toUpperCase();
}

function explain(
  res: ServiceResponse,
  req: TranslateRequest,
  sent: { source: string; target: string },
): AppError {
  const parsed = errorResponse.safeParse(res.body);
  const msg = (
    parsed.success ? parsed.data.message : typeof res.body === 'string' && res.body ? res.body : 'no details'
  ).slice(0, 200);
  const details = { provider: 'deepl', status: res.status, attempts: res.attempts };
  const fail = (text: string) => new AppError('PROVIDER_FAILED', text, { details });
  switch (res.status) {
    case 403:
      return fail(
        'DeepL refused the authentication key (HTTP 403). Check CUNKOU_TRANSLATE_KEY: copy the key from your DeepL account ' +
          '(Account → API Keys); Free keys end with ":fx" and are sent to api-free.deepl.com.',
      );
    case 456:
      return fail(
        'The DeepL quota is used up (HTTP 456 Quota exceeded): this DeepL account has no characters left this billing period. ' +
          'Raise the Cost Control limit or upgrade the plan in your DeepL account, wait for the next period, or translate manually.',
      );
    case 413:
      return fail(
        'DeepL says the request is too large (HTTP 413). Shorten the text: DeepL accepts at most 128 KiB per request.',
      );
    case 429:
      return new AppError(
        'RATE_LIMITED',
        `DeepL is still throttling after ${res.attempts} attempts (HTTP 429 Too many requests). Try again in a few minutes.`,
        { details },
      );
  }
  if (res.status === 400 && /lang/i.test(msg)) {
    return fail(
      `DeepL cannot translate ${req.source} (sent as ${sent.source}) to ${req.target} (sent as ${sent.target}): ${msg} ` +
        'DeepL does not offer this language pair; use LibreTranslate or translate manually.',
    );
  }
  if (res.status >= 500) {
    return fail(`DeepL is unavailable (HTTP ${res.status}) after ${res.attempts} attempts. Try again later.`);
  }
  return fail(`DeepL rejected the request (HTTP ${res.status}: ${msg}).`);
}

export function createDeepLProvider(opts: DeepLOptions): TranslationProvider {
  const url = `${(opts.baseUrl ?? deepLBaseUrl(opts.authKey)).replace(/\/+$/, '')}/v2/translate`;

  const sendBatch = async (texts: string[], req: TranslateRequest): Promise<string[]> => {
    const sent = { source: toDeepLSource(req.source), target: toDeepLTarget(req.target) };
    const res = await requestWithRetry({
      label: 'DeepL',
      method: 'POST',
      url,
      headers: { authorization: `DeepL-Auth-Key ${opts.authKey.trim()}` },
      json: {
        text: texts,
        source_lang: sent.source,
        target_lang: sent.target,
        // html: tags and translate="no" elements (our glossary placeholders) stay intact;
        // text: keep the seller's punctuation and casing instead of DeepL "correcting" it.
        ...(req.format === 'html' ? { tag_handling: 'html' } : { preserve_formatting: true }),
      },
      retry: opts.retry,
      defaultTimeoutMs: 30_000,
      unreachableHint: 'Check the network connection to DeepL, then try again.',
    });
    if (res.status !== 200) throw explain(res, req, sent);
    const parsed = translateResponse.safeParse(res.body);
    if (!parsed.success || parsed.data.translations.length !== texts.length) {
      throw new AppError('PROVIDER_FAILED', 'DeepL answered in an unexpected shape; try again later.', {
        details: { provider: 'deepl' },
      });
    }
    return parsed.data.translations.map((t) => t.text);
  };

  return {
    name: 'deepl',
    translate: (req) =>
      translateWithGlossary(req, async (texts) => {
        const out: string[] = [];
        for (const batch of batchTexts(texts, MAX_TEXTS, MAX_CHARS))
          out.push(...(await sendBatch(batch, req)));
        return out;
      }),
  };
}
