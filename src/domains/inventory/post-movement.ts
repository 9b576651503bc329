import { sql } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import type { Level } from './ledger.ts';
import type { MovementKind } from './tables.ts';

export interface MovementInput {
  variantId: string;
  warehouseId: string;
  kind: MovementKind;
  onHand?: number;
  reserved?: number;
  inTransit?: number;
  refType?: string | null;
  refId?: string | null;
  reason?: string | null;
  lot?: string | null;
  receivedOn?: string | null;
  idempotencyKey?: string | null;
  /** When it happened, if not now: back-dated receipts and sales (imports, tests). Default now(). */
  at?: Date | string | undefined;
}

export interface PostedMovement {
  movementId: number;
  level: Level;
}

interface Row {
  movement_id: number;
  on_hand: number;
  reserved: number;
  in_transit: number;
}

/**
 * Append one movement and move its stock_levels row by the same deltas, in one statement, so the
 * cache can never drift from the ledger. Movements that only add stock may create the level row
 * (upsert); anything that takes stock updates an existing row, only when `minAvailable` (on hand
 * minus reserved) is there if given. Returns null when no row qualified: nothing was written.
 * The CHECK constraints on stock_levels are the last wall; breaking one is a clear AppError.
 */
export async function postMovement(
  trx: Tx,
  shopId: string,
  actor: Actor,
  m: MovementInput,
  opts: { minAvailable?: number } = {},
): Promise<PostedMovement | null> {
  const d = { onHand: m.onHand ?? 0, reserved: m.reserved ?? 0, inTransit: m.inTransit ?? 0 };
  const onlyAdds = d.onHand >= 0 && d.reserved === 0 && d.inTransit >= 0 && opts.minAvailable === undefined;
  const level = onlyAdds
    ? sql`INSERT INTO stock_levels AS l (shop_id, variant_id, warehouse_id, on_hand, reserved, in_transit)
        VALUES (${shopId}, ${m.variantId}, ${m.warehouseId}, ${d.onHand}, 0, ${d.inTransit})
        ON CONFLICT (shop_id, variant_id, warehouse_id) DO UPDATE SET
          on_hand = l.on_hand + excluded.on_hand, in_transit = l.in_transit + excluded.in_transit,
          updated_at = now()
        RETURNING l.on_hand, l.reserved, l.in_transit`
    : sql`UPDATE stock_levels SET on_hand = on_hand + ${d.onHand}, reserved = reserved + ${d.reserved},
          in_transit = in_transit + ${d.inTransit}, updated_at = now()
        WHERE shop_id = ${shopId} AND variant_id = ${m.variantId} AND warehouse_id = ${m.warehouseId}
          ${opts.minAvailable === undefined ? sql`` : sql`AND on_hand - reserved >= ${opts.minAvailable}`}
        RETURNING on_hand, reserved, in_transit`;
  const query = sql<Row>`WITH lv AS (${level}),
    mv AS (
      INSERT INTO stock_movements (shop_id, variant_id, warehouse_id, kind, on_hand_delta, reserved_delta,
        in_transit_delta, ref_type, ref_id, reason, lot, received_on, actor_user_id, idempotency_key, at)
      SELECT ${shopId}, ${m.variantId}, ${m.warehouseId}, ${m.kind}, ${d.onHand}, ${d.reserved},
        ${d.inTransit}, ${m.refType ?? null}, ${m.refId ?? null}, ${m.reason ?? null}, ${m.lot ?? null},
        ${m.receivedOn ?? null}::date, ${actor.userId}::uuid, ${m.idempotencyKey ?? null},
        COALESCE(${m.at === undefined ? null : new Date(m.at).toISOString()}::timestamptz, now())
      FROM lv RETURNING id)
    SELECT (SELECT id FROM mv) AS movement_id, on_hand, reserved, in_transit FROM lv`;
  const rows = await runGuarded(() => query.execute(trx));
  const r = rows.rows[0];
  return r
    ? {
        movementId: r.movement_id,
        level: { onHand: r.on_hand, reserved: r.reserved, inTransit: r.in_transit },
      }
    : null;
}

/** Database rule violations become messages a seller can act on (the transaction is lost either way). */
export async function runGuarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '23514') throw appError('CONFLICT', 'stock.levelRule', undefined, { cause: e });
    if (code === '23503') throw appError('NOT_FOUND', 'stock.unknownVariant', undefined, { cause: e });
    throw e;
  }
}

/** The movements already posted under an idempotency key (the first row carries it unchanged). */
export async function movementsByKey(trx: Tx, shopId: string, key: string) {
  return trx
    .selectFrom('stock_movements')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where((eb) =>
      eb.or([eb('idempotency_key', '=', key), eb('idempotency_key', 'like', `${escapeLike(key)}#%`)]),
    )
    .orderBy('id')
    .execute();
}

/** The key of the i-th movement of one operation: retries of the operation reuse the same keys. */
export const nthKey = (key: string | null | undefined, i: number) =>
  key ? (i === 0 ? key : `${key}#${i}`) : null;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
