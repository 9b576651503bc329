import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Locale } from '../../kernel/i18n/index.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { runView } from './connection.ts';

export const syncRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

/** Newest first, keyset-paginated on (started_at, id). */
export async function listSyncRuns(
  trx: Tx,
  shopId: string,
  accountId: string,
  q: z.infer<typeof syncRunsQuerySchema>,
  locale: Locale = 'en',
) {
  const account = await trx
    .selectFrom('channel_accounts')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  let query = trx
    .selectFrom('channel_sync_runs')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    query = query.where((eb) =>
      eb.or([
        eb('started_at', '<', new Date(at)),
        eb.and([eb('started_at', '=', new Date(at)), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => runView(r, locale)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.started_at.toISOString(), last.id]) : null,
  };
}
