/**
 * Send an account's waiting shipment confirmations through its channel API. Each row is first
 * claimed (pending|failed → sending, in its own committed transaction), so two pushes never send
 * the same confirmation and a sent one is never sent again; then each call's outcome is stored
 * per order: sent, or failed with the channel's own message (retried by the next push).
 */
import { AppError } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { Deps } from '../../../server.ts';
import type { AmazonClient } from '../amazon/client.ts';
import { type RetryPolicy, ThrottledError } from '../backoff.ts';
import { amazonClientFor, shopeeClientFor } from '../clients.ts';
import { loadConnection } from '../connection.ts';
import type { ShopeeClient } from '../shopee/client.ts';
import { AMAZON_OTHER } from './carrier-map.ts';
import type { ChannelShipmentConfirmationsTable, ConfirmationLine } from './tables.ts';

/** A claim older than this belongs to a push that died: the row may be claimed again. */
const STALE_CLAIM_MS = 15 * 60_000;

export interface PushOutcome {
  id: string;
  orderId: string;
  externalOrderId: string;
  trackingNumber: string;
  status: 'sent' | 'failed';
  error: string | null;
}

export interface PushResult {
  /** False when the account has no connected API (use the upload file). */
  connected: boolean;
  sent: number;
  failed: number;
  outcomes: PushOutcome[];
}

type Row = {
  id: string;
  order_id: string;
  external_order_id: string;
  channel_carrier_code: string;
  channel_carrier_name: string;
  ship_method: string | null;
  tracking_number: string;
  shipped_at: Date;
  lines: ConfirmationLine[] | string;
  package_no: number;
};

export async function pushShipmentConfirmations(
  deps: Deps,
  shopId: string,
  accountId: string,
  opts: { retry?: RetryPolicy; ids?: string[] } = {},
): Promise<PushResult> {
  const db = deps.database.db;
  const conn = await withShop(db, shopId, (trx) => loadConnection(trx, deps.config, shopId, accountId));
  if (!conn || (conn.provider === 'shopee' && !conn.tokens))
    return { connected: false, sent: 0, failed: 0, outcomes: [] };
  let send: (r: Row) => Promise<unknown>;
  if (conn.provider === 'amazon') {
    const client = amazonClientFor(conn, opts.retry);
    send = (r) => sendAmazon(client, r);
  } else {
    const client = shopeeClientFor(deps, conn, opts.retry);
    send = (r) => sendShopee(client, r);
  }
  const rows = await claim(deps, shopId, accountId, opts.ids);
  const outcomes: PushOutcome[] = [];
  for (const r of rows) {
    let error: string | null = null;
    try {
      await send(r);
    } catch (e) {
      error = channelMessage(e);
    }
    await withShop(db, shopId, (trx) =>
      trx
        .updateTable('channel_shipment_confirmations')
        .set({
          status: error ? 'failed' : 'sent',
          last_error: error,
          channel_answer: JSON.stringify(error ? { error } : { ok: true }),
          ...(error ? {} : { sent_at: new Date() }),
          claimed_at: null,
          updated_at: new Date(),
        })
        .where('shop_id', '=', shopId)
        .where('id', '=', r.id)
        .where('status', '=', 'sending')
        .execute(),
    );
    outcomes.push({
      id: r.id,
      orderId: r.order_id,
      externalOrderId: r.external_order_id,
      trackingNumber: r.tracking_number,
      status: error ? 'failed' : 'sent',
      error,
    });
  }
  const sent = outcomes.filter((o) => o.status === 'sent').length;
  return { connected: true, sent, failed: outcomes.length - sent, outcomes };
}

/** pending|failed (or a stale 'sending') → sending, committed before any call leaves. */
function claim(deps: Deps, shopId: string, accountId: string, ids?: string[]): Promise<Row[]> {
  return withShop(deps.database.db, shopId, async (trx) => {
    const stale = new Date(Date.now() - STALE_CLAIM_MS);
    let q = trx
      .updateTable('channel_shipment_confirmations')
      .set((eb) => ({
        status: 'sending',
        claimed_at: new Date(),
        attempts: eb('attempts', '+', 1),
        updated_at: new Date(),
      }))
      .where('shop_id', '=', shopId)
      .where('account_id', '=', accountId)
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['pending', 'failed']),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', stale)]),
        ]),
      );
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
    const claimed = await q
      .returning([
        'id',
        'order_id',
        'external_order_id',
        'channel_carrier_code',
        'channel_carrier_name',
        'ship_method',
        'tracking_number',
        'shipped_at',
        'lines',
        'created_at',
      ])
      .execute();
    // Amazon's packageReferenceId is a positive number unique within the order: the package's
    // position among the order's confirmations, stable across retries.
    const out: Row[] = [];
    for (const c of claimed) {
      const before = await trx
        .selectFrom('channel_shipment_confirmations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('shop_id', '=', shopId)
        .where('order_id', '=', c.order_id)
        .where((eb) =>
          eb.or([
            eb('created_at', '<', c.created_at),
            eb.and([eb('created_at', '=', c.created_at), eb('id', '<', c.id)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      out.push({ ...c, package_no: Number(before.n) + 1 });
    }
    return out.sort((a, b) => a.external_order_id.localeCompare(b.external_order_id));
  });
}

const linesOf = (r: Pick<ChannelShipmentConfirmationsTable, 'lines'> | Row) =>
  (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as ConfirmationLine[];

async function sendAmazon(client: AmazonClient, r: Row) {
  const lines = linesOf(r);
  const missing = lines.find((l) => !l.externalLineId);
  if (missing) throw new Error(`Line ${missing.sku} has no Amazon order item id; re-sync the order`);
  await client.confirmShipment(r.external_order_id, {
    packageReferenceId: String(r.package_no),
    carrierCode: r.channel_carrier_code,
    ...(r.channel_carrier_code === AMAZON_OTHER ? { carrierName: r.channel_carrier_name } : {}),
    ...(r.ship_method ? { shippingMethod: r.ship_method } : {}),
    trackingNumber: r.tracking_number,
    shipDate: new Date(r.shipped_at).toISOString(),
    orderItems: lines.map((l) => ({ orderItemId: l.externalLineId!, quantity: l.quantity })),
  });
}

async function sendShopee(client: ShopeeClient, r: Row) {
  await client.shipOrderNonIntegrated(r.external_order_id, r.tracking_number);
}

/** The channel's own words: "<code>: <message>" from the remote error, or why the call failed. */
function channelMessage(e: unknown): string {
  if (e instanceof ThrottledError) return `${e.provider}: throttled, retry later`;
  if (e instanceof AppError && e.params) {
    const p = e.params as Record<string, unknown>;
    if (p.code || p.message) return `${String(p.code ?? '')}: ${String(p.message ?? '')}`.slice(0, 1000);
  }
  return ((e as Error)?.message ?? String(e)).slice(0, 1000);
}
