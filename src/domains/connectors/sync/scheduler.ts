/**
 * The one sync scheduler of a server process: every tick it picks accounts whose next sync is due
 * and whose lease is free, and syncs them one after another. Several processes may run it against
 * one database; the lease (lease.ts) decides who syncs an account. After a good sync it pushes the
 * account's waiting shipment confirmations. Off with CUNKOU_SYNC=off.
 */
import { sql } from 'kysely';
import type { Deps } from '../../../server.ts';
import { pushShipmentConfirmations } from '../confirm-shipments/push.ts';
import { syncAccount } from './run-sync.ts';

export interface SyncScheduler {
  stop(): Promise<void>;
  /** Run one tick now (tests). */
  tick(): Promise<void>;
}

export function startSyncScheduler(
  deps: Deps,
  opts: { tickMs?: number; log?: (message: string) => void } = {},
): SyncScheduler {
  const db = deps.database.db;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const due = await db
      .selectFrom('connector_schedule')
      .select(['shop_id', 'account_id'])
      .where('next_sync_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('next_sync_at')
      .limit(20)
      .execute();
    for (const d of due) {
      if (stopped) return;
      try {
        const run = await syncAccount(deps, d.shop_id, d.account_id, { trigger: 'schedule' });
        // Then tell the channel which orders shipped (claimed per row: never sent twice).
        if (run.status === 'ok')
          await pushShipmentConfirmations(deps, d.shop_id, d.account_id).catch((e) =>
            opts.log?.(`shipment confirmations ${d.account_id}: ${(e as Error).message}`),
          );
      } catch (e) {
        // Not configured / not authorised / another process holds it: look again later.
        opts.log?.(`sync ${d.account_id}: ${(e as Error).message}`);
        await db
          .updateTable('connector_schedule')
          .set({ next_sync_at: sql<Date>`now() + interval '30 minutes'` })
          .where('shop_id', '=', d.shop_id)
          .where('account_id', '=', d.account_id)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
          .execute()
          .catch(() => {});
      }
    }
  };
  const timer = setInterval(() => {
    // Ticks never overlap: a long sync delays the next tick instead of running beside it.
    running = running.then(() => (stopped ? undefined : tick().catch((e) => opts.log?.(String(e)))));
  }, opts.tickMs ?? 60_000);
  timer.unref();
  return {
    tick: () => {
      running = running.then(tick);
      return running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}

export const syncEnabled = (env: NodeJS.ProcessEnv = process.env) => env.CUNKOU_SYNC !== 'off';
