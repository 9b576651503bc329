import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';

export interface ListStockLevelsInput {
  sku?: string | undefined;
  warehouseId?: string | undefined;
  warehouseCode?: string | undefined;
  /** Only rows whose available stock is at or below this. */
  lowStock?: number | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface StockLevelRow {
  variantId: string;
  sku: string;
  productId: string;
  productTitle: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  available: number;
  updatedAt: Date;
}

/** Stock by SKU × warehouse, ordered by SKU then warehouse code, keyset-paginated on that pair. */
export async function listStockLevels(
  trx: Tx,
  shopId: string,
  input: ListStockLevelsInput,
): Promise<{ items: StockLevelRow[]; nextCursor: string | null }> {
  let q = trx
    .selectFrom('stock_levels as l')
    .innerJoin('variants as v', (j) =>
      j.onRef('v.shop_id', '=', 'l.shop_id').onRef('v.id', '=', 'l.variant_id'),
    )
    .innerJoin('products as p', (j) =>
      j.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'),
    )
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.shop_id', '=', 'l.shop_id').onRef('w.id', '=', 'l.warehouse_id'),
    )
    .select([
      'l.variant_id',
      'v.sku',
      'p.id as product_id',
      'p.title',
      'l.warehouse_id',
      'w.code',
      'w.name',
      'l.on_hand',
      'l.reserved',
      'l.in_transit',
      'l.updated_at',
    ])
    .where('l.shop_id', '=', shopId);
  if (input.sku) q = q.where('v.sku', '=', input.sku);
  if (input.warehouseId) q = q.where('l.warehouse_id', '=', input.warehouseId);
  if (input.warehouseCode) q = q.where('w.code', '=', input.warehouseCode);
  if (input.lowStock !== undefined) q = q.where(sql<boolean>`l.on_hand - l.reserved <= ${input.lowStock}`);
  if (input.cursor) {
    const [sku, code] = decodeCursor(input.cursor, 2) as [string, string];
    q = q.where(sql<boolean>`(v.sku, w.code) > (${sku}, ${code})`);
  }
  const rows = await q
    .orderBy('v.sku')
    .orderBy('w.code')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      variantId: r.variant_id,
      sku: r.sku,
      productId: r.product_id,
      productTitle: r.title,
      warehouseId: r.warehouse_id,
      warehouseCode: r.code,
      warehouseName: r.name,
      onHand: r.on_hand,
      reserved: r.reserved,
      inTransit: r.in_transit,
      available: r.on_hand - r.reserved,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sku, last.code]) : null,
  };
}
