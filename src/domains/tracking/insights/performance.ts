import { sql } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { onTimeRate, roundDays } from './stats.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const performanceQuery = z.object({
  /** First and last delivery day (UTC, inclusive). Default: the last 30 days. */
  from: day.optional(),
  to: day.optional(),
  groupBy: z.enum(['service', 'route']).default('service'),
});
export type PerformanceQuery = z.infer<typeof performanceQuery>;

interface GroupRow {
  key: string | null;
  service_id: string | null;
  origin: string | null;
  destination: string | null;
  n: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
  judged: number;
  on_time: number;
}

const MS_PER_DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Transit performance of journeys delivered in [from, to]: transit = delivered_at − shipped_at in
 * fractional days; p50/p90 by percentile_cont (linear interpolation, the same method as
 * stats.percentile); on time = transit ≤ promised_days (journeys without a promise are counted
 * but not judged). Grouped by service or by route (origin → destination), plus a daily series
 * (UTC days) of delivered counts and on-time share.
 */
export async function transitPerformance(trx: Tx, shopId: string, q: PerformanceQuery, now = new Date()) {
  const to = q.to ?? isoDay(now);
  const from = q.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * MS_PER_DAY));
  if (from > to || Date.parse(to) - Date.parse(from) > 366 * MS_PER_DAY) {
    throw appError(
      'VALIDATION_FAILED',
      'trackingInsights.performance.range',
      { from, to },
      {
        issues: [issue('from', 'trackingInsights.performance.rangeIssue')],
      },
    );
  }
  const start = `${from}T00:00:00Z`;
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + MS_PER_DAY).toISOString();
  const delivered = sql`
    delivered AS (
      SELECT j.service_id, coalesce(j.service_name, '') AS service_name, j.origin_country, j.destination_country,
             j.promised_days, j.delivered_at,
             extract(epoch FROM (j.delivered_at - j.shipped_at)) / 86400.0 AS transit
        FROM tracking_journeys j
       WHERE j.shop_id = ${shopId} AND j.status = 'Delivered'
         AND j.shipped_at IS NOT NULL AND j.delivered_at >= j.shipped_at
         AND j.delivered_at >= ${start}::timestamptz AND j.delivered_at < ${end}::timestamptz
    )`;
  const stats = sql`count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY transit) AS p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY transit) AS p90,
      avg(transit)::float8 AS mean,
      count(*) FILTER (WHERE promised_days IS NOT NULL)::int AS judged,
      count(*) FILTER (WHERE transit <= promised_days)::int AS on_time`;
  const grouped =
    q.groupBy === 'service'
      ? sql<GroupRow>`WITH ${delivered}
          SELECT service_name AS key, min(service_id::text) AS service_id, NULL AS origin, NULL AS destination, ${stats}
            FROM delivered GROUP BY service_name ORDER BY count(*) DESC, service_name`
      : sql<GroupRow>`WITH ${delivered}
          SELECT origin_country || '→' || destination_country AS key, NULL AS service_id,
                 origin_country AS origin, destination_country AS destination, ${stats}
            FROM delivered GROUP BY origin_country, destination_country
           ORDER BY count(*) DESC, origin_country, destination_country`;
  // One after another: a transaction is one connection.
  const groups = await grouped.execute(trx);
  const total = await sql<GroupRow>`WITH ${delivered} SELECT ${stats} FROM delivered`.execute(trx);
  const daily = await sql<{ day: string; n: number; judged: number; on_time: number }>`WITH ${delivered}
      SELECT to_char(delivered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n,
             count(*) FILTER (WHERE promised_days IS NOT NULL)::int AS judged,
             count(*) FILTER (WHERE transit <= promised_days)::int AS on_time
        FROM delivered GROUP BY 1 ORDER BY 1`.execute(trx);
  const figures = (r: GroupRow) => ({
    count: Number(r.n),
    p50: roundDays(r.p50 === null ? null : Number(r.p50)),
    p90: roundDays(r.p90 === null ? null : Number(r.p90)),
    mean: roundDays(r.mean === null ? null : Number(r.mean)),
    judged: Number(r.judged),
    onTime: Number(r.on_time),
    onTimeRate: onTimeRate(Number(r.on_time), Number(r.judged)),
  });
  const byDay = new Map(daily.rows.map((d) => [d.day, d]));
  const series = [];
  for (let t = Date.parse(start); t < Date.parse(end); t += MS_PER_DAY) {
    const d = isoDay(new Date(t));
    const row = byDay.get(d);
    series.push({
      day: d,
      delivered: Number(row?.n ?? 0),
      onTimeRate: row ? onTimeRate(Number(row.on_time), Number(row.judged)) : null,
    });
  }
  return {
    from,
    to,
    groupBy: q.groupBy,
    total: figures(total.rows[0]!),
    groups: groups.rows.map((r) => ({
      key: r.key ?? '',
      serviceId: r.service_id,
      origin: r.origin,
      destination: r.destination,
      ...figures(r),
    })),
    daily: series,
  };
}
