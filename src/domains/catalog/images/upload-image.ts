import { AppError, appError, issue, messageParam } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/storage/storage.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { imageUrls } from './image-urls.ts';
import { processProductImage } from './process-image.ts';

/** Validate and resize an uploaded picture, store its renditions and attach it to the product. */
export async function uploadProductImage(
  trx: Tx,
  storage: FileStorage,
  shopId: string,
  actor: Actor,
  productId: string,
  data: Buffer,
  fileName: string,
) {
  const product = await trx
    .selectFrom('products')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!product) throw appError('NOT_FOUND', 'product.notFound');
  const image = await processProductImage(data).catch((e) => {
    if (e instanceof AppError)
      throw appError(
        e.code,
        'image.fileProblem',
        { fileName, message: messageParam(e) },
        {
          issues: [e.key ? issue('file', e.key, e.params) : { field: 'file', message: e.message }],
        },
      );
    throw e;
  });
  const id = newId();
  const base = `shops/${shopId}/images/${id}`;
  await storage.put(`${base}/large.webp`, image.large.data, 'image/webp');
  await storage.put(`${base}/thumb.webp`, image.thumb.data, 'image/webp');
  await storage.put(`${base}/original`, image.original.data, image.original.contentType);
  const position = await trx
    .selectFrom('product_images')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.val(-1)).as('max'))
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  const row = {
    shop_id: shopId,
    id,
    product_id: productId,
    variant_id: null,
    position: Number(position.max) + 1,
    storage_key: base,
    content_type: image.original.contentType,
    width: image.original.width,
    height: image.original.height,
    bytes: image.original.data.length,
    alt: null,
  };
  await trx.insertInto('product_images').values(row).execute();
  await recordAudit(trx, shopId, actor, {
    action: 'image.added',
    entityType: 'product',
    entityId: productId,
    changes: { imageId: id, fileName },
  });
  return {
    id,
    variantId: null,
    position: row.position,
    width: row.width,
    height: row.height,
    alt: null,
    ...imageUrls(base),
  };
}

export async function deleteProductImage(
  trx: Tx,
  storage: FileStorage,
  shopId: string,
  actor: Actor,
  productId: string,
  imageId: string,
) {
  const image = await trx
    .deleteFrom('product_images')
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .where('id', '=', imageId)
    .returning('storage_key')
    .executeTakeFirst();
  if (!image) throw appError('NOT_FOUND', 'image.notFound');
  await recordAudit(trx, shopId, actor, {
    action: 'image.removed',
    entityType: 'product',
    entityId: productId,
    changes: { imageId },
  });
  for (const name of ['large.webp', 'thumb.webp', 'original'])
    await storage.delete(`${image.storage_key}/${name}`);
}
