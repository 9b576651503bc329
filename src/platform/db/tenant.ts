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
    await sql`SELECT set_config('cunkou.shop_id', ${shopId}, true)`.execute(trx);
    await sql`SET LOCAL ROLE cunkou_app`.execute(trx);
    return fn(trx);
  };
  if (db.isTransaction) return run(db as Tx);
  return (db as Kysely<DB>).transaction().execute(run);
}
