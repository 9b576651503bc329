/**
 * Local LibreTranslate server following its documented API (https://libretranslate.com/docs):
 * GET /languages, POST /translate { q, source, target, format, api_key } → { translatedText }.
 * Errors use LibreTranslate's { error } shape and messages. HTML keeps translate="no" and the
 * non-translatable tags of argos translate-html untouched.
 */
import {
  fakeTranslateHtml,
  fakeTranslateText,
  type RecordedRequest,
  type RunningSimulator,
  sendJson,
  startSimulator,
} from './machine-translation-kit.ts';

export type { RecordedRequest } from './machine-translation-kit.ts';

export interface LibreTranslateSimulatorOptions {
  /** When set, the server runs like `--api-keys`: every /translate needs this api_key. */
  apiKey?: string;
  /** Answer the next `times` /translate calls with `status` (429 slow down, 500 crash…). */
  failNext?: { status: number; times: number };
  /** Like `--batch-limit`: most texts one request may carry. */
  batchLimit?: number;
}

// A typical self-hosted install: `zh` simplified, `zt` traditional (Argos models).
const LANGUAGES: Record<string, string> = {
  en: 'English',
  zh: 'Chinese',
  zt: 'Chinese (traditional)',
  de: 'German',
  es: 'Spanish',
  fr: 'French',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  pt: 'Portuguese',
  ru: 'Russian',
  ar: 'Arabic',
};
// translate-html's NON_TRANSLATEABLE_TAGS
const SKIP_TAGS = [
  'address',
  'applet',
  'audio',
  'canvas',
  'code',
  'embed',
  'script',
  'style',
  'time',
  'video',
];

const FAILURE_MESSAGES: Record<number, string> = {
  429: 'Too many request limits violations',
  500: 'Cannot translate text: internal error',
};

export async function startLibreTranslateSimulator(
  opts: LibreTranslateSimulatorOptions = {},
): Promise<RunningSimulator> {
  const failNext = opts.failNext ? { ...opts.failNext } : undefined;
  return startSimulator((req: RecordedRequest, res) => {
    if (req.method === 'GET' && req.path === '/languages') {
      const codes = Object.keys(LANGUAGES);
      return sendJson(
        res,
        200,
        codes.map((code) => ({ code, name: LANGUAGES[code], targets: codes.filter((c) => c !== code) })),
      );
    }
    if (req.method !== 'POST' || req.path !== '/translate') return sendJson(res, 404, { error: 'Not Found' });
    if (failNext && failNext.times > 0) {
      failNext.times -= 1;
      return sendJson(res, failNext.status, { error: FAILURE_MESSAGES[failNext.status] ?? 'Error' });
    }
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    if (opts.apiKey !== undefined) {
      if (body.api_key === undefined || body.api_key === '') {
        return sendJson(res, 403, { error: 'Please contact the server operator to get an API key' });
      }
      if (body.api_key !== opts.apiKey) return sendJson(res, 403, { error: 'Invalid API key' });
    }
    const { q, source, target } = body;
    const format = body.format ?? 'text';
    for (const [name, value] of Object.entries({ q, source, target })) {
      if (value === undefined || value === '')
        return sendJson(res, 400, { error: `Invalid request: missing ${name} parameter` });
    }
    const texts = Array.isArray(q) ? q : [q];
    if (!texts.every((t) => typeof t === 'string'))
      return sendJson(res, 400, { error: 'Invalid request: q must be text' });
    if (opts.batchLimit !== undefined && texts.length > opts.batchLimit) {
      return sendJson(res, 400, {
        error: `Invalid request: request (${texts.length}) exceeds text limit (${opts.batchLimit})`,
      });
    }
    for (const lang of [source, target]) {
      if (lang !== 'auto' && !(String(lang) in LANGUAGES))
        return sendJson(res, 400, { error: `${String(lang)} is not supported` });
    }
    if (format !== 'text' && format !== 'html')
      return sendJson(res, 400, { error: `${String(format)} format is not supported` });
    const translate = (t: string) =>
      format === 'html'
        ? fakeTranslateHtml(t, String(target), SKIP_TAGS)
        : fakeTranslateText(t, String(target));
    const out = (texts as string[]).map(translate);
    return sendJson(res, 200, { translatedText: Array.isArray(q) ? out : out[0] });
  });
}
