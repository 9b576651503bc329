import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { deleteProductImage, uploadProductImage } from '../images/upload-image.ts';
import { readUpload } from './save-upload.ts';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function registerImageRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ shop: z.string(), id: z.uuid() });
  const write = shopGuard(db, 'catalog:write');

  r.post(
    '/api/shops/:shop/products/:id/images',
    { schema: { tags: ['catalog'], params, consumes: ['multipart/form-data'] }, preHandler: write },
    async (request, reply) => {
      const { data, fileName } = await readUpload(request, MAX_IMAGE_BYTES);
      const image = await withShop(db, request.shop.id, (trx) =>
        uploadProductImage(
          trx,
          deps.storage,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          data,
          fileName,
        ),
      );
      return reply.status(201).send(image);
    },
  );
  r.delete(
    '/api/shops/:shop/products/:id/images/:imageId',
    { schema: { tags: ['catalog'], params: params.extend({ imageId: z.uuid() }) }, preHandler: write },
    async (request) => {
      await withShop(db, request.shop.id, (trx) =>
        deleteProductImage(
          trx,
          deps.storage,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          request.params.imageId,
        ),
      );
      return { ok: true };
    },
  );

  // Public renditions (see image-urls.ts). Only the known rendition names under shops/*/images/.
  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    if (!/^shops\/[0-9a-f-]{36}\/images\/[0-9a-f-]{36}\/(large|thumb)\.webp$/.test(key))
      throw appError('NOT_FOUND', 'image.fileNotFound');
    const file = await deps.storage.get(key);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(file.stream);
  });
}
