import type { Tx } from '../../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { type AgeingOptions, type AgeingRow, buildAgeingRows } from './build-ageing-rows.ts';
import { type AgeBucket, ageBuckets } from './fifo.ts';

export interface ListAgeingSkusInput extends AgeingOptions {
  warehouseId?: string | undefined;
  /** Only rows holding units in this age bucket. */
  bucket?: AgeBucket | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Ageing, sell-through and days of cover per SKU × warehouse, ordered by SKU then warehouse
 * code, keyset-paginated on that pair like the stock list. The report is computed whole from
 * the ledger (FIFO needs every movement of a variant), then filtered and paged.
 */
export async function listAgeingSkus(
  trx: Tx,
  shopId: string,
  input: ListAgeingSkusInput,
): Promise<{ items: AgeingRow[]; nextCursor: string | null }> {
  const { rows } = await buildAgeingRows(trx, shopId, input);
  const bucket = input.bucket === undefined ? -1 : ageBuckets.indexOf(input.bucket);
  let after: [string, string] | null = null;
  if (input.cursor) after = decodeCursor(input.cursor, 2) as [string, string];
  const matching = rows.filter(
    (r) =>
      (!input.warehouseId || r.warehouseId === input.warehouseId) &&
      (bucket < 0 || r.buckets[bucket]! > 0) &&
      (!after || r.sku > after[0] || (r.sku === after[0] && r.warehouseCode > after[1])),
  );
  const items = matching.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: matching.length > input.limit && last ? encodeCursor([last.sku, last.warehouseCode]) : null,
  };
}
