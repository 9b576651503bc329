/**
 * Pull a bought label's tracking events from the carrier API and hand them to the tracking
 * domain (which deduplicates, normalises and updates the journeys).
 */
import { appError, isAppError } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { ingestTrackingEvents } from '../tracking/index.ts';
import { connect } from './connect.ts';

export async function pullTracking(deps: Deps, shopId: string, labelId: string) {
  const row = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('carrier_labels')
      .select(['account_id', 'tracking_number'])
      .where('shop_id', '=', shopId)
      .where('id', '=', labelId)
      .executeTakeFirst(),
  );
  if (!row) throw appError('NOT_FOUND', 'carriers.label.notFound');
  const { connector } = await connect(deps, shopId, row.account_id, false);
  const events = await connector.tracking(row.tracking_number);
  if (!events.length) return { fetched: 0, inserted: 0, duplicates: 0 };
  const r = await withShop(deps.database.db, shopId, (trx) => ingestTrackingEvents(trx, shopId, events));
  return { fetched: events.length, inserted: r.inserted, duplicates: r.duplicates };
}

/**
 * Pull every live label bought in the last `days` days (oldest pull first would need a column;
 * newest labels first is what sellers look at). One failing label does not stop the others.
 */
export async function pullOpenLabels(
  deps: Deps,
  shopId: string,
  opts: { days?: number; limit?: number } = {},
) {
  const since = new Date(Date.now() - (opts.days ?? 60) * 86_400_000);
  const labels = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('carrier_labels')
      .select(['id', 'tracking_number'])
      .where('shop_id', '=', shopId)
      .where('status', '=', 'bought')
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(opts.limit ?? 200)
      .execute(),
  );
  const totals = {
    labels: labels.length,
    fetched: 0,
    inserted: 0,
    duplicates: 0,
    failed: [] as { trackingNumber: string; error: string }[],
  };
  for (const l of labels) {
    try {
      const r = await pullTracking(deps, shopId, l.id);
      totals.fetched += r.fetched;
      totals.inserted += r.inserted;
      totals.duplicates += r.duplicates;
    } catch (e) {
      if (!isAppError(e)) throw e;
      totals.failed.push({ trackingNumber: l.tracking_number, error: e.message });
    }
  }
  return totals;
}
