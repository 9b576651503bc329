/** Reading and writing bought labels (rows in carrier_labels, PDFs in file storage). */
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Tx } from '../../platform/db/tenant.ts';
import type { FileStorage } from '../../platform/files/storage/storage.ts';

export const labelFileKey = (shopId: string, customerRef: string) =>
  `shops/${shopId}/carrier-labels/${customerRef}.pdf`;

export const liveLabel = (trx: Tx, shopId: string, idempotencyKey: string) =>
  trx
    .selectFrom('carrier_labels')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 'bought')
    .executeTakeFirst();

export type LabelRow = NonNullable<Awaited<ReturnType<typeof liveLabel>>>;

export async function readFile(storage: FileStorage, key: string): Promise<Buffer> {
  const f = await storage.get(key);
  return buffer(f.stream as Readable);
}

export const labelView = (r: LabelRow | (Omit<LabelRow, 'status'> & { status: string })) => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  accountId: r.account_id,
  carrier: r.carrier,
  customerRef: r.customer_ref,
  carrierOrderId: r.carrier_order_id,
  trackingNumber: r.tracking_number,
  lastMile:
    r.last_mile_carrier && r.last_mile_number
      ? { carrier: r.last_mile_carrier, trackingNumber: r.last_mile_number }
      : null,
  status: r.status,
  cancelledAt: r.cancelled_at,
  createdAt: r.created_at,
});
