import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withShop } from '../../src/platform/db/tenant.ts';
import type { TestApp } from '../support/test-app.ts';

export const DAY = 86_400_000;
export const daysAgo = (d: number, from = Date.now()) => new Date(from - d * DAY);

export interface SeedEvent {
  at: Date;
  status: string;
  subStatus?: string | null;
  milestone?: string | null;
  description?: string;
  city?: string | null;
  country?: string | null;
  rawStatus?: string | null;
  leg?: number; // index into legs, default the last
}

export interface SeedJourney {
  reference: string;
  destination: string;
  origin?: string;
  city?: string | null;
  serviceName?: string | null;
  serviceId?: string | null;
  orderId?: string | null;
  promisedDays?: number | null;
  shippedAt?: Date | null;
  deliveredAt?: Date | null;
  legs: {
    kind: 'first_mile' | 'line_haul' | 'last_mile';
    mode?: string | null;
    carrier: string;
    number: string;
  }[];
  events?: SeedEvent[];
}

/**
 * Rows exactly as the tracking domain (H2) stores them: journey, legs, events, and the journey's
 * status / milestone / last_event_at / delivered_at taken from the latest event by occurred_at.
 */
export async function seedJourney(t: TestApp, shopId: string, j: SeedJourney): Promise<string> {
  const id = randomUUID();
  await withShop(t.deps.database.db, shopId, async (trx) => {
    const events = [...(j.events ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    const latest = events[events.length - 1];
    const delivered = events.find((e) => e.status === 'Delivered');
    await sql`INSERT INTO tracking_journeys (shop_id, id, reference, public_token, order_id, service_id, service_name,
        origin_country, destination_country, destination_city, promised_days, status, milestone, last_event_at,
        shipped_at, delivered_at)
      VALUES (${shopId}, ${id}, ${j.reference}, ${randomUUID()}, ${j.orderId ?? null}, ${j.serviceId ?? null},
        ${j.serviceName ?? null}, ${j.origin ?? 'CN'}, ${j.destination}, ${j.city ?? null}, ${j.promisedDays ?? null},
        ${latest?.status ?? 'Pending'}, ${[...events].reverse().find((e) => e.milestone)?.milestone ?? null},
        ${latest?.at.toISOString() ?? null}, ${j.shippedAt?.toISOString() ?? null},
        ${(j.deliveredAt ?? delivered?.at)?.toISOString() ?? null})`.execute(trx);
    for (const [seq, leg] of j.legs.entries()) {
      await sql`INSERT INTO tracking_legs (shop_id, journey_id, seq, kind, mode, carrier, tracking_number)
        VALUES (${shopId}, ${id}, ${seq + 1}, ${leg.kind}, ${leg.mode ?? null}, ${leg.carrier}, ${leg.number})`.execute(
        trx,
      );
    }
    await insertEvents(trx, shopId, j, events);
  });
  return id;
}

type Trx = Parameters<Parameters<typeof withShop>[2]>[0];

async function insertEvents(trx: Trx, shopId: string, j: SeedJourney, events: SeedEvent[]) {
  for (const e of events) {
    const leg = j.legs[e.leg ?? j.legs.length - 1]!;
    await sql`INSERT INTO tracking_events (shop_id, id, carrier, tracking_number, occurred_at, status, sub_status,
        milestone, city, country, description, source, raw_status, dedupe_key)
      VALUES (${shopId}, ${randomUUID()}, ${leg.carrier}, ${leg.number}, ${e.at.toISOString()}, ${e.status},
        ${e.subStatus ?? null}, ${e.milestone ?? null}, ${e.city ?? null}, ${e.country ?? null},
        ${e.description ?? e.status}, 'api', ${e.rawStatus ?? null}, ${randomUUID()})`.execute(trx);
  }
}

/** A late event for an existing journey (received now), with the journey brought up to date. */
export async function addEvent(t: TestApp, shopId: string, j: SeedJourney, e: SeedEvent) {
  await withShop(t.deps.database.db, shopId, async (trx) => {
    await insertEvents(trx, shopId, j, [e]);
    await sql`UPDATE tracking_journeys SET
        status = CASE WHEN last_event_at IS NULL OR last_event_at <= ${e.at.toISOString()} THEN ${e.status} ELSE status END,
        last_event_at = greatest(last_event_at, ${e.at.toISOString()}::timestamptz)
      WHERE shop_id = ${shopId} AND reference = ${j.reference}`.execute(trx);
  });
}
