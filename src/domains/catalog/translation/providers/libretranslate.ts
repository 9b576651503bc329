/**
 * Adapter for a self-hosted LibreTranslate server (https://libretranslate.com/docs):
 * POST {url}/translate { q, source, target, format, api_key? } → { translatedText },
 * errors as { error } with 400 / 403 / 429 / 500. Batches `q` as an array.
 */
import { z } from 'zod';
import { AppError } from '../../../../kernel/errors.ts';
import { batchTexts } from './batch-texts.ts';
import type { TranslateRequest, TranslationProvider } from './provider.ts';
import { type RetryOptions, requestWithRetry, type ServiceResponse } from './request-with-retry.ts';
import { translateWithGlossary } from './translate-with-glossary.ts';

export interface LibreTranslateOptions {
  /** Server root, e.g. http://127.0.0.1:5000 */
  url: string;
  /** Only for servers started with --api-keys. */
  apiKey?: string;
  /**
   * Code the server uses for Simplified Chinese. Self-hosted 1.x servers (Argos models) say `zh`;
   * libretranslate.com and newer builds say `zh-Hans`. Check GET /languages on your server.
   */
  chineseCode?: string;
  /** Exact overrides by BCP 47 tag, e.g. { 'pt-BR': 'pb', 'zh-TW': 'zh-Hant' }. */
  languageCodes?: Record<string, string>;
  /** Texts per request; keep at or below the server's --batch-limit. */
  batchSize?: number;
  retry?: RetryOptions;
}

export interface LibreTranslateLanguage {
  code: string;
  name: string;
  targets?: string[];
}

const translateResponse = z.object({ translatedText: z.union([z.string(), z.array(z.string())]) });
const errorResponse = z.object({ error: z.string() });
const languagesResponse = z.array(
  z.object({ code: z.string(), name: z.string(), targets: z.array(z.string()).optional() }),
);

const TRADITIONAL = new Set(['hant', 'tw', 'hk', 'mo']);

/** BCP 47 tag → LibreTranslate code: mostly the primary subtag, Chinese split by script. */
export function toLibreTranslateCode(
  tag: string,
  opts: Pick<LibreTranslateOptions, 'chineseCode' | 'languageCodes'> = {},
): string {
  const wanted = tag.trim().toLowerCase();
  for (const [key, code] of Object.entries(opts.languageCodes ?? {})) {
    if (key.toLowerCase() === wanted) return code;
  }
  const [primary = wanted, ...rest] = wanted.split(/[-_]/);
  if (primary === 'zh') return rest.some((s) => TRADITIONAL.has(s)) ? 'zt' : (opts.chineseCode ?? 'zh');
  // pt-BR maps to `pt`: every server has it; servers with the Brazilian model can override to `pb`.
  return primary;
}

const serverMessage = (body: unknown): string => {
  const parsed = errorResponse.safeParse(body);
  return (parsed.success ? parsed.data.error : typeof body === 'string' ? body : 'no details').slice(0, 200);
};

function explain(
  res: ServiceResponse,
  url: string,
  req: TranslateRequest,
  codes: [string, string],
): AppError {
  const msg = serverMessage(res.body);
  const details = { provider: 'libretranslate', status: res.status, attempts: res.attempts };
  if (res.status === 400 && /not supported/i.test(msg)) {
    return new AppError(
      'PROVIDER_FAILED',
      `LibreTranslate at ${url} cannot translate ${req.source} (sent as "${codes[0]}") to ${req.target} (sent as "${codes[1]}"): ${msg}. ` +
        'Install that language model on the server, adjust the language code mapping, or translate this language manually.',
      { details },
    );
  }
  if (res.status === 403) {
    return new AppError(
      'PROVIDER_FAILED',
      `LibreTranslate at ${url} refused the API key (HTTP 403: ${msg}). ` +
        'Set CUNKOU_TRANSLATE_KEY to a key created on that server (ltmanage keys add), or remove it if the server needs none.',
      { details },
    );
  }
  if (res.status === 429) {
    return new AppError(
      'RATE_LIMITED',
      `LibreTranslate at ${url} is still limiting requests after ${res.attempts} attempts (HTTP 429: ${msg}). ` +
        'Wait a minute and try again, or raise --req-limit / --char-limit on the server.',
      { details },
    );
  }
  if (res.status >= 500) {
    return new AppError(
      'PROVIDER_FAILED',
      `LibreTranslate at ${url} failed (HTTP ${res.status}: ${msg}) after ${res.attempts} attempts. Check the server logs, then try again.`,
      { details },
    );
  }
  return new AppError(
    'PROVIDER_FAILED',
    `LibreTranslate at ${url} rejected the request (HTTP ${res.status}: ${msg}).`,
    { details },
  );
}

export type LibreTranslateProvider = TranslationProvider & { languages(): Promise<LibreTranslateLanguage[]> };

export function createLibreTranslateProvider(opts: LibreTranslateOptions): LibreTranslateProvider {
  const base = opts.url.replace(/\/+$/, '');
  const unreachableHint = 'Check CUNKOU_TRANSLATE_URL and that the LibreTranslate server is running.';
  const call = (method: 'GET' | 'POST', path: string, json?: unknown) =>
    requestWithRetry({
      label: 'LibreTranslate',
      method,
      url: `${base}${path}`,
      json,
      retry: opts.retry,
      defaultTimeoutMs: 60_000,
      unreachableHint,
    });

  const sendBatch = async (texts: string[], req: TranslateRequest): Promise<string[]> => {
    const codes: [string, string] = [
      toLibreTranslateCode(req.source, opts),
      toLibreTranslateCode(req.target, opts),
    ];
    const res = await call('POST', '/translate', {
      q: texts,
      source: codes[0],
      target: codes[1],
      format: req.format,
      ...(opts.apiKey ? { api_key: opts.apiKey } : {}),
    });
    if (res.status !== 200) throw explain(res, base, req, codes);
    const parsed = translateResponse.safeParse(res.body);
    const out = parsed.success ? [parsed.data.translatedText].flat() : [];
    if (out.length !== texts.length) {
      throw new AppError(
        'PROVIDER_FAILED',
        `LibreTranslate at ${base} answered in an unexpected shape; check that it is a LibreTranslate server (1.3 or newer).`,
        {
          details: { provider: 'libretranslate' },
        },
      );
    }
    return out;
  };

  return {
    name: 'libretranslate',
    translate: (req) =>
      translateWithGlossary(req, async (texts) => {
        const out: string[] = [];
        // Sequential on purpose: a self-hosted CPU server translates one batch at a time anyway.
        for (const batch of batchTexts(texts, opts.batchSize ?? 25, 20_000))
          out.push(...(await sendBatch(batch, req)));
        return out;
      }),
    async languages() {
      const res = await call('GET', '/languages');
      const parsed = languagesResponse.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) {
        throw new AppError(
          'PROVIDER_FAILED',
          `LibreTranslate at ${base} did not list its languages (HTTP ${res.status}). ${unreachableHint}`,
          {
            details: { provider: 'libretranslate', status: res.status },
          },
        );
      }
      return parsed.data;
    },
  };
}
