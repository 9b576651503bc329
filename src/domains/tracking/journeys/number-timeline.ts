/**
 * The events of a tracking number that no journey holds yet (imported or pushed before the
 * shipment was registered), shaped like a journey timeline so the admin and the CLI can show
 * them. Not used by the public page: there, only registered journeys are shown.
 */
import type { Tx } from '../../../platform/db/tenant.ts';
import { normaliseTrackingNumber } from '../numbers/index.ts';
import { milestones, type TrackingStatus } from '../tables.ts';
import { statusOrder } from './refresh.ts';
import type { JourneyTimeline } from './timeline.ts';

export type NumberTimeline = Omit<JourneyTimeline, 'journeyId'> & { journeyId: null };

export async function getNumberTimeline(
  trx: Tx,
  shopId: string,
  raw: string,
): Promise<NumberTimeline | undefined> {
  const number = normaliseTrackingNumber(raw);
  const rows = await trx
    .selectFrom('tracking_events')
    .select(['occurred_at', 'status', 'sub_status', 'milestone', 'description', 'city', 'country', 'carrier'])
    .where('shop_id', '=', shopId)
    .where('tracking_number', '=', number)
    .orderBy('occurred_at', 'desc')
    .execute();
  if (!rows.length) return undefined;
  const sorted = [...rows].sort(
    (a, b) =>
      new Date(b.occurred_at).getTime() - new Date(a.occurred_at).getTime() ||
      statusOrder.indexOf(b.status) - statusOrder.indexOf(a.status),
  );
  const latest = sorted[0]!;
  const events = sorted.map((r) => ({
    occurredAt: new Date(r.occurred_at).toISOString(),
    status: r.status as TrackingStatus,
    subStatus: r.sub_status,
    milestone: r.milestone,
    description: r.description,
    city: r.city,
    country: r.country,
    carrier: r.carrier,
    trackingNumber: number,
    legKind: null,
  }));
  const first = new Map<string, string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const m = events[i]!.milestone;
    if (m && !first.has(m)) first.set(m, events[i]!.occurredAt);
  }
  const furthest = Math.max(-1, ...events.map((e) => milestones.indexOf(e.milestone as never)));
  const delivered = latest.status === 'Delivered';
  const deliveredTimes = events.filter((e) => e.status === 'Delivered').map((e) => e.occurredAt);
  return {
    journeyId: null,
    reference: number,
    status: latest.status as TrackingStatus,
    milestone: delivered ? 'delivered' : furthest >= 0 ? milestones[furthest]! : null,
    originCountry: 'CN',
    destinationCountry: latest.country ?? '',
    destinationCity: null,
    promisedDays: null,
    shippedAt: null,
    deliveredAt: delivered ? (deliveredTimes[deliveredTimes.length - 1] ?? null) : null,
    serviceName: null,
    legs: [...new Set(rows.map((r) => r.carrier))].map((carrier, i) => ({
      seq: i + 1,
      kind: 'unregistered',
      mode: null,
      carrier,
      trackingNumber: number,
    })),
    milestones: milestones.map((m) => ({ milestone: m, reachedAt: first.get(m) ?? null })),
    events,
  };
}
