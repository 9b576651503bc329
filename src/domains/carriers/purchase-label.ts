/**
 * Buy a label (and tracking number) from the carrier for one parcel, idempotently. The carrier's
 * customer order number is derived from the idempotency key, so a retry after a crash between
 * the carrier's answer and our commit gets "already exists" from the carrier and fetches that
 * order instead of buying a second one. No database transaction is held during the HTTP calls.
 */
import { appError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import type { ParcelDoc } from '../shipping/documents/model.ts';
import { customerRef } from './carrier-values.ts';
import { connect } from './connect.ts';
import { labelFileKey, liveLabel, readFile } from './labels-store.ts';

export interface PurchasedLabel {
  carrierAccountId: string;
  carrier: string;
  carrierOrderId: string;
  trackingNumber: string;
  labelPdf: Buffer;
  lastMile?: { carrier: string; trackingNumber: string } | null;
}

type StoredRow = {
  account_id: string;
  carrier: string;
  carrier_order_id: string;
  tracking_number: string;
  last_mile_carrier: string | null;
  last_mile_number: string | null;
};

const asPurchased = (r: StoredRow, pdf: Buffer): PurchasedLabel => ({
  carrierAccountId: r.account_id,
  carrier: r.carrier,
  carrierOrderId: r.carrier_order_id,
  trackingNumber: r.tracking_number,
  labelPdf: pdf,
  lastMile:
    r.last_mile_carrier && r.last_mile_number
      ? { carrier: r.last_mile_carrier, trackingNumber: r.last_mile_number }
      : null,
});

export async function purchaseLabel(
  deps: Deps,
  shopId: string,
  carrierAccountId: string,
  parcel: ParcelDoc,
  idempotencyKey: string,
): Promise<PurchasedLabel> {
  const db = deps.database.db;
  const prior = await withShop(db, shopId, async (trx) => {
    const live = await liveLabel(trx, shopId, idempotencyKey);
    const cancelled = await trx
      .selectFrom('carrier_labels')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('shop_id', '=', shopId)
      .where('idempotency_key', '=', idempotencyKey)
      .where('status', '=', 'cancelled')
      .executeTakeFirstOrThrow();
    return { live, attempt: Number(cancelled.n) + 1 };
  });
  if (prior.live) return asPurchased(prior.live, await readFile(deps.storage, prior.live.label_file_key));

  const { account, connector } = await connect(deps, shopId, carrierAccountId);
  const ref = customerRef(idempotencyKey, prior.attempt);
  const order = await connector.createOrFind(parcel, ref, account.product_code);
  const pdf = await connector.labelPdf(order, ref);
  // The file name comes from the customer order number: a retry overwrites, never orphans.
  const fileKey = labelFileKey(shopId, ref);
  await deps.storage.put(fileKey, pdf, 'application/pdf');

  const stored = await withShop(db, shopId, async (trx) => {
    await trx
      .insertInto('carrier_labels')
      .values({
        shop_id: shopId,
        id: newId(),
        idempotency_key: idempotencyKey,
        account_id: account.id,
        carrier: account.carrier,
        customer_ref: ref,
        carrier_order_id: order.carrierOrderId,
        tracking_number: order.trackingNumber,
        last_mile_carrier: order.lastMile?.carrier ?? null,
        last_mile_number: order.lastMile?.trackingNumber ?? null,
        label_file_key: fileKey,
      })
      // A concurrent purchase with the same key committed first: keep theirs (same carrier order).
      .onConflict((oc) =>
        oc.columns(['shop_id', 'idempotency_key']).where('status', '=', 'bought').doNothing(),
      )
      .execute();
    return liveLabel(trx, shopId, idempotencyKey);
  });
  if (!stored)
    throw appError('PROVIDER_FAILED', 'carriers.remote.unexpected', {
      carrier: account.carrier,
      what: 'label',
    });
  return asPurchased(
    stored,
    stored.label_file_key === fileKey ? pdf : await readFile(deps.storage, stored.label_file_key),
  );
}
