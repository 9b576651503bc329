/** An account's shipment confirmations for the admin: newest first, by status, with counts. */
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type ConfirmationLine, confirmationStatuses } from './tables.ts';

export const listConfirmationsQuery = z.object({
  status: z.enum(confirmationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listConfirmations(
  trx: Tx,
  shopId: string,
  accountId: string,
  query: z.infer<typeof listConfirmationsQuery>,
) {
  const account = await trx
    .selectFrom('channel_accounts')
    .select(['id', 'name', 'channel'])
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  const connection = await trx
    .selectFrom('channel_connections')
    .select(['provider', 'tokens_sealed'])
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  let q = trx
    .selectFrom('channel_shipment_confirmations')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  const counts = await trx
    .selectFrom('channel_shipment_confirmations')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .groupBy('status')
    .execute();
  return {
    account: {
      id: account.id,
      name: account.name,
      channel: account.channel,
      // Connected: pushes go through the channel API; otherwise the upload file is the way.
      connected: !!connection && (connection.provider === 'amazon' || !!connection.tokens_sealed),
    },
    counts: {
      ...Object.fromEntries(confirmationStatuses.map((s) => [s, 0])),
      ...Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    } as Record<string, number>,
    items: rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      externalOrderId: r.external_order_id,
      carrier: r.carrier,
      carrierCode: r.channel_carrier_code,
      carrierName: r.channel_carrier_name,
      shipMethod: r.ship_method,
      trackingNumber: r.tracking_number,
      shippedAt: r.shipped_at,
      lines: (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as ConfirmationLine[],
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      exportBatch: r.export_batch,
      sentAt: r.sent_at,
      exportedAt: r.exported_at,
      uploadedAt: r.uploaded_at,
      createdAt: r.created_at,
    })),
  };
}
