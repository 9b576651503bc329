import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../../platform/db/tenant.ts';
import type { MovementKind } from '../tables.ts';
import type { AgeingMovement } from './fifo.ts';

/**
 * One event of a SKU × warehouse — an inflow (a new lot) or a transfer out (lots that travel) —
 * with the plain outflows (shipments, write-offs, negative counts) that followed it until the
 * next event, summed; plus what the sales windows need from the same rows.
 */
export interface LedgerGroup {
  variant_id: string;
  warehouse_id: string;
  kind: MovementKind | null;
  q: number | null;
  day: string | null;
  lot: string | null;
  ref_id: string | null;
  out_after: number;
  last_sale: string | null;
  /** shipped_0, received_0, before_0, shipped_1, …: per sales window (see windowSums). */
  [windowSum: string]: number | string | null;
}

const DAY = 86_400_000;
export const dayStart = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * DAY);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Only SKUs whose SKU or product title contains `search`, as a condition on `column`. */
export const searchFilter = (
  shopId: string,
  column: string,
  search: string | undefined,
): RawBuilder<unknown> =>
  search
    ? sql`AND ${sql.ref(column)} IN (SELECT v.id FROM variants v JOIN products p
        ON p.shop_id = v.shop_id AND p.id = v.product_id
        WHERE v.shop_id = ${shopId} AND (v.sku ILIKE ${`%${escapeLike(search)}%`}
          OR p.title ILIKE ${`%${escapeLike(search)}%`}))`
    : sql``;

/** Per window (ending with asOf): units shipped in it, received in it, and on hand before it. */
function windowSums(asOf: string, windows: number[]) {
  return windows.map((days, i) => {
    const start = dayStart(asOf, 1 - days);
    return sql`,
      COALESCE(-sum(on_hand_delta) FILTER (WHERE kind = 'shipment' AND at >= ${start}), 0)::int
        AS ${sql.ref(`shipped_${i}`)},
      COALESCE(sum(on_hand_delta) FILTER (WHERE kind IN ('receipt', 'transfer_in', 'return')
        AND on_hand_delta > 0 AND at >= ${start}), 0)::int AS ${sql.ref(`received_${i}`)},
      COALESCE(sum(on_hand_delta) FILTER (WHERE at < ${start}), 0)::int AS ${sql.ref(`before_${i}`)}`;
  });
}

/**
 * Every movement that changed on hand up to the end of asOf, read once (index-only scan on
 * stock_movements_on_hand_idx, in SKU × warehouse × time order), numbered into events with a
 * window and grouped: replaying "event, then its run of outflows" in event order gives exactly
 * the lots that replaying every row would, since nothing but an event changes which lot an
 * outflow takes from. Node gets one row per receipt or transfer instead of one per sale.
 * Rows come ordered by variant, then event time (across warehouses: a transfer in follows its out).
 */
export async function readLedgerGroups(
  trx: Tx,
  shopId: string,
  opts: { asOf: string; windows: number[]; search?: string | undefined },
): Promise<LedgerGroup[]> {
  const end = dayStart(opts.asOf, 1);
  const { rows } = await sql<LedgerGroup>`
    WITH m AS (
      SELECT variant_id, warehouse_id, at, id, kind, on_hand_delta, received_on, lot, ref_id,
        count(*) FILTER (WHERE on_hand_delta > 0 OR kind = 'transfer_out') OVER (
          PARTITION BY variant_id, warehouse_id ORDER BY at, id) AS grp,
        (on_hand_delta > 0 OR kind = 'transfer_out') AS event
      FROM stock_movements
      WHERE shop_id = ${shopId} AND on_hand_delta <> 0 AND at < ${end}
        ${searchFilter(shopId, 'variant_id', opts.search)}
    )
    SELECT variant_id, warehouse_id,
      max(kind) FILTER (WHERE event) AS kind,
      max(on_hand_delta) FILTER (WHERE event) AS q,
      max(to_char(COALESCE(received_on, (at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD'))
        FILTER (WHERE event) AS day,
      max(lot) FILTER (WHERE event) AS lot,
      max(ref_id) FILTER (WHERE event) AS ref_id,
      COALESCE(sum(on_hand_delta) FILTER (WHERE NOT event), 0)::int AS out_after,
      to_char(max(at) FILTER (WHERE kind = 'shipment') AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS last_sale
      ${sql.join(windowSums(opts.asOf, opts.windows), sql``)}
    FROM m
    GROUP BY variant_id, warehouse_id, grp
    ORDER BY variant_id, COALESCE(max(at) FILTER (WHERE event), min(at)),
      COALESCE(max(id) FILTER (WHERE event), min(id))`.execute(trx);
  return rows;
}

/** The movements fifoLots replays for one variant's groups. */
export function* replayGroups(groups: LedgerGroup[]): Generator<AgeingMovement> {
  for (const g of groups) {
    if (g.kind && g.q && g.day) {
      yield {
        warehouseId: g.warehouse_id,
        kind: g.kind,
        quantity: g.q,
        day: g.day,
        lot: g.lot,
        refId: g.ref_id,
      };
    }
    if (g.out_after) {
      yield {
        warehouseId: g.warehouse_id,
        kind: 'shipment',
        quantity: g.out_after,
        day: '',
        lot: null,
        refId: null,
      };
    }
  }
}
