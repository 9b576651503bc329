import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/**
 * Run `fn` in a transaction bound to one shop. Row-level security is the second wall behind the
 * explicit `shop_id` filters in every query: the transaction switches to the unprivileged
 * `cunkou_app` role and publishes the shop id that the tenant policies compare against.
 */
export async function withShop<T>(
  db: Kysely<DB> | Tx,
  shopId: string,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  const run = async (trx: Tx) => {
    // One round trip: `role` set locally is SET LOCAL ROLE (membership is checked the same way).
    await sql`SELECT set_config('cunkou.shop_id', ${shopId}, true), set_config('role', 'cunkou_app', true)`.execute(
      trx,
    );
    return fn(trx);
  };
  if (db.isTransaction) return run(db as Tx);
  return (db as Kysely<DB>).transaction().execute(run);
}
