import { z } from 'zod';
import { appError, type FieldIssue, issue, issueList } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { loadShipmentDocs } from './build-docs.ts';
import { checkTrackingNumber, purchaseLabel } from './integrations.ts';

export const labelSchema = z.object({
  /** Own labels only: carrier numbers the user got elsewhere (a counter, a forwarder's portal). */
  trackingNumbers: z
    .array(z.object({ parcelNo: z.number().int().min(1), trackingNumber: z.string().trim().min(1).max(60) }))
    .max(50)
    .optional(),
});

type Hint = Parameters<typeof checkTrackingNumber>[1];

/**
 * Label a packed shipment. A service linked to a carrier account buys each parcel's label from
 * the carrier API (idempotent key `${number}/${parcelNo}`, so a retry gets the stored label, never
 * a second purchase) outside any transaction, then stores tracking and last-mile numbers. Other
 * services get the own Cunkou label; typed tracking numbers are checked first and a mistyped one
 * is refused with the reason. Labelling an already labelled shipment returns it unchanged.
 */
export async function labelShipment(
  deps: Deps,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof labelSchema>,
) {
  const db = deps.database.db;
  const { detail, parcels } = await withShop(db, shopId, (trx) => loadShipmentDocs(trx, shopId, id));
  if (detail.status === 'labelled' || detail.status === 'shipped') return { replayed: true };
  if (detail.status === 'cancelled')
    throw appError('CONFLICT', 'shipping.ship.cancelled', { number: detail.number });
  if (!detail.service) throw appError('CONFLICT', 'shipping.label.noService', { number: detail.number });
  const accountId = await withShop(
    db,
    shopId,
    async (trx) =>
      (
        await trx
          .selectFrom('shipments')
          .select('carrier_account_id')
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
      )?.carrier_account_id ?? null,
  );
  type Update = {
    parcelNo: number;
    kind: 'own' | 'carrier';
    tracking: string | null;
    carrierOrderId?: string;
    lastMile?: { carrier: string; trackingNumber: string } | null;
  };
  const updates: Update[] = [];
  if (accountId) {
    for (const p of parcels) {
      const bought = await purchaseLabel(deps, shopId, accountId, p, `${detail.number}/${p.parcelNo}`);
      updates.push({
        parcelNo: p.parcelNo,
        kind: 'carrier',
        tracking: bought.trackingNumber,
        carrierOrderId: bought.carrierOrderId,
        lastMile: bought.lastMile ?? null,
      });
    }
  } else {
    const issues: FieldIssue[] = [];
    const given = new Map((input.trackingNumbers ?? []).map((t, i) => [t.parcelNo, { ...t, i }]));
    for (const p of parcels) {
      const t = given.get(p.parcelNo);
      if (!t) {
        updates.push({ parcelNo: p.parcelNo, kind: 'own', tracking: null });
        continue;
      }
      const hint =
        detail.service.carrier && detail.service.carrier !== 'other'
          ? (detail.service.carrier as Hint)
          : undefined;
      const check = checkTrackingNumber(t.trackingNumber, hint);
      if (!check.valid)
        issues.push(
          issue(`trackingNumbers.${t.i}.trackingNumber`, 'shipping.label.badTracking', {
            number: t.trackingNumber,
            reason: check.reason ?? '',
          }),
        );
      else updates.push({ parcelNo: p.parcelNo, kind: 'own', tracking: check.number });
    }
    for (const [no, t] of given)
      if (!parcels.some((p) => p.parcelNo === no))
        issues.push(issue(`trackingNumbers.${t.i}.parcelNo`, 'shipping.label.unknownParcel', { parcel: no }));
    if (issues.length)
      throw appError('VALIDATION_FAILED', 'shipping.pleaseCorrect', { list: issueList(issues) }, { issues });
  }
  return withShop(db, shopId, async (trx) => {
    const s = await trx
      .selectFrom('shipments')
      .select(['status'])
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
    if (s.status === 'labelled' || s.status === 'shipped') return { replayed: true };
    if (s.status === 'cancelled')
      throw appError('CONFLICT', 'shipping.ship.cancelled', { number: detail.number });
    for (const u of updates) {
      await trx
        .updateTable('shipment_parcels')
        .set({
          label_kind: u.kind,
          tracking_number: u.tracking,
          carrier_order_id: u.carrierOrderId ?? null,
          last_mile_carrier: u.lastMile?.carrier ?? null,
          last_mile_tracking: u.lastMile?.trackingNumber ?? null,
        })
        .where('shop_id', '=', shopId)
        .where('shipment_id', '=', id)
        .where('parcel_no', '=', u.parcelNo)
        .execute();
    }
    const now = new Date();
    await trx
      .updateTable('shipments')
      .set({ status: 'labelled', labelled_at: now, updated_at: now })
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, shopId, actor, {
      action: 'shipment.labelled',
      entityType: 'shipment',
      entityId: id,
      changes: { viaApi: !!accountId },
    });
    return { replayed: false };
  });
}
