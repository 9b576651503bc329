import type { Tx } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import type { Allocation } from './reserve-stock.ts';
import { type ReservationRef, settleReservation } from './settle-reservation.ts';

/** The parcel left the warehouse: reserved stock leaves on hand ('shipment' movements). */
export async function shipReservation(
  trx: Tx,
  shopId: string,
  actor: Actor,
  ref: ReservationRef,
): Promise<{ shipped: Allocation[] }> {
  return { shipped: await settleReservation(trx, shopId, actor, ref, 'shipped') };
}
