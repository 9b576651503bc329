import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';

/**
 * The mapping queue: channel SKUs that orders are waiting on, most-waited first. Reads only the
 * partial index of unmapped lines, so it stays small however many orders the shop has.
 */
export async function skuMappingQueue(trx: Tx, shopId: string) {
  const { rows } = await sql<{
    channel_sku: string;
    account_id: string;
    account_name: string;
    orders: number;
    units: number;
    oldest: Date;
  }>`
    SELECT l.channel_sku, o.channel_account_id AS account_id, a.name AS account_name,
      count(DISTINCT o.id)::int AS orders, sum(l.quantity)::int AS units, min(o.purchased_at) AS oldest
    FROM order_lines l
    JOIN orders o ON o.shop_id = l.shop_id AND o.id = l.order_id
    JOIN channel_accounts a ON a.shop_id = o.shop_id AND a.id = o.channel_account_id
    WHERE l.shop_id = ${shopId} AND l.components IS NULL
    GROUP BY l.channel_sku, o.channel_account_id, a.name
    ORDER BY orders DESC, l.channel_sku
    LIMIT 500`.execute(trx);
  return rows.map((r) => ({
    channelSku: r.channel_sku,
    accountId: r.account_id,
    accountName: r.account_name,
    orders: r.orders,
    units: r.units,
    oldest: r.oldest,
  }));
}

export async function listSkuMappings(trx: Tx, shopId: string, q?: string) {
  let query = trx.selectFrom('sku_mappings').selectAll().where('shop_id', '=', shopId);
  if (q) query = query.where('channel_sku', 'like', `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('channel_sku').limit(500).execute();
  return rows.map((m) => ({
    id: m.id,
    channelAccountId: m.channel_account_id,
    channelSku: m.channel_sku,
    components: m.components,
    createdAt: m.created_at,
  }));
}
