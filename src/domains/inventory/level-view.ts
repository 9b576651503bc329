import type { Tx } from '../../platform/db/tenant.ts';
import { available, type Level } from './ledger.ts';

export interface LevelView extends Level {
  variantId: string;
  warehouseId: string;
  available: number;
}

export const levelView = (variantId: string, warehouseId: string, l: Level): LevelView => ({
  variantId,
  warehouseId,
  onHand: l.onHand,
  reserved: l.reserved,
  inTransit: l.inTransit,
  available: available(l),
});

/** Current cached levels for some variant × warehouse pairs (zero where none exists yet). */
export async function readLevels(
  trx: Tx,
  shopId: string,
  pairs: { variantId: string; warehouseId: string }[],
): Promise<LevelView[]> {
  if (!pairs.length) return [];
  const rows = await trx
    .selectFrom('stock_levels')
    .select(['variant_id', 'warehouse_id', 'on_hand', 'reserved', 'in_transit'])
    .where('shop_id', '=', shopId)
    .where('variant_id', 'in', [...new Set(pairs.map((p) => p.variantId))])
    .where('warehouse_id', 'in', [...new Set(pairs.map((p) => p.warehouseId))])
    .execute();
  const byKey = new Map(rows.map((r) => [`${r.variant_id}|${r.warehouse_id}`, r]));
  return pairs.map((p) => {
    const r = byKey.get(`${p.variantId}|${p.warehouseId}`);
    return levelView(p.variantId, p.warehouseId, {
      onHand: r?.on_hand ?? 0,
      reserved: r?.reserved ?? 0,
      inTransit: r?.in_transit ?? 0,
    });
  });
}
