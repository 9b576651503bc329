/**
 * CONTRACT between the availability domain (computes what each channel may sell) and the
 * connectors domain (talks to channel APIs). Owned by the connectors helper, who replaces the
 * body; the signature stays.
 */
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { amazonClientFor, shopeeClientFor } from './clients.ts';
import { type LoadedConnection, loadConnection } from './connection.ts';

export interface StockQuantity {
  /** The seller SKU as the channel knows it (Amazon seller SKU, Shopee model/item SKU). */
  channelSku: string;
  /** Absolute quantity the channel should show, never negative. */
  quantity: number;
}

export interface StockPushOutcome {
  channelSku: string;
  ok: boolean;
  /** Why the channel refused this SKU (in the channel's words), when ok is false. */
  message?: string;
}

/**
 * Sends absolute quantities through the account's API connector. Resolves to null when the
 * account has no connected API (the caller then offers the channel's upload file instead).
 */
export async function pushStockThroughConnector(
  deps: Deps,
  shopId: string,
  accountId: string,
  items: StockQuantity[],
): Promise<StockPushOutcome[] | null> {
  const conn = await withShop(deps.database.db, shopId, async (trx) => {
    const account = await trx
      .selectFrom('channel_accounts')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    return account ? loadConnection(trx, deps.config, shopId, accountId) : null;
  });
  if (!conn || (conn.provider === 'shopee' && !conn.tokens)) return null;
  const wanted = items.map((i) => ({
    channelSku: i.channelSku,
    quantity: Math.max(0, Math.floor(i.quantity)),
  }));
  return conn.provider === 'shopee' ? pushShopee(deps, conn, wanted) : pushAmazon(conn, wanted);
}

async function pushAmazon(conn: LoadedConnection, items: StockQuantity[]) {
  const client = amazonClientFor(conn);
  const out: StockPushOutcome[] = [];
  for (const i of items) {
    try {
      const r = await client.patchQuantity(i.channelSku, i.quantity);
      out.push({ channelSku: i.channelSku, ok: r.ok, ...(r.ok ? {} : { message: r.message ?? 'INVALID' }) });
    } catch (e) {
      out.push({ channelSku: i.channelSku, ok: false, message: (e as Error).message });
    }
  }
  return out;
}

/** Shopee stocks are per item and model id: SKUs resolve through a cache, refreshed once on a miss. */
async function pushShopee(deps: Deps, conn: LoadedConnection, items: StockQuantity[]) {
  const db = deps.database.db;
  const { shopId, accountId } = conn;
  const client = shopeeClientFor(deps, conn);
  const cached = () =>
    withShop(db, shopId, (trx) =>
      trx
        .selectFrom('shopee_sku_models')
        .select(['channel_sku', 'item_id', 'model_id'])
        .where('shop_id', '=', shopId)
        .where('account_id', '=', accountId)
        .where(
          'channel_sku',
          'in',
          items.map((i) => i.channelSku),
        )
        .execute(),
    );
  let known = new Map((await cached()).map((r) => [r.channel_sku, r]));
  if (items.some((i) => !known.has(i.channelSku))) {
    const all = await client.listSkuModels();
    await withShop(db, shopId, async (trx) => {
      await trx
        .deleteFrom('shopee_sku_models')
        .where('shop_id', '=', shopId)
        .where('account_id', '=', accountId)
        .execute();
      for (let i = 0; i < all.length; i += 500)
        await trx
          .insertInto('shopee_sku_models')
          .values(
            all.slice(i, i + 500).map((m) => ({
              shop_id: shopId,
              account_id: accountId,
              channel_sku: m.sku,
              item_id: m.itemId,
              model_id: m.modelId,
            })),
          )
          .onConflict((oc) => oc.columns(['shop_id', 'account_id', 'channel_sku']).doNothing())
          .execute();
    });
    known = new Map((await cached()).map((r) => [r.channel_sku, r]));
  }
  const out: StockPushOutcome[] = [];
  const byItem = new Map<string, { sku: string; modelId: string; quantity: number }[]>();
  for (const i of items) {
    const m = known.get(i.channelSku);
    if (!m) {
      out.push({ channelSku: i.channelSku, ok: false, message: 'SKU not found in the Shopee shop' });
      continue;
    }
    const list = byItem.get(String(m.item_id)) ?? [];
    list.push({ sku: i.channelSku, modelId: String(m.model_id), quantity: i.quantity });
    byItem.set(String(m.item_id), list);
  }
  for (const [itemId, list] of byItem) {
    try {
      const r = await client.updateStock(itemId, list);
      for (const l of list) {
        const why = r.failures.get(l.modelId);
        out.push({ channelSku: l.sku, ok: !why, ...(why ? { message: why } : {}) });
      }
    } catch (e) {
      for (const l of list) out.push({ channelSku: l.sku, ok: false, message: (e as Error).message });
    }
  }
  return out;
}
