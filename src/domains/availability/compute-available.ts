import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { applyRule, poolUnits, type SkuOverride } from './ats.ts';
import { getStockRules, listOverrides, type StockRules } from './stock-rules.ts';

export interface FeedingWarehouse {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
}

export interface AvailableComponent {
  variantId: string;
  sku: string;
  /** Units of this variant per channel unit. */
  quantity: number;
  /** on_hand − reserved over the feeding warehouses. */
  available: number;
  /** The same by warehouse code. */
  byWarehouse: Record<string, number>;
}

export interface AvailableRow {
  channelSku: string;
  /** How the channel SKU resolved, exactly like order lines: account mapping, shop mapping, same SKU. */
  mappedBy: 'account' | 'shop' | 'sku' | null;
  status: 'ok' | 'unmapped' | 'do_not_sync';
  components: AvailableComponent[];
  /** Whole channel units the feeding warehouses can make, before buffer/share/cap. */
  pool: number;
  /** What the channel should show; null when it is not synced (unmapped or "do not sync"). */
  quantity: number | null;
  override: SkuOverride | null;
  lastPushed: { quantity: number; at: Date; source: 'api' | 'file' } | null;
  lastAttempt: { outcome: 'ok' | 'refused'; quantity: number; at: Date; message: string | null } | null;
  /** quantity differs from what the channel last accepted (or was never pushed). */
  changed: boolean;
}

export interface ComputeOptions {
  /** Keyset: channel SKUs after this one. */
  after?: string | undefined;
  limit: number;
  /** Case-insensitive part of the channel SKU. */
  search?: string | undefined;
  /** Only these channel SKUs — named explicitly, they count as listed (the seller says they exist). */
  skus?: string[] | undefined;
}

/** Active warehouses the rule lets feed this account; a marketplace (FBA) warehouse never does. */
export async function feedingWarehouses(
  trx: Tx,
  shopId: string,
  rules: StockRules,
): Promise<FeedingWarehouse[]> {
  let q = trx
    .selectFrom('warehouses')
    .select(['id', 'code', 'name', 'kind', 'country'])
    .where('shop_id', '=', shopId)
    .where('active', '=', true)
    .where('kind', '<>', 'marketplace');
  if (rules.warehouseIds) {
    if (!rules.warehouseIds.length) return [];
    q = q.where('id', 'in', rules.warehouseIds);
  }
  return q.orderBy('priority').orderBy('code').execute();
}

interface RawComponent {
  variantId: string;
  sku: string;
  quantity: number;
  available: number;
  byWarehouse: Record<string, number> | null;
}

interface RawRow {
  channel_sku: string;
  mapped_by: 'account' | 'shop' | 'sku' | null;
  components: RawComponent[] | string;
  last_quantity: number | null;
  last_pushed_at: Date | null;
  source: 'api' | 'file' | null;
  outcome: 'ok' | 'refused' | null;
  message: string | null;
  attempted_quantity: number | null;
  attempted_at: Date | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the account's channel SKUs with their available-to-sell, in a single query (the
 * listed SKUs, their resolution, every component's stock over the feeding warehouses and the push
 * state), then the rule arithmetic in memory — no query per SKU.
 *
 * Listed SKUs: every SKU mapping for this account or the whole shop, every channel SKU sold
 * through the account in merchant-fulfilled orders (an FBA listing's stock is Amazon's, so its SKU
 * is never pushed from here), SKUs with an override or a push history, and with listing
 * 'catalog' also every variant of an active product under its own SKU.
 */
