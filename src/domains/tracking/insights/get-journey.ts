import { sql } from 'kysely';
import { appError } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { exceptionView } from './exception-view.ts';
import { journeyException } from './exceptions-query.ts';

export const milestones = [
  'picked_up',
  'export_customs_cleared',
  'departed_origin',
  'arrived_destination',
  'import_customs',
  'handed_to_last_mile',
  'delivered',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mirrors the tracking domain's public path (/track/<shop>/<reference>), for the copy-link button. */
export const publicPath = (shopSlug: string, reference: string) =>
  `/track/${encodeURIComponent(shopSlug)}/${encodeURIComponent(reference)}`;

/**
 * A journey for the admin: everything the public page hides as well — every event with its raw
 * carrier status, source and receipt time, the legs, milestones, the current exception and the
 * history of actions on it. Found by id, reference or any leg's tracking number.
 */
export async function getJourneyDetail(trx: Tx, shopId: string, shopSlug: string, key: string) {
  const number = key.replace(/\s+/g, '').toUpperCase();
  const byId = UUID.test(key) ? sql`j.id = ${key}::uuid OR` : sql``;
  const found = await sql<Record<string, unknown> & { id: string; reference: string }>`
    SELECT j.* FROM tracking_journeys j
     WHERE j.shop_id = ${shopId} AND (${byId} j.reference = ${key}
       OR EXISTS (SELECT 1 FROM tracking_legs l WHERE l.shop_id = j.shop_id AND l.journey_id = j.id
                   AND l.tracking_number = ${number}))
     ORDER BY (j.reference = ${key}) DESC, j.created_at DESC LIMIT 1`.execute(trx);
  const j = found.rows[0];
  if (!j) throw appError('NOT_FOUND', 'trackingInsights.journeyNotFound');
  const legs = await sql<{
    seq: number;
    kind: string;
    mode: string | null;
    carrier: string;
    tracking_number: string;
  }>`
    SELECT seq, kind, mode, carrier, tracking_number FROM tracking_legs
     WHERE shop_id = ${shopId} AND journey_id = ${j.id} ORDER BY seq`.execute(trx);
  const events = await sql<
    Record<string, unknown> & { milestone: string | null; occurred_at: Date; tracking_number: string }
  >`
    SELECT e.id, e.carrier, e.tracking_number, e.occurred_at, e.status, e.sub_status, e.milestone, e.location,
           e.city, e.country, e.description, e.source, e.raw_status, e.received_at
      FROM tracking_events e
     WHERE e.shop_id = ${shopId}
       AND e.tracking_number IN (SELECT l.tracking_number FROM tracking_legs l
                                  WHERE l.shop_id = ${shopId} AND l.journey_id = ${j.id})
     ORDER BY e.occurred_at DESC, e.received_at DESC`.execute(trx);
  const actions = await trx
    .selectFrom('tracking_exception_actions')
    .select(['id', 'kind', 'action', 'note', 'snooze_until', 'actor', 'created_at'])
    .where('shop_id', '=', shopId)
    .where('journey_id', '=', j.id)
    .orderBy('created_at', 'desc')
    .execute();
  const legKind = new Map(legs.rows.map((l) => [l.tracking_number, l.kind]));
  const reached = new Map<string, Date>();
  for (const e of events.rows) {
    if (!e.milestone) continue;
    const at = new Date(e.occurred_at);
    const seen = reached.get(e.milestone);
    if (!seen || at < seen) reached.set(e.milestone, at);
  }
  const exception = await journeyException(trx, shopId, j.id);
  return {
    id: j.id,
    reference: j.reference,
    publicToken: j.public_token,
    publicPath: publicPath(shopSlug, j.reference),
    orderId: j.order_id,
    shipmentId: j.shipment_id,
    serviceId: j.service_id,
    serviceName: j.service_name,
    originCountry: j.origin_country,
    destinationCountry: j.destination_country,
    destinationCity: j.destination_city,
    promisedDays: j.promised_days,
    status: j.status,
    milestone: j.milestone,
    lastEventAt: j.last_event_at,
    shippedAt: j.shipped_at,
    deliveredAt: j.delivered_at,
    createdAt: j.created_at,
    legs: legs.rows.map((l) => ({
      seq: l.seq,
      kind: l.kind,
      mode: l.mode,
      carrier: l.carrier,
      trackingNumber: l.tracking_number,
    })),
    milestones: milestones.map((m) => ({ milestone: m, reachedAt: reached.get(m) ?? null })),
    events: events.rows.map((e) => ({
      id: e.id,
      occurredAt: e.occurred_at,
      status: e.status,
      subStatus: e.sub_status,
      milestone: e.milestone,
      description: e.description,
      location: e.location,
      city: e.city,
      country: e.country,
      carrier: e.carrier,
      trackingNumber: e.tracking_number,
      legKind: legKind.get(e.tracking_number) ?? null,
      source: e.source,
      rawStatus: e.raw_status,
      receivedAt: e.received_at,
    })),
    exception: exception ? exceptionView(exception) : null,
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      action: a.action,
      note: a.note,
      snoozeUntil: a.snooze_until,
      actor: a.actor,
      at: a.created_at,
    })),
  };
}
