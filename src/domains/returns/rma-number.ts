import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';

/**
 * The next RMA number of a shop (RMA-000001, RMA-000002, …). One upsert on the shop's counter row:
 * concurrent requests queue on that row lock, so numbers are sequential and never repeat; a rolled
 * back request gives its number back with the transaction.
 */
export async function nextRmaNumber(trx: Tx, shopId: string): Promise<string> {
  const r = await sql<{ last_number: number }>`INSERT INTO rma_counters AS c (shop_id, last_number)
    VALUES (${shopId}, 1)
    ON CONFLICT (shop_id) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number`.execute(trx);
  return formatRmaNumber(r.rows[0]!.last_number);
}

export const formatRmaNumber = (n: number) => `RMA-${String(n).padStart(6, '0')}`;