export async function computeAvailable(trx: Tx, shopId: string, accountId: string, opts: ComputeOptions) {
  const rules = await getStockRules(trx, shopId, accountId);
  const warehouses = await feedingWarehouses(trx, shopId, rules);
  const codeOf = new Map(warehouses.map((w) => [w.id, w.code]));
  const wh = JSON.stringify(warehouses.map((w) => w.id));
  const after = opts.after ?? null;
  const search = opts.search ? `%${likeEscape(opts.search.toLowerCase())}%` : null;
  const skus = opts.skus ? JSON.stringify(opts.skus) : null;
  const catalog =
    rules.listing === 'catalog'
      ? sql`UNION SELECT v.sku FROM variants v JOIN products p ON p.shop_id = v.shop_id AND p.id = v.product_id
              WHERE v.shop_id = ${shopId} AND p.status = 'active'`
      : sql``;
  const res = await sql<RawRow>`
    WITH wh AS (SELECT value::uuid AS id FROM json_array_elements_text(${wh}::json)),
    listed AS (
      SELECT channel_sku FROM sku_mappings
        WHERE shop_id = ${shopId} AND (channel_account_id = ${accountId}::uuid OR channel_account_id IS NULL)
      UNION
      SELECT l.channel_sku FROM orders o
        JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.id
        WHERE o.shop_id = ${shopId} AND o.channel_account_id = ${accountId}::uuid AND o.fulfillment = 'merchant'
      UNION
      SELECT channel_sku FROM channel_stock_overrides WHERE shop_id = ${shopId} AND channel_account_id = ${accountId}::uuid
      UNION
      SELECT channel_sku FROM channel_stock_pushes WHERE shop_id = ${shopId} AND channel_account_id = ${accountId}::uuid
      UNION
      SELECT value FROM json_array_elements_text(coalesce(${skus}::json, '[]'::json))
      ${catalog}
    ),
    page AS (
      SELECT channel_sku FROM listed
      WHERE (${after}::text IS NULL OR channel_sku > ${after}::text)
        AND (${search}::text IS NULL OR lower(channel_sku) LIKE ${search}::text)
        AND (${skus}::text IS NULL OR channel_sku IN (SELECT value FROM json_array_elements_text(${skus}::json)))
      ORDER BY channel_sku
      LIMIT ${opts.limit}
    ),
    resolved AS (
      SELECT p.channel_sku,
        COALESCE(am.components, gm.components,
          (SELECT jsonb_build_array(jsonb_build_object('variantId', v.id, 'sku', v.sku, 'quantity', 1))
             FROM variants v WHERE v.shop_id = ${shopId} AND v.sku = p.channel_sku)) AS components,
        CASE WHEN am.id IS NOT NULL THEN 'account' WHEN gm.id IS NOT NULL THEN 'shop'
             WHEN EXISTS (SELECT 1 FROM variants v WHERE v.shop_id = ${shopId} AND v.sku = p.channel_sku) THEN 'sku'
        END AS mapped_by
      FROM page p
      LEFT JOIN sku_mappings am ON am.shop_id = ${shopId} AND am.channel_account_id = ${accountId}::uuid AND am.channel_sku = p.channel_sku
      LEFT JOIN sku_mappings gm ON gm.shop_id = ${shopId} AND gm.channel_account_id IS NULL AND gm.channel_sku = p.channel_sku
    ),
    comp AS (
      SELECT r.channel_sku, c.ord, (c.value->>'variantId')::uuid AS variant_id, c.value->>'sku' AS sku,
             (c.value->>'quantity')::int AS qty
      FROM resolved r CROSS JOIN LATERAL jsonb_array_elements(r.components) WITH ORDINALITY AS c(value, ord)
      WHERE r.components IS NOT NULL
    ),
    stock AS (
      SELECT comp.channel_sku, comp.ord, comp.variant_id, comp.sku, comp.qty,
        COALESCE(SUM(sl.on_hand - sl.reserved), 0)::int AS available,
        COALESCE(jsonb_object_agg(sl.warehouse_id, sl.on_hand - sl.reserved) FILTER (WHERE sl.warehouse_id IS NOT NULL), '{}'::jsonb) AS by_warehouse
      FROM comp
      LEFT JOIN stock_levels sl ON sl.shop_id = ${shopId} AND sl.variant_id = comp.variant_id
        AND sl.warehouse_id IN (SELECT id FROM wh)
      GROUP BY comp.channel_sku, comp.ord, comp.variant_id, comp.sku, comp.qty
    )
    SELECT r.channel_sku, r.mapped_by,
      COALESCE((SELECT jsonb_agg(jsonb_build_object('variantId', s.variant_id, 'sku', s.sku, 'quantity', s.qty,
                  'available', s.available, 'byWarehouse', s.by_warehouse) ORDER BY s.ord)
                FROM stock s WHERE s.channel_sku = r.channel_sku), '[]'::jsonb) AS components,
      ps.last_quantity, ps.last_pushed_at, ps.source, ps.outcome, ps.message, ps.attempted_quantity, ps.attempted_at
    FROM resolved r
    LEFT JOIN channel_stock_pushes ps ON ps.shop_id = ${shopId} AND ps.channel_account_id = ${accountId}::uuid
      AND ps.channel_sku = r.channel_sku
    ORDER BY r.channel_sku`.execute(trx);

  const overrides = await listOverrides(
    trx,
    shopId,
    accountId,
    res.rows.map((r) => r.channel_sku),
  );
  const rows: AvailableRow[] = res.rows.map((r) => {
    const raw: RawComponent[] = typeof r.components === 'string' ? JSON.parse(r.components) : r.components;
    const components: AvailableComponent[] = raw.map((c) => ({
      variantId: c.variantId,
      sku: c.sku,
      quantity: Number(c.quantity),
      available: Number(c.available),
      byWarehouse: Object.fromEntries(
        Object.entries(c.byWarehouse ?? {}).map(([id, n]) => [codeOf.get(id) ?? id, Number(n)]),
      ),
    }));
    const o = overrides.get(r.channel_sku);
    const override: SkuOverride | null = o
      ? {
          bufferUnits: o.bufferUnits,
          bufferPercent: o.bufferPercent,
          cap: o.cap,
          fixedQuantity: o.fixedQuantity,
          doNotSync: o.doNotSync,
        }
      : null;
    const pool = poolUnits(components);
    const status: AvailableRow['status'] = override?.doNotSync
      ? 'do_not_sync'
      : r.mapped_by || override?.fixedQuantity != null
        ? 'ok'
        : 'unmapped';
    const quantity = status === 'ok' ? applyRule(pool, rules, override) : null;
    const lastPushed =
      r.last_quantity != null && r.last_pushed_at && r.source
        ? { quantity: r.last_quantity, at: r.last_pushed_at, source: r.source }
        : null;
    return {
      channelSku: r.channel_sku,
      mappedBy: r.mapped_by,
      status,
      components,
      pool,
      quantity,
      override,
      lastPushed,
      lastAttempt:
        r.outcome && r.attempted_at && r.attempted_quantity != null
          ? { outcome: r.outcome, quantity: r.attempted_quantity, at: r.attempted_at, message: r.message }
          : null,
      changed: quantity != null && quantity !== lastPushed?.quantity,
    };
  });
  return { rules, warehouses, rows, more: res.rows.length === opts.limit };
}

/**
 * Every listed channel SKU of the account (in batches, so memory stays bounded per batch), for a
 * push or an upload file. `changedOnly` keeps the ones whose quantity differs from the last push.
 */
export async function* eachAvailable(
  trx: Tx,
  shopId: string,
  accountId: string,
  opts: { changedOnly: boolean; skus?: string[] | undefined; batch?: number },
) {
  let after: string | undefined;
  for (;;) {
    const page = await computeAvailable(trx, shopId, accountId, {
      after,
      limit: opts.batch ?? 1000,
      skus: opts.skus,
    });
    for (const row of page.rows) if (!opts.changedOnly || row.changed) yield row;
    if (!page.more) return;
    after = page.rows.at(-1)!.channelSku;
  }
}
