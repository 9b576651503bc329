import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { type AvailableRow, computeAvailable } from './compute-available.ts';

export interface ListAvailableInput {
  limit: number;
  cursor?: string | undefined;
  /** Part of the channel SKU. */
  sku?: string | undefined;
  /** Only SKUs whose quantity differs from what the channel last accepted. */
  changed?: boolean | undefined;
}

/**
 * Channel SKUs of one account with their available-to-sell, keyset-paginated on the channel SKU.
 * "Changed only" is decided after the rule arithmetic, so it reads batches until the page is full.
 */
export async function listAvailableStock(
  trx: Tx,
  shopId: string,
  accountId: string,
  input: ListAvailableInput,
) {
  let after = input.cursor ? (decodeCursor(input.cursor, 1)[0] as string) : undefined;
  const items: AvailableRow[] = [];
  let meta: Awaited<ReturnType<typeof computeAvailable>> | undefined;
  let exhausted = false;
  while (items.length <= input.limit) {
    const batch = input.changed ? Math.max(200, input.limit * 4) : input.limit + 1;
    const page = await computeAvailable(trx, shopId, accountId, { after, limit: batch, search: input.sku });
    meta ??= page;
    for (const row of page.rows) if (!input.changed || row.changed) items.push(row);
    if (!page.more) {
      exhausted = true;
      break;
    }
    after = page.rows.at(-1)!.channelSku;
  }
  const pageItems = items.slice(0, input.limit);
  const hasMore = items.length > input.limit || !exhausted;
  const last = pageItems.at(-1);
  return {
    rules: meta!.rules,
    warehouses: meta!.warehouses,
    items: pageItems,
    nextCursor: hasMore && last ? encodeCursor([last.channelSku]) : null,
  };
}
