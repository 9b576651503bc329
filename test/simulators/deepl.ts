/**
 * Local DeepL API v2 server following the documented contract
 * (https://developers.deepl.com/api-reference/translate): header auth `DeepL-Auth-Key`, at most
 * 50 texts, 128 KiB bodies, 429 + Retry-After when throttling, 456 when the character quota is
 * used up, errors as { message }. tag_handling=html keeps tags, translate="no" and ignore_tags.
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

export interface DeepLSimulatorOptions {
  authKey: string;
  /** Characters the account may translate; billed on source text, as DeepL does. */
  quotaChars?: number;
  /** The first N translate calls get 429 Too Many Requests. */
  throttleFirst?: number;
  retryAfterSeconds?: number;
}

const SOURCES =
  'AR BG CS DA DE EL EN ES ET FI FR HU ID IT JA KO LT LV NB NL PL PT RO RU SK SL SV TR UK ZH'.split(' ');
// Plain EN and PT are deprecated targets that DeepL still accepts.
const TARGETS = [...SOURCES, 'EN-GB', 'EN-US', 'PT-BR', 'PT-PT', 'ZH-HANS', 'ZH-HANT'];
const MAX_TEXTS = 50;
const MAX_BODY_BYTES = 128 * 1024;

export async function startDeepLSimulator(opts: DeepLSimulatorOptions): Promise<RunningSimulator> {
  let throttled = 0;
  let used = 0;
  const quota = opts.quotaChars ?? 500_000;
  return startSimulator((req: RecordedRequest, res) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${opts.authKey}`) {
      return sendJson(res, 403, {
        message: 'Authorization failed. Please supply a valid DeepL-Auth-Key via the Authorization header.',
      });
    }
    if (req.path === '/v2/usage')
      return sendJson(res, 200, { character_count: used, character_limit: quota });
    if (req.method !== 'POST' || req.path !== '/v2/translate')
      return sendJson(res, 404, { message: 'Not found' });
    if (throttled < (opts.throttleFirst ?? 0)) {
      throttled += 1;
      return sendJson(
        res,
        429,
        { message: 'Too many requests' },
        { 'retry-after': String(opts.retryAfterSeconds ?? 1) },
      );
    }
    if (Buffer.byteLength(JSON.stringify(req.body ?? '')) > MAX_BODY_BYTES) {
      return sendJson(res, 413, { message: 'Request Entity Too Large' });
    }
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const text = body.text;
    if (!Array.isArray(text) || text.length === 0 || !text.every((t) => typeof t === 'string')) {
      return sendJson(res, 400, { message: "Parameter 'text' not specified." });
    }
    if (text.length > MAX_TEXTS)
      return sendJson(res, 413, { message: `Too many texts: at most ${MAX_TEXTS} per request.` });
    const target = typeof body.target_lang === 'string' ? body.target_lang.toUpperCase() : undefined;
    if (!target) return sendJson(res, 400, { message: "Parameter 'target_lang' not specified." });
    if (!TARGETS.includes(target))
      return sendJson(res, 400, { message: "Value for 'target_lang' not supported." });
    const source = typeof body.source_lang === 'string' ? body.source_lang.toUpperCase() : undefined;
    if (source !== undefined && !SOURCES.includes(source)) {
      return sendJson(res, 400, { message: "Value for 'source_lang' not supported." });
    }
    const tagHandling = body.tag_handling;
    if (tagHandling !== undefined && tagHandling !== 'html' && tagHandling !== 'xml') {
      return sendJson(res, 400, { message: "Value for 'tag_handling' not supported." });
    }
    const chars = text.reduce((n: number, t: string) => n + [...t].length, 0);
    if (used + chars > quota) return sendJson(res, 456, { message: 'Quota exceeded' });
    used += chars;
    const ignoreTags = Array.isArray(body.ignore_tags)
      ? body.ignore_tags.map(String)
      : typeof body.ignore_tags === 'string'
        ? body.ignore_tags.split(',')
        : [];
    const lang = target.split('-')[0]?.toLowerCase() ?? target;
    return sendJson(res, 200, {
      translations: (text as string[]).map((t) => ({
        detected_source_language: source ?? (/\p{Script=Han}/u.test(t) ? 'ZH' : 'EN'),
        text: tagHandling ? fakeTranslateHtml(t, lang, ignoreTags) : fakeTranslateText(t, lang),
      })),
    });
  });
}
