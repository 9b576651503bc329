import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { exceptionView } from './exception-view.ts';
import { type ExceptionRow, exceptionsCte } from './exceptions-query.ts';
import { exceptionKinds } from './tables.ts';

export const listExceptionsQuery = z.object({
  kind: z.enum(exceptionKinds).optional(),
  /** active = open + acknowledged (the default worklist); snoozed, resolved, or all. */
  state: z.enum(['active', 'open', 'acknowledged', 'snoozed', 'resolved', 'all']).default('active'),
  destination: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  serviceId: z.uuid().optional(),
  service: z.string().trim().min(1).max(200).optional(),
  /** Only exceptions at least this many days old (days since the last event, or since shipping). */
  minDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListExceptionsQuery = z.infer<typeof listExceptionsQuery>;

/**
 * The exceptions worklist: oldest first (the longest-silent parcels on top), keyset-paginated on
 * (since, journey id). Counts per kind for the tabs come with the first page.
 */
export async function listExceptions(trx: Tx, shopId: string, q: ListExceptionsQuery, now = new Date()) {
  const scope = { destination: q.destination, serviceId: q.serviceId, service: q.service };
  const conds = [sql`true`];
  if (q.kind) conds.push(sql`kind = ${q.kind}`);
  if (q.state === 'active') conds.push(sql`state IN ('open', 'acknowledged')`);
  else if (q.state !== 'all') conds.push(sql`state = ${q.state}`);
  if (q.minDays !== undefined) conds.push(sql`days >= ${q.minDays}`);
  if (q.cursor) {
    const [since, id] = decodeCursor(q.cursor, 2) as [string, string];
    conds.push(sql`(since, journey_id) > (${since}::timestamptz, ${id}::uuid)`);
  }
  // One statement: the page and the per-kind counts (for the filter) share the computed exceptions.
  // The counts row always comes back, so an empty page still carries them.
  const result = await sql<ExceptionRow & { counts: Record<string, number> | string | null }>`
    WITH ${exceptionsCte(shopId, now, scope)}
    SELECT c.counts, p.* FROM
      (SELECT (SELECT json_object_agg(kind, n) FROM (
          SELECT kind, count(*)::int AS n FROM exceptions WHERE state IN ('open', 'acknowledged') GROUP BY kind
        ) k) AS counts) c
      LEFT JOIN LATERAL (
        SELECT * FROM exceptions WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY since, journey_id LIMIT ${q.limit + 1}
      ) p ON true`.execute(trx);
  const rows = { rows: result.rows.filter((r) => r.journey_id !== null) };
  const page = rows.rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const raw = result.rows[0]?.counts ?? null;
  const counts = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, number>) : (raw ?? {});
  return {
    items: page.map(exceptionView),
    counts: q.cursor ? null : counts,
    nextCursor:
      rows.rows.length > q.limit && last
        ? encodeCursor([new Date(last.since).toISOString(), last.journey_id])
        : null,
  };
}
