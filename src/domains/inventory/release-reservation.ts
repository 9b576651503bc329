import type { Tx } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import type { Allocation } from './reserve-stock.ts';
import { type ReservationRef, settleReservation } from './settle-reservation.ts';

/** An order is cancelled (or re-planned): its reserved stock becomes available again. */
export async function releaseReservation(
  trx: Tx,
  shopId: string,
  actor: Actor,
  ref: ReservationRef,
): Promise<{ released: Allocation[] }> {
  return { released: await settleReservation(trx, shopId, actor, ref, 'released') };
}
