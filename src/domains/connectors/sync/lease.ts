/**
 * One sync per account at a time, across every server process sharing the database: a lease row
 * in connector_schedule taken with one conditional UPDATE (atomic in PostgreSQL and PGlite). A
 * process that dies mid-sync simply lets its lease expire; the next run resumes the saved state.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export const LEASE_SECONDS = 15 * 60;

export async function takeLease(db: Kysely<DB>, shopId: string, accountId: string, owner: string) {
  const row = await db
    .updateTable('connector_schedule')
    .set({ lease_owner: owner, lease_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning('account_id')
    .executeTakeFirst();
  return !!row;
}

export async function renewLease(db: Kysely<DB>, shopId: string, accountId: string, owner: string) {
  await db
    .updateTable('connector_schedule')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Give the lease back and set when the scheduler should come back to this account. */
export async function releaseLease(
  db: Kysely<DB>,
  shopId: string,
  accountId: string,
  owner: string,
  nextInMinutes: number,
) {
  await db
    .updateTable('connector_schedule')
    .set({
      lease_owner: null,
      lease_until: null,
      next_sync_at: sql<Date>`now() + make_interval(mins => ${nextInMinutes})`,
    })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where('lease_owner', '=', owner)
    .execute();
}
