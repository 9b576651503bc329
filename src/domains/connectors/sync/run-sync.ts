/**
 * Sync one channel account's orders through its API, resumably. The state (window, page cursor,
 * high-water mark) is saved in the same transaction as each page's orders, so a sync killed at
 * any point resumes at the first page not committed; pages written twice change nothing
 * (writeOrderBatch is idempotent by account + order id). Every run is recorded with its counts.
 */
import { randomUUID } from 'node:crypto';
import { AppError, appError } from '../../../kernel/errors.ts';
import type { Locale } from '../../../kernel/i18n/index.ts';
import { newId } from '../../../kernel/ids.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { Deps } from '../../../server.ts';
import { writeOrderBatch } from '../../orders/import/write-batch.ts';
import { createSkuResolver } from '../../orders/resolve-skus.ts';
import { type RetryPolicy, ThrottledError } from '../backoff.ts';
import { amazonClientFor, shopeeClientFor } from '../clients.ts';
import { type LoadedConnection, loadConnection, runView } from '../connection.ts';
import type { SyncTrigger } from '../tables.ts';
import { releaseLease, renewLease, takeLease } from './lease.ts';
import { amazonSource, type PageSource, shopeeSource } from './sources.ts';

export interface SyncOptions {
  trigger: SyncTrigger;
  retry?: RetryPolicy;
  /** Identifies this process in the lease (several servers may share one database). */
  owner?: string;
  /** Called after each committed page (tests use it to kill a sync mid-way). */
  onPageCommitted?: (pages: number) => void | Promise<void>;
  pageSize?: number;
  /** Language of the run's error message in the result. */
  locale?: Locale;
}

const processOwner = `${process.pid}-${randomUUID().slice(0, 8)}`;

export async function syncAccount(deps: Deps, shopId: string, accountId: string, opts: SyncOptions) {
  const db = deps.database.db;
  const conn = await withShop(db, shopId, (trx) => loadConnection(trx, deps.config, shopId, accountId));
  if (!conn) throw appError('CONFLICT', 'connectors.notConfigured');
  if (conn.provider === 'shopee' && !conn.tokens)
    throw appError('CONFLICT', 'connectors.shopee.notAuthorised');
  const owner = opts.owner ?? processOwner;
  if (!(await takeLease(db, shopId, accountId, owner))) throw appError('CONFLICT', 'connectors.sync.running');
  const runId = newId();
  const counts = { pages: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  let outcome: {
    status: 'ok' | 'failed' | 'throttled';
    key: string | null;
    params: Record<string, unknown> | null;
  } = {
    status: 'ok',
    key: null,
    params: null,
  };
  try {
    await withShop(db, shopId, async (trx) => {
      // We hold the lease, so a run still marked running was cut off (process killed): close it.
      await trx
        .updateTable('channel_sync_runs')
        .set({ status: 'failed', finished_at: new Date(), error_key: 'connectors.sync.interrupted' })
        .where('shop_id', '=', shopId)
        .where('account_id', '=', accountId)
        .where('status', '=', 'running')
        .execute();
      await trx
        .insertInto('channel_sync_runs')
        .values({
          shop_id: shopId,
          id: runId,
          account_id: accountId,
          trigger: opts.trigger,
          status: 'running',
        })
        .execute();
    });
    const source: PageSource =
      conn.provider === 'shopee'
        ? shopeeSource(shopeeClientFor(deps, conn, opts.retry), conn.marketplace, opts.pageSize)
        : amazonSource(amazonClientFor(conn, opts.retry), conn.marketplace);
    await readPages(deps, conn, source, counts, async () => {
      await renewLease(db, shopId, accountId, owner);
      await opts.onPageCommitted?.(counts.pages);
    });
  } catch (e) {
    outcome =
      e instanceof ThrottledError
        ? { status: 'throttled', key: 'connectors.remote.throttled', params: { provider: e.provider } }
        : e instanceof AppError && e.key
          ? { status: 'failed', key: e.key, params: (e.params as Record<string, unknown>) ?? null }
          : {
              status: 'failed',
              key: 'connectors.sync.failed',
              params: { message: String((e as Error).message ?? e) },
            };
  } finally {
    await withShop(db, shopId, (trx) =>
      trx
        .updateTable('channel_sync_runs')
        .set({
          status: outcome.status,
          finished_at: new Date(),
          ...counts,
          error_key: outcome.key,
          error_params: outcome.params ? JSON.stringify(outcome.params) : null,
        })
        .where('shop_id', '=', shopId)
        .where('id', '=', runId)
        .execute(),
    ).catch(() => {});
    // Throttled or failed: come back sooner than a full interval, but not at once.
    const next = outcome.status === 'ok' ? conn.syncIntervalMinutes : Math.min(conn.syncIntervalMinutes, 10);
    await releaseLease(db, shopId, accountId, owner, next).catch(() => {});
  }
  const run = await withShop(db, shopId, (trx) =>
    trx
      .selectFrom('channel_sync_runs')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('id', '=', runId)
      .executeTakeFirstOrThrow(),
  );
  return { ...runView(run, opts.locale), errorParams: run.error_params };
}

async function readPages(
  deps: Deps,
  conn: LoadedConnection,
  source: PageSource,
  counts: { pages: number; created: number; updated: number; unchanged: number; failed: number },
  afterPage: () => Promise<void>,
) {
  const db = deps.database.db;
  const { shopId, accountId } = conn;
  const target = {
    shopId,
    accountId,
    channel: conn.channel,
    actor: null,
    // Shown as the order's source and in its history ("import:Shopee API").
    fileName: conn.provider === 'shopee' ? 'Shopee API' : 'Amazon SP-API',
    resolve: createSkuResolver(shopId, accountId),
  };
  const saveState = (
    trx: Parameters<Parameters<typeof withShop>[2]>[0],
    s: Partial<Record<string, unknown>>,
  ) =>
    trx
      .updateTable('channel_connections')
      .set({ ...s, updated_at: new Date() })
      .where('shop_id', '=', shopId)
      .where('account_id', '=', accountId)
      .execute();
  let { windowFrom, windowTo, cursor, highWater } = conn.state;
  let final = false;
  for (;;) {
    if (!windowFrom || !windowTo) {
      const w = source.window(highWater, new Date());
      [windowFrom, windowTo, cursor, final] = [w.from, w.to, null, w.final];
      await withShop(db, shopId, (trx) =>
        saveState(trx, { window_from: windowFrom, window_to: windowTo, page_cursor: null }),
      );
    }
    const page = await source.page({ from: windowFrom, to: windowTo }, cursor);
    const done = page.nextCursor === null;
    const written = await withShop(db, shopId, async (trx) => {
      const r = page.orders.length
        ? await writeOrderBatch(trx, target, page.orders)
        : { created: 0, updated: 0, unchanged: 0 };
      await saveState(
        trx,
        done
          ? { window_from: null, window_to: null, page_cursor: null, high_water: windowTo }
          : { page_cursor: page.nextCursor },
      );
      return r;
    });
    counts.pages++;
    counts.created += written.created;
    counts.updated += written.updated;
    counts.unchanged += written.unchanged;
    counts.failed += page.failed.length;
    await afterPage();
    if (!done) {
      cursor = page.nextCursor;
      continue;
    }
    highWater = windowTo;
    windowFrom = windowTo = null;
    if (final) return;
  }
}
