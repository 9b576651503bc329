import { sql } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import { type Tx, withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { pushStockThroughConnector, type StockQuantity } from '../connectors/push-stock.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { eachAvailable } from './compute-available.ts';
import { fileFormatsFor } from './stock-files.ts';
import { requireAccount } from './stock-rules.ts';

export interface PushOptions {
  /** Send every synced SKU, not only the changed ones. */
  full?: boolean | undefined;
  /** Only these channel SKUs. */
  skus?: string[] | undefined;
}

export interface PushOutcome {
  channelSku: string;
  quantity: number;
  ok: boolean;
  message: string | null;
}

/**
 * Push available-to-sell to the channel through its API connector: only changed SKUs (or all with
 * `full`), absolute quantities, so a retry or two pushes at once can never double-count. Each
 * outcome is recorded: an accepted quantity becomes "last pushed"; a refusal keeps the channel's
 * message and the SKU stays changed, so the next push tries again. No connector: a
 * PROVIDER_NOT_CONFIGURED error that names the upload files to use instead.
 */
export async function pushStock(
  deps: Deps,
  shopId: string,
  actor: Actor,
  accountId: string,
  opts: PushOptions = {},
) {
  const db = deps.database.db;
  const { account, items } = await withShop(db, shopId, async (trx) => {
    const account = await requireAccount(trx, shopId, accountId);
    const items: StockQuantity[] = [];
    for await (const row of eachAvailable(trx, shopId, accountId, {
      changedOnly: !opts.full,
      skus: opts.skus,
    }))
      if (row.status === 'ok' && row.quantity != null)
        items.push({ channelSku: row.channelSku, quantity: row.quantity });
    return { account, items };
  });
  if (!items.length) return { sent: 0, accepted: 0, refused: 0, outcomes: [] as PushOutcome[] };

  const answers = await pushStockThroughConnector(deps, shopId, accountId, items);
  if (answers === null)
    throw appError('PROVIDER_NOT_CONFIGURED', 'availability.push.noConnector', undefined, {
      details: { useFile: true, formats: fileFormatsFor(account.channel), changed: items.length },
    });

  const byKey = new Map(answers.map((a) => [a.channelSku, a]));
  const outcomes: PushOutcome[] = items.map((i) => {
    const a = byKey.get(i.channelSku);
    return {
      channelSku: i.channelSku,
      quantity: i.quantity,
      ok: a?.ok === true,
      message: a?.message ?? null,
    };
  });
  await withShop(db, shopId, async (trx) => {
    await recordOutcomes(trx, shopId, accountId, 'api', outcomes, new Date());
    await recordAudit(trx, shopId, actor, {
      action: 'channel_stock.pushed',
      entityType: 'channel_account',
      entityId: accountId,
      changes: {
        full: !!opts.full,
        sent: outcomes.length,
        refused: outcomes.filter((o) => !o.ok).map((o) => ({ sku: o.channelSku, message: o.message })),
      },
    });
  });
  const accepted = outcomes.filter((o) => o.ok).length;
  return { sent: outcomes.length, accepted, refused: outcomes.length - accepted, outcomes };
}

/**
 * Upsert the push state, in chunks. An accepted quantity replaces "last pushed" unless a newer
 * accepted push is already recorded (`notAfter`: a file generated before that push must not undo it).
 */
export async function recordOutcomes(
  trx: Tx,
  shopId: string,
  accountId: string,
  source: 'api' | 'file',
  outcomes: PushOutcome[],
  at: Date,
  notAfter?: Date,
) {
  for (let i = 0; i < outcomes.length; i += 500) {
    const chunk = outcomes.slice(i, i + 500);
    const json = JSON.stringify(
      chunk.map((o) => ({ s: o.channelSku, q: o.quantity, ok: o.ok, m: o.message })),
    );
    const guard = notAfter
      ? sql`WHERE channel_stock_pushes.last_pushed_at IS NULL OR channel_stock_pushes.last_pushed_at < ${notAfter}`
      : sql``;
    await sql`
      INSERT INTO channel_stock_pushes (shop_id, channel_account_id, channel_sku, last_quantity, last_pushed_at,
        source, outcome, message, attempted_quantity, attempted_at)
      SELECT ${shopId}::uuid, ${accountId}::uuid, x.s, CASE WHEN x.ok THEN x.q END, CASE WHEN x.ok THEN ${at}::timestamptz END,
        CASE WHEN x.ok THEN ${source} END, CASE WHEN x.ok THEN 'ok' ELSE 'refused' END, x.m, x.q, ${at}::timestamptz
      FROM json_to_recordset(${json}::json) AS x(s text, q int, ok boolean, m text)
      ON CONFLICT (shop_id, channel_account_id, channel_sku) DO UPDATE SET
        last_quantity = CASE WHEN excluded.outcome = 'ok' THEN excluded.last_quantity ELSE channel_stock_pushes.last_quantity END,
        last_pushed_at = CASE WHEN excluded.outcome = 'ok' THEN excluded.last_pushed_at ELSE channel_stock_pushes.last_pushed_at END,
        source = CASE WHEN excluded.outcome = 'ok' THEN excluded.source ELSE channel_stock_pushes.source END,
        outcome = excluded.outcome, message = excluded.message,
        attempted_quantity = excluded.attempted_quantity, attempted_at = excluded.attempted_at
      ${guard}`.execute(trx);
  }
}
