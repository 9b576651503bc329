/**
 * Moves journeys forward with newly stored events without re-reading their whole history: per
 * number, the latest new event and the furthest new milestone are compared with the journey's
 * current state in one UPDATE. Anything touching Delivered (a parcel delivered, or a delivered
 * parcel getting a later event) is then recomputed in full (refreshJourneys), so delivered_at and
 * the milestone stay exactly what the full history says.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import { milestones } from '../tables.ts';
import { refreshJourneys, statusOrder } from './refresh.ts';

export interface StoredEvent {
  tracking_number: string;
  occurred_at: Date;
  status: string;
  milestone: string | null;
}

const rank = (s: string) => statusOrder.indexOf(s);
const milestoneRank = (m: string | null) => (m && m !== 'delivered' ? milestones.indexOf(m as never) + 1 : 0);
const statusArray = sql.raw(`ARRAY[${statusOrder.map((m) => `'${m}'`).join(',')}]::text[]`);
const milestoneArray = sql.raw(`ARRAY[${milestones.map((m) => `'${m}'`).join(',')}]::text[]`);

export async function applyNewEvents(trx: Tx, shopId: string, events: StoredEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const perNumber = new Map<string, { at: number; status: string; furthest: number }>();
  for (const e of events) {
    const at = new Date(e.occurred_at).getTime();
    const cur = perNumber.get(e.tracking_number);
    const m = milestoneRank(e.milestone);
    if (!cur) perNumber.set(e.tracking_number, { at, status: e.status, furthest: m });
    else {
      if (at > cur.at || (at === cur.at && rank(e.status) > rank(cur.status))) {
        cur.at = at;
        cur.status = e.status;
      }
      cur.furthest = Math.max(cur.furthest, m);
    }
  }
  const numbers = [...perNumber.keys()];
  const entries = [...perNumber.values()];
  // Lock the journeys first (in id order: no deadlocks between concurrent deliveries); the UPDATE
  // below then runs on a fresh snapshot that includes whatever a concurrent delivery committed.
  await sql`SELECT j.id FROM tracking_journeys j
    WHERE j.shop_id = ${shopId} AND j.id IN (
      SELECT journey_id FROM tracking_legs WHERE shop_id = ${shopId} AND tracking_number = ANY(${numbers}::text[]))
    ORDER BY j.id FOR UPDATE`.execute(trx);
  const result = await sql<{ id: string; needs_full: boolean }>`
    WITH n AS (
      SELECT * FROM unnest(${numbers}::text[], ${entries.map((e) => new Date(e.at).toISOString())}::timestamptz[],
        ${entries.map((e) => e.status)}::text[], ${entries.map((e) => e.furthest)}::int[]) AS n(number, latest_at, latest_status, furthest)
    ),
    hits AS (
      SELECT l.journey_id, n.latest_at, n.latest_status, n.furthest
      FROM n JOIN tracking_legs l ON l.shop_id = ${shopId} AND l.tracking_number = n.number
    ),
    latest AS (
      SELECT DISTINCT ON (journey_id) journey_id, latest_at, latest_status
      FROM hits ORDER BY journey_id, latest_at DESC, array_position(${statusArray}, latest_status) DESC
    ),
    far AS (SELECT journey_id, max(furthest) AS furthest FROM hits GROUP BY journey_id),
    calc AS (
      SELECT latest.journey_id AS id, latest.latest_at, latest.latest_status, far.furthest
      FROM latest JOIN far ON far.journey_id = latest.journey_id
    )
    UPDATE tracking_journeys t SET
      status = CASE WHEN t.last_event_at IS NULL OR c.latest_at > t.last_event_at
          OR (c.latest_at = t.last_event_at
              AND array_position(${statusArray}, c.latest_status) > coalesce(array_position(${statusArray}, t.status), 0))
        THEN c.latest_status ELSE t.status END,
      last_event_at = greatest(t.last_event_at, c.latest_at),
      milestone = (${milestoneArray})[nullif(greatest(coalesce(array_position(${milestoneArray}, t.milestone), 0), c.furthest), 0)],
      updated_at = now()
    FROM calc c
    WHERE t.shop_id = ${shopId} AND t.id = c.id
    -- delivered_at is only ever set by the full recompute, so it marks "was Delivered before".
    RETURNING t.id, (t.status = 'Delivered' OR t.delivered_at IS NOT NULL) AS needs_full`.execute(trx);
  const full = result.rows.filter((r) => r.needs_full).map((r) => r.id);
  if (full.length) await refreshJourneys(trx, shopId, full);
  return result.rows.length;
}
