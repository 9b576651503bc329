import { appError } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { cancelCarrierOrder } from './integrations.ts';

/**
 * Cancel a shipment that has not shipped. Labels bought through a carrier API are cancelled at
 * the carrier first (outside the transaction); a carrier that refuses leaves the shipment as it
 * was and says why. The order lines become available for another shipment.
 */
export async function cancelShipment(deps: Deps, shopId: string, actor: Actor, id: string) {
  const db = deps.database.db;
  const s = await withShop(db, shopId, (trx) =>
    trx
      .selectFrom('shipments')
      .select(['number', 'status', 'carrier_account_id'])
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
  if (s.status === 'cancelled') return { replayed: true };
  if (s.status === 'shipped') throw appError('CONFLICT', 'shipping.cancel.shipped', { number: s.number });
  if (s.status === 'labelled' && s.carrier_account_id) {
    const bought = await withShop(db, shopId, (trx) =>
      trx
        .selectFrom('shipment_parcels')
        .select(['parcel_no', 'carrier_order_id'])
        .where('shop_id', '=', shopId)
        .where('shipment_id', '=', id)
        .where('carrier_order_id', 'is not', null)
        .execute(),
    );
    for (const p of bought) {
      const r = await cancelCarrierOrder(deps, shopId, s.carrier_account_id, p.carrier_order_id!);
      if (!r.cancelled)
        throw appError('CONFLICT', 'shipping.cancel.carrierRefused', {
          number: s.number,
          message: r.message ?? '',
        });
    }
  }
  return withShop(db, shopId, async (trx) => {
    const locked = await trx
      .selectFrom('shipments')
      .select('status')
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status === 'shipped')
      throw appError('CONFLICT', 'shipping.cancel.shipped', { number: s.number });
    if (locked.status === 'cancelled') return { replayed: true };
    const now = new Date();
    await trx
      .updateTable('shipments')
      .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, shopId, actor, {
      action: 'shipment.cancelled',
      entityType: 'shipment',
      entityId: id,
      changes: { number: s.number },
    });
    return { replayed: false };
  });
}
