import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { recordAudit, shopGuard } from '../../shops/index.ts';
import { createCategory, listCategories } from '../categories.ts';
import { getProduct } from '../get-product.ts';
import { listProducts } from '../list-products.ts';
import { productInputSchema, productStatuses } from '../product-schema.ts';
import { saveProduct } from '../save-product.ts';

const shopParams = z.object({ shop: z.string() });
const productParams = shopParams.extend({ id: z.uuid() });
const tags = ['catalog'];

export function registerProductRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const read = shopGuard(db, 'catalog:read');
  const write = shopGuard(db, 'catalog:write');

  r.get(
    `${base}/products`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          q: z.string().max(200).optional(),
          status: z.enum(productStatuses).optional(),
          categoryId: z.uuid().optional(),
          brand: z.string().max(200).optional(),
          tag: z.string().max(50).optional(),
          sort: z.enum(['updated_desc', 'created_desc', 'title_asc']).default('updated_desc'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
      preHandler: read,
    },
    (request) => withShop(db, request.shop.id, (trx) => listProducts(trx, request.shop.id, request.query)),
  );

  r.post(
    `${base}/products`,
    { schema: { tags, params: shopParams, body: productInputSchema }, preHandler: write },
    async (request, reply) => {
      const product = await withShop(db, request.shop.id, (trx) =>
        saveProduct(trx, request.shop.id, request.shop.actor, request.body),
      );
      return reply.status(201).send(product);
    },
  );

  r.get(
    `${base}/products/:id`,
    { schema: { tags, params: productParams }, preHandler: read },
    async (request) => {
      const product = await withShop(db, request.shop.id, (trx) =>
        getProduct(trx, request.shop.id, request.params.id),
      );
      if (!product) throw appError('NOT_FOUND', 'product.notFound');
      return product;
    },
  );

  r.put(
    `${base}/products/:id`,
    { schema: { tags, params: productParams, body: productInputSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        saveProduct(trx, request.shop.id, request.shop.actor, request.body, request.params.id),
      ),
  );

  r.delete(
    `${base}/products/:id`,
    {
      schema: {
        tags,
        params: productParams,
        querystring: z.object({ hard: z.coerce.boolean().default(false) }),
      },
      preHandler: write,
    },
    async (request) => {
      const { id } = request.params;
      const shopId = request.shop.id;
      await withShop(db, shopId, async (trx) => {
        const p = await trx
          .selectFrom('products')
          .select(['status', 'title'])
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!p) throw appError('NOT_FOUND', 'product.notFound');
        if (request.query.hard) {
          if (p.status !== 'draft') throw appError('CONFLICT', 'product.onlyDraftDeletable');
          await trx.deleteFrom('products').where('shop_id', '=', shopId).where('id', '=', id).execute();
        } else {
          await trx
            .updateTable('products')
            .set({ status: 'archived', updated_at: new Date() })
            .where('shop_id', '=', shopId)
            .where('id', '=', id)
            .execute();
        }
        await recordAudit(trx, shopId, request.shop.actor, {
          action: request.query.hard ? 'product.deleted' : 'product.archived',
          entityType: 'product',
          entityId: id,
          changes: { title: p.title },
        });
      });
      return { ok: true };
    },
  );

  r.get(
    `${base}/categories`,
    { schema: { tags, params: shopParams }, preHandler: read },
    async (request) => ({
      items: await withShop(db, request.shop.id, (trx) => listCategories(trx, request.shop.id)),
    }),
  );
  r.post(
    `${base}/categories`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({ name: z.string().max(100), parentId: z.uuid().nullish() }),
      },
      preHandler: write,
    },
    async (request, reply) => {
      const c = await withShop(db, request.shop.id, (trx) =>
        createCategory(trx, request.shop.id, request.body),
      );
      return reply.status(201).send(c);
    },
  );
}
