import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalizeLocale } from '../../../kernel/locales.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { getProductTranslations } from '../translation/get-translations.ts';
import { addGlossaryTerm, deleteGlossaryTerm, listGlossary } from '../translation/glossary.ts';
import { machineTranslateProduct, providerMissingError } from '../translation/machine-translate.ts';
import { saveTranslations } from '../translation/save-translations.ts';
import { translationGaps } from '../translation/translation-gaps.ts';

const shopParams = z.object({ shop: z.string() });
const productParams = shopParams.extend({ id: z.uuid() });
const localeParams = productParams.extend({ locale: z.string().min(2).max(35) });
const tags = ['translations'];

export function registerTranslationRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'catalog:read');
  const write = shopGuard(db, 'catalog:write');
  const shopLocales = (shopId: string) =>
    db
      .selectFrom('shops')
      .select(['source_locale', 'target_locales'])
      .where('id', '=', shopId)
      .executeTakeFirstOrThrow();

  r.get(
    `${base}/products/:id/translations`,
    { schema: { tags, params: productParams }, preHandler: read },
    async (request) => {
      const shop = await shopLocales(request.shop.id);
      const view = await withShop(db, request.shop.id, (trx) =>
        getProductTranslations(trx, request.shop.id, request.params.id, shop.target_locales),
      );
      return { sourceLocale: shop.source_locale, ...view };
    },
  );

  r.put(
    `${base}/products/:id/translations/:locale`,
    {
      schema: {
        tags,
        params: localeParams,
        body: z.object({
          fields: z
            .array(
              z.object({
                entityType: z.enum(['product', 'variant']),
                entityId: z.uuid(),
                field: z.string().max(50),
                value: z.string().max(100_000),
              }),
            )
            .max(500),
        }),
      },
      preHandler: write,
    },
    async (request) => {
      const shop = await shopLocales(request.shop.id);
      return withShop(db, request.shop.id, (trx) =>
        saveTranslations(
          trx,
          { id: request.shop.id, sourceLocale: shop.source_locale },
          request.shop.actor,
          request.params.id,
          request.params.locale,
          request.body.fields,
        ),
      );
    },
  );

  r.post(
    `${base}/products/:id/translations/:locale/machine`,
    { schema: { tags, params: localeParams }, preHandler: write },
    async (request) => {
      const shop = await shopLocales(request.shop.id);
      const result = await withShop(db, request.shop.id, (trx) =>
        machineTranslateProduct(
          trx,
          { id: request.shop.id, sourceLocale: shop.source_locale },
          request.shop.actor,
          deps.translator,
          request.params.id,
          request.params.locale,
        ),
      );
      // Memory matches are kept (the transaction committed); what is left needs a provider.
      if (result.remaining > 0) throw providerMissingError(result.remaining);
      return result;
    },
  );

  r.get(
    `${base}/translations/gaps`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({ locale: z.string().min(2).max(35), cursor: z.string().max(500).optional() }),
      },
      preHandler: read,
    },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        translationGaps(trx, request.shop.id, normalizeLocale(request.query.locale), {
          cursor: request.query.cursor,
        }),
      ),
  );

  r.get(`${base}/glossary`, { schema: { tags, params: shopParams }, preHandler: read }, async (request) => ({
    items: await withShop(db, request.shop.id, (trx) => listGlossary(trx, request.shop.id)),
  }));
  r.post(
    `${base}/glossary`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({
          term: z.string().max(200),
          targetLocale: z.string().max(35).nullish(),
          translation: z.string().max(500).nullish(),
          doNotTranslate: z.boolean().default(false),
        }),
      },
      preHandler: write,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withShop(db, request.shop.id, (trx) => addGlossaryTerm(trx, request.shop.id, request.body)),
        ),
  );
  r.delete(
    `${base}/glossary/:id`,
    { schema: { tags, params: shopParams.extend({ id: z.uuid() }) }, preHandler: write },
    async (request) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteGlossaryTerm(trx, request.shop.id, request.params.id),
      );
      return { ok: true };
    },
  );
}
