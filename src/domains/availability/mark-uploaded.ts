import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { recordOutcomes } from './push-stock.ts';
import { requireAccount } from './stock-rules.ts';

/**
 * The seller uploaded this file and the channel took it: its quantities become "last pushed"
 * (source 'file'). Marking twice changes nothing; a SKU pushed again after the file was made keeps
 * the newer quantity.
 */
export async function markStockFileUploaded(trx: Tx, shopId: string, actor: Actor, fileId: string) {
  const file = await trx
    .selectFrom('channel_stock_files')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', fileId)
    .forUpdate()
    .executeTakeFirst();
  if (!file) throw appError('NOT_FOUND', 'availability.file.notFound');
  const items = typeof file.items === 'string' ? JSON.parse(file.items) : file.items;
  if (file.uploaded_at) return { id: fileId, uploadedAt: file.uploaded_at, marked: 0, alreadyMarked: true };
  const at = new Date();
  await recordOutcomes(
    trx,
    shopId,
    file.channel_account_id,
    'file',
    (items as { channelSku: string; quantity: number }[]).map((i) => ({ ...i, ok: true, message: null })),
    at,
    file.created_at,
  );
  await trx
    .updateTable('channel_stock_files')
    .set({ uploaded_at: at })
    .where('shop_id', '=', shopId)
    .where('id', '=', fileId)
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'channel_stock.file_uploaded',
    entityType: 'channel_stock_file',
    entityId: fileId,
    changes: { accountId: file.channel_account_id, items: items.length },
  });
  return { id: fileId, uploadedAt: at, marked: items.length as number, alreadyMarked: false };
}

export async function listStockFiles(trx: Tx, shopId: string, accountId: string) {
  await requireAccount(trx, shopId, accountId);
  const rows = await trx
    .selectFrom('channel_stock_files')
    .select(['id', 'format', 'created_at', 'uploaded_at', 'items'])
    .where('shop_id', '=', shopId)
    .where('channel_account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    format: r.format,
    createdAt: r.created_at,
    uploadedAt: r.uploaded_at,
    items: (typeof r.items === 'string' ? JSON.parse(r.items) : r.items).length as number,
  }));
}
