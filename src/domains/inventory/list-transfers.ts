import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { type Transfer, transferView } from './transfer-view.ts';

export interface ListTransfersInput {
  status?: 'in_transit' | 'received' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Transfers, newest shipment first, keyset-paginated on (shipped_at, id). */
export async function listTransfers(
  trx: Tx,
  shopId: string,
  input: ListTransfersInput,
): Promise<{ items: Transfer[]; nextCursor: string | null }> {
  let q = trx.selectFrom('transfers').selectAll().where('shop_id', '=', shopId);
  if (input.status) q = q.where('status', '=', input.status);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string];
    q = q.where(sql<boolean>`(shipped_at, id) < (${new Date(at)}, ${id})`);
  }
  const rows = await q
    .orderBy('shipped_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(transferView),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.shipped_at.toISOString(), last.id]) : null,
  };
}
