import type { FastifyRequest } from 'fastify';
import { withShop } from '../../platform/db/tenant.ts';
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { imageUrls } from '../catalog/images/image-urls.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function pickLocale(request: FastifyRequest, available: string[], fallback: string) {
  const asked = (request.query as { lang?: string }).lang;
  if (asked && available.includes(asked)) return asked;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim();
    const hit = available.find(
      (a) => a.toLowerCase() === tag.toLowerCase() || a.split('-')[0] === tag.split('-')[0],
    );
    if (hit) return hit;
  }
  return fallback;
}

/** Public, server-rendered catalogue page of each shop, in the visitor's language. */
export function registerStorefront(app: App, deps: Deps) {
  const db = deps.database.db;
  app.get('/', async (_request, reply) => {
    const shops = await db.selectFrom('shops').select(['slug', 'name']).orderBy('name').limit(100).execute();
    const links = shops
      .map((s) => `<li><a href="/s/${encodeURIComponent(s.slug)}">${escapeHtml(s.name)}</a></li>`)
      .join('');
    return reply
      .type('text/html')
      .send(
        page(
          'Cunkou 村口',
          `<h1>Cunkou 村口</h1><p><a href="/admin/">Admin 管理后台</a></p><ul>${links}</ul>`,
          'en',
        ),
      );
  });
  app.get('/s/:shop', async (request, reply) => {
    const shop = await db
      .selectFrom('shops')
      .selectAll()
      .where('slug', '=', (request.params as { shop: string }).shop)
      .executeTakeFirst();
    if (!shop)
      return reply
        .status(404)
        .type('text/html')
        .send(page('Not found', '<h1>Shop not found</h1>', 'en'));
    const locales = [shop.source_locale, ...shop.target_locales];
    const locale = pickLocale(request, locales, shop.target_locales[0] ?? shop.source_locale);
    const products = await withShop(db, shop.id, async (trx) => {
      const rows = await trx
        .selectFrom('products')
        .select(['id', 'title'])
        .where('shop_id', '=', shop.id)
        .where('status', '=', 'active')
        .orderBy('updated_at', 'desc')
        .limit(48)
        .execute();
      if (!rows.length) return [];
      const ids = rows.map((r) => r.id);
      const [titles, images] = await Promise.all([
        trx
          .selectFrom('translations')
          .select(['entity_id', 'value'])
          .where('shop_id', '=', shop.id)
          .where('entity_type', '=', 'product')
          .where('field', '=', 'title')
          .where('locale', '=', locale)
          .where('entity_id', 'in', ids)
          .execute(),
        trx
          .selectFrom('product_images')
          .distinctOn('product_id')
          .select(['product_id', 'storage_key'])
          .where('shop_id', '=', shop.id)
          .where('product_id', 'in', ids)
          .orderBy('product_id')
          .orderBy('position')
          .execute(),
      ]);
      const title = new Map(titles.map((t) => [t.entity_id, t.value]));
      const image = new Map(images.map((i) => [i.product_id, imageUrls(i.storage_key).thumbUrl]));
      return rows.map((r) => ({ title: title.get(r.id) ?? r.title, image: image.get(r.id) }));
    });
    const langs = locales
      .map(
        (l) =>
          `<a href="?lang=${encodeURIComponent(l)}"${l === locale ? ' aria-current="true"' : ''}>${escapeHtml(l)}</a>`,
      )
      .join(' · ');
    const cards = products
      .map(
        (p) =>
          `<li>${p.image ? `<img src="${escapeHtml(p.image)}" alt="" width="160" height="160" loading="lazy">` : ''}<span>${escapeHtml(p.title)}</span></li>`,
      )
      .join('');
    return reply
      .type('text/html')
      .send(
        page(
          shop.name,
          `<header><h1>${escapeHtml(shop.name)}</h1><nav>${langs}</nav></header><ul class="grid">${cards}</ul>`,
          locale,
        ),
      );
  });
}

function page(title: string, body: string, lang: string) {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px}.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:16px}.grid li{display:flex;flex-direction:column;gap:6px}.grid img{border-radius:8px;background:#f4f4f4}nav a{margin:0 4px}</style></head><body>${body}</body></html>`;
}
