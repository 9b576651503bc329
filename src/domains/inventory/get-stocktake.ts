import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Stocktake, stocktakeView } from './record-stocktake.ts';

export async function getStocktake(trx: Tx, shopId: string, id: string): Promise<Stocktake> {
  const st = await trx
    .selectFrom('stocktakes')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!st) throw appError('NOT_FOUND', 'stocktake.notFound');
  return stocktakeView(st);
}
