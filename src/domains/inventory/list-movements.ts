import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import type { MovementKind } from './tables.ts';

export interface ListMovementsInput {
  variantId?: string | undefined;
  warehouseId?: string | undefined;
  kind?: MovementKind | undefined;
  /** Booked at or after `from`, before `to`. */
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface MovementRow {
  id: number;
  at: Date;
  variantId: string;
  warehouseId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  refType: string | null;
  refId: string | null;
  reason: string | null;
  lot: string | null;
  receivedOn: string | null;
  actorUserId: string | null;
}

/** The ledger, newest first, keyset-paginated on the movement id. */
export async function listMovements(
  trx: Tx,
  shopId: string,
  input: ListMovementsInput,
): Promise<{ items: MovementRow[]; nextCursor: string | null }> {
  let q = trx
    .selectFrom('stock_movements')
    .selectAll()
    // As text: a DATE read as a JavaScript Date would shift by the server's time zone.
    .select(sql<string | null>`to_char(received_on, 'YYYY-MM-DD')`.as('received_on'))
    .where('shop_id', '=', shopId);
  if (input.variantId) q = q.where('variant_id', '=', input.variantId);
  if (input.warehouseId) q = q.where('warehouse_id', '=', input.warehouseId);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.from) q = q.where('at', '>=', input.from);
  if (input.to) q = q.where('at', '<', input.to);
  if (input.cursor) q = q.where('id', '<', Number(decodeCursor(input.cursor, 1)[0]));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      variantId: r.variant_id,
      warehouseId: r.warehouse_id,
      kind: r.kind,
      onHandDelta: r.on_hand_delta,
      reservedDelta: r.reserved_delta,
      inTransitDelta: r.in_transit_delta,
      refType: r.ref_type,
      refId: r.ref_id,
      reason: r.reason,
      lot: r.lot,
      receivedOn: r.received_on,
      actorUserId: r.actor_user_id,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}
