/**
 * Shared parts of the LibreTranslate and DeepL simulators: a tiny HTTP server wrapper that records
 * requests, and a deterministic "machine translation" for a candle-shop vocabulary, so tests can
 * assert exact output. Unknown Chinese becomes `[de] 原文`, visibly untranslated.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON or form body; the raw string when neither parses. */
  body: unknown;
}

export interface RunningSimulator {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type SimHandler = (req: RecordedRequest, res: ServerResponse) => void;

/** JSON and application/x-www-form-urlencoded, the two body types both services accept. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    const out: Record<string, string | string[]> = {};
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key);
      out[key] = all.length > 1 || key === 'text' ? all : (all[0] ?? '');
    }
    return out;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts a server on 127.0.0.1 with an ephemeral port. */
export async function startSimulator(handle: SimHandler): Promise<RunningSimulator> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://sim').pathname,
        headers: req.headers,
        body: parseBody(raw, req.headers['content-type']),
      };
      requests.push(recorded);
      try {
        handle(recorded, res);
      } catch (err) {
        sendJson(res, 500, { error: String(err) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

type Lang = 'en' | 'de' | 'es';

// Longest entries win, so 香薰蜡烛 is one phrase while 香薰 alone is "aromatherapy".
const DICTIONARY: Record<string, Record<Lang, string>> = {
  香薰蜡烛: { en: 'scented candle', de: 'Duftkerze', es: 'vela aromática' },
  大豆蜡: { en: 'soy wax', de: 'Sojawachs', es: 'cera de soja' },
  薰衣草: { en: 'lavender', de: 'Lavendel', es: 'lavanda' },
  香薰: { en: 'aromatherapy', de: 'Aromatherapie', es: 'aromaterapia' },
  蜡烛: { en: 'candle', de: 'Kerze', es: 'vela' },
  手工: { en: 'handmade', de: 'handgemacht', es: 'hecho a mano' },
  玻璃罐: { en: 'glass jar', de: 'Glasgefäß', es: 'tarro de vidrio' },
  燃烧时间: { en: 'burn time', de: 'Brenndauer', es: 'tiempo de combustión' },
  小时: { en: 'hours', de: 'Stunden', es: 'horas' },
  礼盒: { en: 'gift box', de: 'Geschenkbox', es: 'caja de regalo' },
  天然: { en: 'natural', de: 'natürlich', es: 'natural' },
  无烟: { en: 'smokeless', de: 'rauchfrei', es: 'sin humo' },
  香草: { en: 'vanilla', de: 'Vanille', es: 'vainilla' },
  玫瑰: { en: 'rose', de: 'Rose', es: 'rosa' },
  棉芯: { en: 'cotton wick', de: 'Baumwolldocht', es: 'mecha de algodón' },
  暖光: { en: 'warm light', de: 'warmes Licht', es: 'luz cálida' },
  和: { en: 'and', de: 'und', es: 'y' },
  的: { en: '', de: '', es: '' },
};
const PHRASES = Object.keys(DICTIONARY).sort((a, b) => b.length - a.length);
// Real MT also translates stray English words in mixed input; brand names are at risk.
const LATIN: Record<string, Partial<Record<Lang, string>>> = { Candle: { de: 'Kerze', es: 'Vela' } };
const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '：': ':',
  '！': '!',
  '；': ';',
};
const HAN = /\p{Script=Han}/u;

const isLang = (code: string): code is Lang => code === 'en' || code === 'de' || code === 'es';

/** Joins pieces with single spaces, except before punctuation or next to existing whitespace. */
function join(pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (piece === '') continue;
    const glue = out !== '' && !/\s$/.test(out) && !/^[\s,.;:!?)\]]/.test(piece) && !/[([]$/.test(out);
    out += (glue ? ' ' : '') + piece;
  }
  return out;
}

/** Deterministic word-by-word "translation" of plain text from Chinese into `lang` (en, de, es…). */
export function fakeTranslateText(text: string, lang: string): string {
  const pieces: string[] = [];
  let unknown = '';
  let plain = '';
  const flushUnknown = () => {
    if (unknown) pieces.push(`[${lang}] ${unknown}`);
    unknown = '';
  };
  const flushPlain = () => {
    if (plain) pieces.push(plain.replace(/[A-Za-z]+/g, (w) => (isLang(lang) ? (LATIN[w]?.[lang] ?? w) : w)));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (HAN.test(ch)) {
      const phrase = isLang(lang) ? PHRASES.find((p) => text.startsWith(p, i)) : undefined;
      flushPlain();
      if (phrase && isLang(lang)) {
        flushUnknown();
        pieces.push(DICTIONARY[phrase]?.[lang] ?? '');
        i += phrase.length;
      } else {
        unknown += ch;
        i += 1;
      }
      continue;
    }
    flushUnknown();
    plain += PUNCTUATION[ch] ?? ch;
    i += 1;
  }
  flushUnknown();
  flushPlain();
  return join(pieces);
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Translates text nodes only; tags come back byte-for-byte. Elements with translate="no" and
 * those named in `skipTags` keep their content untouched, as both real services do.
 */
export function fakeTranslateHtml(html: string, lang: string, skipTags: string[]): string {
  const parts = html.split(/(<!--[\s\S]*?-->|<[^>]*>)/);
  let skipping: { name: string; depth: number } | null = null;
  return parts
    .map((part, index) => {
      if (index % 2 === 0) return skipping || part.trim() === '' ? part : fakeTranslateText(part, lang);
      const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
      if (!tag || part.startsWith('<!--')) return part;
      const closing = tag[1] === '/';
      const name = (tag[2] ?? '').toLowerCase();
      const opensElement = !closing && !VOID.has(name) && !part.endsWith('/>');
      if (skipping) {
        if (name === skipping.name && opensElement) skipping.depth += 1;
        if (name === skipping.name && closing) skipping.depth -= 1;
        if (skipping.depth === 0) skipping = null;
      } else if (opensElement && (/\btranslate\s*=\s*["']?no\b/i.test(part) || skipTags.includes(name))) {
        skipping = { name, depth: 1 };
      }
      return part;
    })
    .join('');
}
