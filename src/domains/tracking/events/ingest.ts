/**
 * Stores tracking events from any source: normalises them, drops duplicates (the same number,
 * time, status and description — or the same source event id — is stored once, whatever the
 * source), inserts in multi-row batches, then recomputes the journeys whose numbers got new events.
 */
import { createHash } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { applyNewEvents, type StoredEvent } from '../journeys/apply-events.ts';
import { type CarrierCode, normaliseTrackingNumber } from '../numbers/index.ts';
import type { EventSource, TrackingEventsTable, TrackingStatus } from '../tables.ts';
import { normaliseEvent } from './normalise.ts';

export interface RawTrackingEvent {
  carrier: CarrierCode;
  trackingNumber: string;
  occurredAt: Date;
  description: string;
  rawStatus?: string | null;
  status?: TrackingStatus | null;
  subStatus?: string | null;
  milestone?: string | null;
  location?: string | null;
  city?: string | null;
  country?: string | null;
  source: EventSource;
  externalId?: string | null;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
  journeysUpdated: number;
}

/** Rows per INSERT statement. */
const BATCH = 5000;

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function dedupeKey(number: string, occurredAt: Date, status: string, description: string): string {
  return createHash('sha1')
    .update(`${number}|${occurredAt.toISOString()}|${status}|${squash(description)}`)
    .digest('base64url');
}

const clip = (s: string | null | undefined, max: number): string | null => {
  const t = s?.trim();
  return t ? t.slice(0, max) : null;
};

export type EventRow = Insertable<TrackingEventsTable>;

export function toEventRow(shopId: string, e: RawTrackingEvent): EventRow {
  const number = normaliseTrackingNumber(e.trackingNumber);
  if (!number) throw new Error('tracking event without a tracking number');
  if (!(e.occurredAt instanceof Date) || Number.isNaN(e.occurredAt.getTime())) {
    throw new Error(`tracking event for ${number} has no valid time`);
  }
  const description = clip(e.description, 2000) ?? clip(e.rawStatus, 2000) ?? '';
  const n = normaliseEvent({ ...e, description });
  const country = e.country?.trim().toUpperCase();
  return {
    shop_id: shopId,
    id: newId(),
    carrier: e.carrier,
    tracking_number: number,
    occurred_at: e.occurredAt,
    status: n.status,
    sub_status: n.subStatus,
    milestone: n.milestone,
    location: clip(e.location, 300),
    city: clip(e.city, 120),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    description: description || n.status,
    source: e.source,
    raw_status: clip(e.rawStatus, 200),
    dedupe_key: dedupeKey(number, e.occurredAt, n.status, description || n.status),
    external_id: clip(e.externalId, 200),
  };
}

/**
 * Inserts already-normalised rows; returns how many were stored and their numbers (duplicates
 * skipped). One statement per batch over unnest()ed arrays: 16 parameters whatever the batch
 * size, so PostgreSQL parses one short statement instead of thousands of VALUES tuples.
 */
export async function insertEventRows(trx: Tx, rows: EventRow[]): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const col = <K extends keyof EventRow>(k: K) => chunk.map((r) => r[k] ?? null);
    const stored = await sql<StoredEvent>`
      INSERT INTO tracking_events (shop_id, id, carrier, tracking_number, occurred_at, status, sub_status,
        milestone, location, city, country, description, source, raw_status, dedupe_key, external_id)
      SELECT * FROM unnest(${col('shop_id')}::uuid[], ${col('id')}::uuid[], ${col('carrier')}::text[],
        ${col('tracking_number')}::text[], ${chunk.map((r) => (r.occurred_at as Date).toISOString())}::timestamptz[],
        ${col('status')}::text[], ${col('sub_status')}::text[], ${col('milestone')}::text[], ${col('location')}::text[],
        ${col('city')}::text[], ${col('country')}::text[], ${col('description')}::text[], ${col('source')}::text[],
        ${col('raw_status')}::text[], ${col('dedupe_key')}::text[], ${col('external_id')}::text[])
      ON CONFLICT DO NOTHING
      RETURNING tracking_number, occurred_at, status, milestone`.execute(trx);
    for (const s of stored.rows) out.push(s);
  }
  return out;
}

export async function ingestTrackingEvents(
  trx: Tx,
  shopId: string,
  events: RawTrackingEvent[],
): Promise<IngestResult> {
  if (events.length === 0) return { inserted: 0, duplicates: 0, journeysUpdated: 0 };
  // Sorted by key: concurrent deliveries of overlapping events take index locks in one order.
  const rows = events
    .map((e) => toEventRow(shopId, e))
    .sort((a, b) => (a.dedupe_key < b.dedupe_key ? -1 : 1));
  const stored = await insertEventRows(trx, rows);
  const journeysUpdated = await applyNewEvents(trx, shopId, stored);
  return { inserted: stored.length, duplicates: events.length - stored.length, journeysUpdated };
}
