/**
 * One timeline for a journey: the events of all its legs' numbers merged and sorted by time
 * (newest first), the milestones reached, and the legs. Found by the Cunkou reference or by any
 * leg's tracking number. Holds no personal data: destination city and country only.
 */
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import { normaliseTrackingNumber } from '../numbers/index.ts';
import { milestones, type TrackingJourneysTable, type TrackingStatus } from '../tables.ts';

export interface TimelineEvent {
  occurredAt: string;
  status: TrackingStatus;
  subStatus: string | null;
  milestone: string | null;
  description: string;
  city: string | null;
  country: string | null;
  carrier: string;
  trackingNumber: string;
  legKind: string | null;
}

export interface JourneyTimeline {
  journeyId: string;
  reference: string;
  status: TrackingStatus;
  milestone: string | null;
  originCountry: string;
  destinationCountry: string;
  destinationCity: string | null;
  promisedDays: number | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  serviceName: string | null;
  legs: { seq: number; kind: string; mode: string | null; carrier: string; trackingNumber: string }[];
  milestones: { milestone: string; reachedAt: string | null }[];
  events: TimelineEvent[];
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

type JourneyRow = Selectable<TrackingJourneysTable>;

/**
 * The journey by reference, public token or any leg's number, in one query (the public page's
 * hot path). Reference/token first; a number on several journeys (re-registered) → the newest.
 */
async function findJourney(
  trx: Tx,
  shopId: string,
  referenceOrNumber: string,
): Promise<JourneyRow | undefined> {
  const key = referenceOrNumber.trim();
  if (!key) return undefined;
  const number = normaliseTrackingNumber(key);
  const result = await sql<JourneyRow>`
    SELECT j.* FROM (
      SELECT id, 0 AS rank FROM tracking_journeys
      WHERE shop_id = ${shopId} AND (reference = ${key} OR public_token = ${key})
      UNION ALL
      SELECT journey_id, 1 FROM tracking_legs WHERE shop_id = ${shopId} AND tracking_number = ${number}
    ) hit
    JOIN tracking_journeys j ON j.shop_id = ${shopId} AND j.id = hit.id
    ORDER BY hit.rank, j.created_at DESC
    LIMIT 1`.execute(trx);
  return result.rows[0];
}

export async function findJourneyId(
  trx: Tx,
  shopId: string,
  referenceOrNumber: string,
): Promise<string | undefined> {
  return (await findJourney(trx, shopId, referenceOrNumber))?.id;
}

export async function getJourneyTimeline(
  trx: Tx,
  shopId: string,
  referenceOrNumber: string,
): Promise<JourneyTimeline | undefined> {
  const journey = await findJourney(trx, shopId, referenceOrNumber);
  return journey ? timelineOfRow(trx, shopId, journey) : undefined;
}

export async function timelineOf(
  trx: Tx,
  shopId: string,
  journeyId: string,
): Promise<JourneyTimeline | undefined> {
  const journey = await trx
    .selectFrom('tracking_journeys')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', journeyId)
    .executeTakeFirst();
  return journey ? timelineOfRow(trx, shopId, journey) : undefined;
}

async function timelineOfRow(trx: Tx, shopId: string, journey: JourneyRow): Promise<JourneyTimeline> {
  const journeyId = journey.id;
  const legs = await trx
    .selectFrom('tracking_legs')
    .select(['seq', 'kind', 'mode', 'carrier', 'tracking_number'])
    .where('shop_id', '=', shopId)
    .where('journey_id', '=', journeyId)
    .orderBy('seq')
    .execute();
  const rows = legs.length
    ? await trx
        .selectFrom('tracking_events')
        .select([
          'occurred_at',
          'status',
          'sub_status',
          'milestone',
          'description',
          'city',
          'country',
          'carrier',
          'tracking_number',
        ])
        .where('shop_id', '=', shopId)
        .where('tracking_number', 'in', [...new Set(legs.map((l) => l.tracking_number))])
        .orderBy('occurred_at', 'desc')
        .orderBy('id')
        .execute()
    : [];
  // A number can sit on two legs (a postal S10 number tracked by the origin and destination
  // posts): the leg of the event's own carrier decides, else the first leg with that number.
  const kindOf = new Map<string, string>();
  for (const l of legs) {
    const exact = `${l.carrier}|${l.tracking_number}`;
    if (!kindOf.has(exact)) kindOf.set(exact, l.kind);
    if (!kindOf.has(l.tracking_number)) kindOf.set(l.tracking_number, l.kind);
  }
  const events: TimelineEvent[] = rows.map((r) => ({
    occurredAt: iso(r.occurred_at)!,
    status: r.status,
    subStatus: r.sub_status,
    milestone: r.milestone,
    description: r.description,
    city: r.city,
    country: r.country,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    legKind: kindOf.get(`${r.carrier}|${r.tracking_number}`) ?? kindOf.get(r.tracking_number) ?? null,
  }));
  const firstReached = new Map<string, string>();
  // Oldest first so the first time each milestone was reached is kept.
  for (let i = events.length - 1; i >= 0; i--) {
    const m = events[i]!.milestone;
    if (m && !firstReached.has(m)) firstReached.set(m, events[i]!.occurredAt);
  }
  return {
    journeyId: journey.id,
    reference: journey.reference,
    status: journey.status,
    milestone: journey.milestone,
    originCountry: journey.origin_country,
    destinationCountry: journey.destination_country,
    destinationCity: journey.destination_city,
    promisedDays: journey.promised_days,
    shippedAt: iso(journey.shipped_at),
    deliveredAt: iso(journey.delivered_at),
    serviceName: journey.service_name,
    legs: legs.map((l) => ({
      seq: l.seq,
      kind: l.kind,
      mode: l.mode,
      carrier: l.carrier,
      trackingNumber: l.tracking_number,
    })),
    milestones: milestones.map((m) => ({ milestone: m, reachedAt: firstReached.get(m) ?? null })),
    events,
  };
}
