import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';

export interface Candidate {
  warehouseId: string;
  available: number;
}

/**
 * Active warehouses holding free stock of a variant, best first: in the buyer's country (no
 * customs, short last mile), then the seller's priority, then the most available.
 */
export async function allocationCandidates(
  trx: Tx,
  shopId: string,
  variantId: string,
  destinationCountry?: string,
): Promise<Candidate[]> {
  const country = destinationCountry?.toUpperCase() ?? null;
  const rows = await trx
    .selectFrom('stock_levels as l')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.shop_id', '=', 'l.shop_id').onRef('w.id', '=', 'l.warehouse_id'),
    )
    .select(['l.warehouse_id', sql<number>`l.on_hand - l.reserved`.as('available')])
    .where('l.shop_id', '=', shopId)
    .where('l.variant_id', '=', variantId)
    .where('w.active', '=', true)
    .where(sql<boolean>`l.on_hand - l.reserved > 0`)
    .orderBy(sql`(w.country = ${country}) IS TRUE`, 'desc')
    .orderBy('w.priority')
    .orderBy(sql`l.on_hand - l.reserved`, 'desc')
    .orderBy('w.code')
    .execute();
  return rows.map((r) => ({ warehouseId: r.warehouse_id, available: r.available }));
}

/**
 * Where to take `quantity` from: the first candidate that has it all (one parcel), else split in
 * candidate order. Null when all of them together do not have enough.
 */
export function planSplit(
  candidates: Candidate[],
  quantity: number,
): { warehouseId: string; quantity: number }[] | null {
  const whole = candidates.find((c) => c.available >= quantity);
  if (whole) return [{ warehouseId: whole.warehouseId, quantity }];
  const plan = [];
  let remaining = quantity;
  for (const c of candidates) {
    if (remaining === 0) break;
    const q = Math.min(c.available, remaining);
    plan.push({ warehouseId: c.warehouseId, quantity: q });
    remaining -= q;
  }
  return remaining === 0 ? plan : null;
}

/** Free stock of a variant in one warehouse, or across every active warehouse. */
export async function availableFor(trx: Tx, shopId: string, variantId: string, warehouseId?: string) {
  const row = await trx
    .selectFrom('stock_levels as l')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.shop_id', '=', 'l.shop_id').onRef('w.id', '=', 'l.warehouse_id'),
    )
    .select(sql<number>`coalesce(sum(greatest(l.on_hand - l.reserved, 0)), 0)::int`.as('available'))
    .where('l.shop_id', '=', shopId)
    .where('l.variant_id', '=', variantId)
    .$if(!!warehouseId, (q) => q.where('l.warehouse_id', '=', warehouseId!))
    .$if(!warehouseId, (q) => q.where('w.active', '=', true))
    .executeTakeFirst();
  return row?.available ?? 0;
}
