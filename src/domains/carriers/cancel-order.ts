/**
 * Cancel a carrier order (before pickup). A refusal (already picked up) is an expected outcome,
 * returned as `{cancelled: false, message}` with the carrier's words, not thrown.
 */
import { appError } from '../../kernel/errors.ts';
import { englishOf } from '../../kernel/i18n/index.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { connect } from './connect.ts';

export async function cancelCarrierOrder(
  deps: Deps,
  shopId: string,
  carrierAccountId: string,
  carrierOrderId: string,
): Promise<{ cancelled: boolean; message: string | null }> {
  const { connector } = await connect(deps, shopId, carrierAccountId, false);
  const outcome = await connector.cancel(carrierOrderId);
  if (!outcome.cancelled) return outcome;
  await withShop(deps.database.db, shopId, (trx) =>
    trx
      .updateTable('carrier_labels')
      .set({ status: 'cancelled', cancelled_at: new Date() })
      .where('shop_id', '=', shopId)
      .where('account_id', '=', carrierAccountId)
      .where('carrier_order_id', '=', carrierOrderId)
      .where('status', '=', 'bought')
      .execute(),
  );
  return { cancelled: true, message: null };
}

/** The admin's cancel-by-label: looks the order up in our table first (tenant-scoped). */
export async function cancelLabel(deps: Deps, shopId: string, labelId: string) {
  const row = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('carrier_labels')
      .select(['account_id', 'carrier_order_id', 'status'])
      .where('shop_id', '=', shopId)
      .where('id', '=', labelId)
      .executeTakeFirst(),
  );
  if (!row) throw appError('NOT_FOUND', 'carriers.label.notFound');
  if (row.status === 'cancelled') return { cancelled: true, message: englishOf('carriers.label.cancelled') };
  return cancelCarrierOrder(deps, shopId, row.account_id, row.carrier_order_id);
}
