import type { Locale } from './types.ts';

/** Map one language tag to a supported locale: any Chinese → zh-CN, any English → en. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const t = tag?.trim().toLowerCase().replace(/_/g, '-');
  if (!t) return undefined;
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The first supported language of an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"), by
 * quality; a plain tag ("zh-CN", a user's saved locale) is a one-item list.
 */
export function acceptedLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...opts] = part.split(';').map((s) => s.trim());
      const q = opts.find((o) => o.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    const locale = matchLocale(r.tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The locale to answer in: the first source that names a supported language (pass the user's
 * saved locale before the Accept-Language header), else English.
 */
export function pickLocale(...sources: (string | null | undefined)[]): Locale {
  for (const s of sources) {
    const locale = acceptedLocale(s);
    if (locale) return locale;
  }
  return 'en';
}
