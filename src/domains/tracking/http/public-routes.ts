import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { findShopBySlug } from '../../shops/index.ts';
import { getJourneyTimeline } from '../journeys/timeline.ts';
import { pickPageLocale } from '../public/page-strings.ts';
import { publicTimeline } from '../public/public-view.ts';
import { renderNotFoundPage, renderSearchPage, renderTimelinePage } from '../public/render.ts';

const tags = ['tracking'];
// Generous for buyers, tight enough to make walking through sequential references slow.
const rateLimit = { max: 600, timeWindow: '1 minute' };
const CACHE = 'public, max-age=60';

function localeOf(request: FastifyRequest) {
  return pickPageLocale((request.query as { lang?: string }).lang, request.headers['accept-language']);
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('cache-control', status === 200 ? CACHE : 'public, max-age=30')
    .header('vary', 'Accept-Language')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
    .type('text/html; charset=utf-8')
    .send(body);
}

/**
 * Public tracking (no session): a search page per shop, the merged timeline of a journey by its
 * reference, public token or any leg's number, and the same as JSON for order e-mails and the
 * store (CORS *). Unknown shop and unknown number answer the same "not found yet" page, so
 * nothing tells whether a number exists elsewhere.
 */
export function registerPublicTrackingRoutes(app: App, deps: Deps) {
  const db = deps.database.db;

  // Shops are looked up on every public request: remember them for a minute (names may lag).
  const shops = new Map<string, { at: number; shop: { id: string; name: string } }>();
  const shopBySlug = async (slug: string) => {
    const hit = shops.get(slug);
    if (hit && Date.now() - hit.at < 60_000) return hit.shop;
    const found = await findShopBySlug(db, slug);
    if (!found) return undefined;
    if (shops.size > 1000) shops.clear();
    const shop = { id: found.id, name: found.name };
    shops.set(slug, { at: Date.now(), shop });
    return shop;
  };

  const lookup = async (slug: string, number: string) => {
    const shop = await shopBySlug(slug);
    if (!shop || number.length > 100) return { shop, timeline: undefined };
    const timeline = await withShop(db, shop.id, (trx) => getJourneyTimeline(trx, shop.id, number));
    return { shop, timeline: timeline && publicTimeline(timeline) };
  };

  app.get(
    '/track/:shop',
    {
      schema: { tags, hide: true, params: z.object({ shop: z.string() }) },
      config: { rateLimit },
    },
    async (request, reply) => {
      const { shop: slug } = request.params as { shop: string };
      const query = request.query as { n?: string; lang?: string };
      if (query.n?.trim()) {
        const lang = query.lang ? `?lang=${encodeURIComponent(query.lang)}` : '';
        return reply.redirect(
          `/track/${encodeURIComponent(slug)}/${encodeURIComponent(query.n.trim())}${lang}`,
          303,
        );
      }
      const shop = await shopBySlug(slug);
      const locale = localeOf(request);
      if (!shop) return html(reply, 404, renderNotFoundPage(null, slug, '', locale));
      return html(reply, 200, renderSearchPage(shop.name, slug, locale));
    },
  );

  app.get(
    '/track/:shop/:number',
    {
      schema: { tags, hide: true, params: z.object({ shop: z.string(), number: z.string() }) },
      config: { rateLimit },
    },
    async (request, reply) => {
      const { shop: slug, number } = request.params as { shop: string; number: string };
      const locale = localeOf(request);
      const { shop, timeline } = await lookup(slug, number.trim());
      if (!shop || !timeline)
        return html(reply, 404, renderNotFoundPage(shop?.name ?? null, slug, number, locale));
      return html(reply, 200, renderTimelinePage(shop.name, slug, number, timeline, locale));
    },
  );

  app.get(
    '/api/track/:shop/:number',
    {
      schema: { tags, params: z.object({ shop: z.string(), number: z.string() }) },
      config: { rateLimit },
    },
    async (request, reply) => {
      const { shop: slug, number } = request.params as { shop: string; number: string };
      const { timeline } = await lookup(slug, number.trim());
      reply.header('access-control-allow-origin', '*').header('x-content-type-options', 'nosniff');
      if (!timeline) {
        reply.header('cache-control', 'public, max-age=30');
        throw appError('NOT_FOUND', 'tracking.public.notFound');
      }
      return reply.header('cache-control', CACHE).send(timeline);
    },
  );
}
