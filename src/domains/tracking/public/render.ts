/**
 * Server-rendered public tracking pages: mobile-first, no JavaScript, every dynamic value
 * escaped, right-to-left for Arabic. One stylesheet inline so a page is one request.
 */
import { milestones } from '../tables.ts';
import { type PageLocale, type PageStrings, pageLocales, pageStrings } from './page-strings.ts';
import type { PublicTimeline } from './public-view.ts';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans SC","Noto Sans Arabic",sans-serif;margin:0;color:#1f2328;background:#f6f7f9;line-height:1.45}
main{max-width:720px;margin:0 auto;padding:16px}header{display:flex;justify-content:space-between;align-items:baseline;gap:8px;flex-wrap:wrap}
h1{font-size:1.3rem;margin:.2em 0}h2{font-size:1.05rem;margin:1.2em 0 .4em}.card{background:#fff;border-radius:12px;padding:16px;margin:12px 0;box-shadow:0 1px 2px #0001}
form{display:flex;gap:8px;flex-wrap:wrap}input{flex:1 1 220px;font-size:1rem;padding:10px;border:1px solid #c9ced6;border-radius:8px}button{font-size:1rem;padding:10px 18px;border:0;border-radius:8px;background:#1668dc;color:#fff}
.status{font-size:1.4rem;font-weight:700;margin:.2em 0}.muted{color:#59636e;font-size:.9rem}.st-Delivered{color:#237804}.st-Exception,.st-AttemptFail,.st-Expired{color:#cf1322}
ol.bar{list-style:none;display:flex;padding:0;margin:16px 0 4px;gap:4px}ol.bar li{flex:1;text-align:center;font-size:.72rem;color:#59636e}
ol.bar li::before{content:"";display:block;height:6px;border-radius:3px;background:#dde1e6;margin-bottom:6px}ol.bar li.done::before{background:#1668dc}ol.bar li.done{color:#1f2328}
ol.events{list-style:none;padding:0;margin:0}ol.events li{padding:10px 0;border-bottom:1px solid #eef0f3}ol.events li:last-child{border:0}
.when{font-size:.85rem;color:#59636e}.what{margin:2px 0}nav.langs a{margin:0 4px;font-size:.85rem}[dir=rtl] ol.bar{flex-direction:row-reverse}`;

function layout(locale: PageLocale, title: string, body: string, langLinks: string): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${escapeHtml(locale)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main>${body}<nav class="langs" aria-label="language">${langLinks}</nav></main></body></html>`;
}

function langLinks(path: string, current: PageLocale): string {
  return pageLocales
    .map(
      (l) =>
        `<a href="${escapeHtml(path)}?lang=${encodeURIComponent(l)}" hreflang="${l}"${l === current ? ' aria-current="true"' : ''}>${escapeHtml(l)}</a>`,
    )
    .join(' ');
}

function searchForm(slug: string, s: PageStrings, value = ''): string {
  return `<form method="get" action="/track/${encodeURIComponent(slug)}" role="search"><label class="muted" for="n">${escapeHtml(s.search)}</label><div style="display:flex;gap:8px;flex-wrap:wrap;width:100%"><input id="n" name="n" value="${escapeHtml(value)}" placeholder="${escapeHtml(s.placeholder)}" autocomplete="off" required maxlength="60"><button type="submit">${escapeHtml(s.searchButton)}</button></div></form>`;
}

// Intl objects are costly to build (ICU data): one per locale, reused by every request.
const regionNames = new Map<PageLocale, Intl.DisplayNames>();
const timeFormats = new Map<PageLocale, Intl.DateTimeFormat>();

function countryLabel(code: string, locale: PageLocale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

function formatTime(iso: string, locale: PageLocale): string {
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    timeFormats.set(locale, f);
  }
  return f.format(new Date(iso));
}

export function renderSearchPage(shopName: string, slug: string, locale: PageLocale): string {
  const s = pageStrings[locale];
  return layout(
    locale,
    `${s.title} · ${shopName}`,
    `<header><h1>${escapeHtml(s.title)}</h1><span class="muted">${escapeHtml(shopName)}</span></header><div class="card">${searchForm(slug, s)}</div>`,
    langLinks(`/track/${encodeURIComponent(slug)}`, locale),
  );
}

export function renderNotFoundPage(
  shopName: string | null,
  slug: string,
  number: string,
  locale: PageLocale,
): string {
  const s = pageStrings[locale];
  return layout(
    locale,
    s.notFoundTitle,
    `<header><h1>${escapeHtml(s.notFoundTitle)}</h1>${shopName ? `<span class="muted">${escapeHtml(shopName)}</span>` : ''}</header><div class="card"><p><strong dir="ltr">${escapeHtml(number)}</strong></p><p>${escapeHtml(s.notFoundText)}</p></div><div class="card">${searchForm(slug, s, number)}</div>`,
    langLinks(`/track/${encodeURIComponent(slug)}/${encodeURIComponent(number)}`, locale),
  );
}

export function renderTimelinePage(
  shopName: string,
  slug: string,
  asked: string,
  t: PublicTimeline,
  locale: PageLocale,
): string {
  const s = pageStrings[locale];
  const reachedIndex = Math.max(
    -1,
    ...t.milestones.map((m, i) => (m.reachedAt || t.milestone === m.milestone ? i : -1)),
    t.milestone ? milestones.indexOf(t.milestone as (typeof milestones)[number]) : -1,
  );
  const bar = t.milestones
    .map(
      (m, i) =>
        `<li class="${i <= reachedIndex ? 'done' : ''}">${escapeHtml(s.milestone[m.milestone as keyof PageStrings['milestone']] ?? m.milestone)}</li>`,
    )
    .join('');
  const destination = [t.destinationCity, countryLabel(t.destinationCountry, locale)]
    .filter(Boolean)
    .join(', ');
  const events = t.events.length
    ? `<ol class="events">${t.events
        .map(
          (e) =>
            `<li><div class="when"><time datetime="${escapeHtml(e.occurredAt)}">${escapeHtml(formatTime(e.occurredAt, locale))}</time>${e.city || e.country ? ` · ${escapeHtml([e.city, e.country ? countryLabel(e.country, locale) : null].filter(Boolean).join(', '))}` : ''}</div><div class="what"><strong>${escapeHtml(s.status[e.status])}</strong>${e.description ? ` — <span dir="auto">${escapeHtml(e.description)}</span>` : ''}</div></li>`,
        )
        .join('')}</ol><p class="muted">${escapeHtml(s.times)}</p>`
    : `<p>${escapeHtml(s.noEvents)}</p>`;
  const last = t.events[0]?.occurredAt;
  const body = `<header><h1>${escapeHtml(s.title)}</h1><span class="muted">${escapeHtml(shopName)}</span></header>
<div class="card"><div class="muted">${escapeHtml(s.shipment)} <span dir="ltr">${escapeHtml(t.reference)}</span></div><p class="status st-${escapeHtml(t.status)}">${escapeHtml(s.status[t.status])}</p>
<div class="muted">${escapeHtml(s.destination)}: ${escapeHtml(destination)}${last ? ` · ${escapeHtml(s.lastUpdate)}: ${escapeHtml(formatTime(last, locale))}` : ''}</div>
<ol class="bar" aria-label="progress">${bar}</ol></div>
<div class="card"><h2>${escapeHtml(s.history)}</h2>${events}</div><div class="card">${searchForm(slug, s)}</div>`;
  return layout(
    locale,
    `${s.status[t.status]} · ${t.reference}`,
    body,
    langLinks(`/track/${encodeURIComponent(slug)}/${encodeURIComponent(asked)}`, locale),
  );
}
