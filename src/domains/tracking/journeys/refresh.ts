/**
 * Keeps a journey's status, milestone, last_event_at and delivered_at in step with its events:
 * one set-based UPDATE over the merged events of all its legs. The status is that of the latest
 * event by occurred_at (ties: the more final status wins), so a late-arriving older event never
 * moves it backwards; the milestone is the furthest one reached in journey order.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import { milestones } from '../tables.ts';

/** Tie-break for events at the same instant: later in this list wins. */
export const statusOrder = [
  'InfoReceived',
  'InTransit',
  'AvailableForPickup',
  'OutForDelivery',
  'AttemptFail',
  'Exception',
  'Expired',
  'Delivered',
];

const milestoneArray = sql.raw(`ARRAY[${milestones.map((m) => `'${m}'`).join(',')}]::text[]`);
const statusArray = sql.raw(`ARRAY[${statusOrder.map((m) => `'${m}'`).join(',')}]::text[]`);

/** Recomputes the given journeys; returns how many were updated. */
export async function refreshJourneys(trx: Tx, shopId: string, journeyIds: string[]): Promise<number> {
  if (journeyIds.length === 0) return 0;
  // Lock first, then read the events on a fresh snapshot (see apply-events.ts).
  await sql`SELECT id FROM tracking_journeys WHERE shop_id = ${shopId} AND id = ANY(${journeyIds}::uuid[])
    ORDER BY id FOR UPDATE`.execute(trx);
  const result = await sql<{ id: string }>`
    WITH ev AS (
      SELECT l.journey_id, e.status, e.occurred_at, e.milestone
      FROM tracking_legs l
      JOIN tracking_events e ON e.shop_id = l.shop_id AND e.tracking_number = l.tracking_number
      WHERE l.shop_id = ${shopId} AND l.journey_id = ANY(${journeyIds}::uuid[])
    ),
    latest AS (
      SELECT DISTINCT ON (journey_id) journey_id, status, occurred_at
      FROM ev
      ORDER BY journey_id, occurred_at DESC, array_position(${statusArray}, status) DESC
    ),
    agg AS (
      SELECT journey_id,
        max(array_position(${milestoneArray}, milestone)) FILTER (WHERE milestone <> 'delivered') AS furthest,
        min(occurred_at) FILTER (WHERE status = 'Delivered') AS first_delivered
      FROM ev GROUP BY journey_id
    ),
    target AS (
      SELECT j.id, latest.status, latest.occurred_at, agg.furthest, agg.first_delivered
      FROM tracking_journeys j
      LEFT JOIN latest ON latest.journey_id = j.id
      LEFT JOIN agg ON agg.journey_id = j.id
      WHERE j.shop_id = ${shopId} AND j.id = ANY(${journeyIds}::uuid[])
    )
    UPDATE tracking_journeys t SET
      status = coalesce(target.status, 'Pending'),
      milestone = CASE WHEN target.status = 'Delivered' THEN 'delivered'
                       ELSE (${milestoneArray})[target.furthest] END,
      last_event_at = target.occurred_at,
      delivered_at = CASE WHEN target.status = 'Delivered' THEN target.first_delivered END,
      updated_at = now()
    FROM target
    WHERE t.shop_id = ${shopId} AND t.id = target.id
    RETURNING t.id`.execute(trx);
  return result.rows.length;
}
