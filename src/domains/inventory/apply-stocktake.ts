import { appError, issue, issueList } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { readLevels } from './level-view.ts';
import { postMovement } from './post-movement.ts';
import { type Stocktake, stocktakeView, varianceOf } from './record-stocktake.ts';

/**
 * Make the count the truth: one 'stocktake' movement per SKU whose on hand differs from what was
 * counted. The variance is taken again now, so movements since the count are not undone twice.
 */
export async function applyStocktake(trx: Tx, shopId: string, actor: Actor, id: string): Promise<Stocktake> {
  const st = await trx
    .selectFrom('stocktakes')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!st) throw appError('NOT_FOUND', 'stocktake.notFound');
  if (st.status === 'applied') {
    throw appError('CONFLICT', 'stocktake.alreadyApplied', {
      date: st.applied_at!.toISOString().slice(0, 10),
    });
  }
  const skus = new Map(st.variance.map((v) => [v.variantId, v.sku]));
  const variants = st.counted.map((c) => ({
    variantId: c.variantId,
    sku: skus.get(c.variantId) ?? c.variantId,
  }));
  const pairs = variants.map((v) => ({ variantId: v.variantId, warehouseId: st.warehouse_id }));
  const levels = await readLevels(trx, shopId, pairs);
  const issues = st.counted.flatMap((c, i) =>
    c.quantity < levels[i]!.reserved
      ? [
          issue(`counted.${i}`, 'stocktake.belowReserved', {
            counted: c.quantity,
            reserved: levels[i]!.reserved,
          }),
        ]
      : [],
  );
  if (issues.length)
    throw appError('CONFLICT', 'common.pleaseCorrect', { list: issueList(issues) }, { issues });
  const variance = await varianceOf(trx, shopId, st.warehouse_id, variants, st.counted);
  for (const v of variance) {
    if (!v.variance) continue;
    const posted = await postMovement(
      trx,
      shopId,
      actor,
      {
        variantId: v.variantId,
        warehouseId: st.warehouse_id,
        kind: 'stocktake',
        onHand: v.variance,
        refType: 'stocktake',
        refId: id,
      },
      v.variance < 0 ? { minAvailable: -v.variance } : {},
    );
    if (!posted) throw appError('CONFLICT', 'stock.levelRule');
  }
  const row = await trx
    .updateTable('stocktakes')
    .set({ status: 'applied', applied_at: new Date(), variance: JSON.stringify(variance) })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'stocktake.applied',
    entityType: 'stocktake',
    entityId: id,
    changes: { variance: variance.filter((v) => v.variance).map((v) => [v.sku, v.variance]) },
  });
  return stocktakeView(row);
}
