import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';

export const trackingStatuses = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AvailableForPickup',
  'AttemptFail',
  'Delivered',
  'Exception',
  'Expired',
] as const;

export const listJourneysQuery = z.object({
  /** Cunkou reference (prefix), any leg's tracking number (exact, spaces ignored) or an order id. */
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(trackingStatuses).optional(),
  destination: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  serviceId: z.uuid().optional(),
  service: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListJourneysQuery = z.infer<typeof listJourneysQuery>;

interface JourneyListRow {
  id: string;
  reference: string;
  order_id: string | null;
  service_id: string | null;
  service_name: string | null;
  origin_country: string;
  destination_country: string;
  destination_city: string | null;
  status: string;
  milestone: string | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  last_event_at: Date | null;
  created_at: Date;
  numbers: string[] | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Journeys newest first (created_at, id), keyset-paginated, with their legs' numbers. */
export async function listJourneys(trx: Tx, shopId: string, q: ListJourneysQuery) {
  const conds = [sql`j.shop_id = ${shopId}`];
  if (q.status) conds.push(sql`j.status = ${q.status}`);
  if (q.destination) conds.push(sql`j.destination_country = ${q.destination}`);
  if (q.serviceId) conds.push(sql`j.service_id = ${q.serviceId}`);
  if (q.service) conds.push(sql`j.service_name = ${q.service}`);
  if (q.q) {
    const number = q.q.replace(/\s+/g, '').toUpperCase();
    const byOrder = UUID.test(q.q) ? sql` OR j.order_id = ${q.q}::uuid OR j.id = ${q.q}::uuid` : sql``;
    conds.push(sql`(j.reference ILIKE ${`${escapeLike(q.q)}%`}
      OR EXISTS (SELECT 1 FROM tracking_legs l WHERE l.shop_id = j.shop_id AND l.journey_id = j.id
                  AND l.tracking_number = ${number}) ${byOrder})`);
  }
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    conds.push(sql`(j.created_at, j.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await sql<JourneyListRow>`
    SELECT j.id, j.reference, j.order_id, j.service_id, j.service_name, j.origin_country, j.destination_country,
           j.destination_city, j.status, j.milestone, j.shipped_at, j.delivered_at, j.last_event_at, j.created_at,
           (SELECT array_agg(l.tracking_number ORDER BY l.seq) FROM tracking_legs l
             WHERE l.shop_id = j.shop_id AND l.journey_id = j.id) AS numbers
      FROM tracking_journeys j
     WHERE ${sql.join(conds, sql` AND `)}
     ORDER BY j.created_at DESC, j.id DESC
     LIMIT ${q.limit + 1}`.execute(trx);
  const page = rows.rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      orderId: r.order_id,
      serviceId: r.service_id,
      serviceName: r.service_name,
      originCountry: r.origin_country,
      destinationCountry: r.destination_country,
      destinationCity: r.destination_city,
      status: r.status,
      milestone: r.milestone,
      trackingNumbers: r.numbers ?? [],
      shippedAt: r.shipped_at,
      deliveredAt: r.delivered_at,
      lastEventAt: r.last_event_at,
      createdAt: r.created_at,
    })),
    nextCursor:
      rows.rows.length > q.limit && last
        ? encodeCursor([new Date(last.created_at).toISOString(), last.id])
        : null,
  };
}
