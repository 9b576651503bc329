import { appError, issue, issueList } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { readLevels } from './level-view.ts';
import { resolveVariants, resolveWarehouse, type VariantRef } from './resolve.ts';
import type { VarianceLine } from './tables.ts';

export interface RecordStocktakeInput {
  warehouseId: string;
  counted: (VariantRef & { quantity: number })[];
}

export interface Stocktake {
  id: string;
  warehouseId: string;
  status: 'counted' | 'applied';
  /** Expected (on hand in the system) against counted, per SKU; only lines that differ move stock. */
  variance: VarianceLine[];
  createdAt: Date;
  appliedAt: Date | null;
}

/** Record a count of (part of) a warehouse and the variance against the ledger; nothing moves yet. */
export async function recordStocktake(trx: Tx, shopId: string, actor: Actor, input: RecordStocktakeInput) {
  const warehouse = await resolveWarehouse(trx, shopId, { warehouseId: input.warehouseId });
  const variants = await resolveVariants(trx, shopId, input.counted, 'counted');
  const seen = new Set<string>();
  const issues = [];
  for (const [i, v] of variants.entries()) {
    if (seen.has(v.variantId)) issues.push(issue(`counted.${i}`, 'stocktake.countedTwice'));
    seen.add(v.variantId);
  }
  if (issues.length)
    throw appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list: issueList(issues) }, { issues });
  const counted = variants.map((v, i) => ({ variantId: v.variantId, quantity: input.counted[i]!.quantity }));
  const variance = await varianceOf(trx, shopId, warehouse.id, variants, counted);
  const row = await trx
    .insertInto('stocktakes')
    .values({
      shop_id: shopId,
      id: newId(),
      warehouse_id: warehouse.id,
      counted: JSON.stringify(counted),
      variance: JSON.stringify(variance),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'stocktake.recorded',
    entityType: 'stocktake',
    entityId: row.id,
    changes: { warehouse: warehouse.code, lines: counted.length },
  });
  return stocktakeView(row);
}

export async function varianceOf(
  trx: Tx,
  shopId: string,
  warehouseId: string,
  variants: { variantId: string; sku: string }[],
  counted: { variantId: string; quantity: number }[],
): Promise<VarianceLine[]> {
  const levels = await readLevels(
    trx,
    shopId,
    variants.map((v) => ({ variantId: v.variantId, warehouseId })),
  );
  return variants.map((v, i) => ({
    variantId: v.variantId,
    sku: v.sku,
    expected: levels[i]!.onHand,
    counted: counted[i]!.quantity,
    variance: counted[i]!.quantity - levels[i]!.onHand,
  }));
}

export const stocktakeView = (r: {
  id: string;
  warehouse_id: string;
  status: 'counted' | 'applied';
  variance: VarianceLine[];
  created_at: Date;
  applied_at: Date | null;
}): Stocktake => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  status: r.status,
  variance: r.variance,
  createdAt: r.created_at,
  appliedAt: r.applied_at,
});
