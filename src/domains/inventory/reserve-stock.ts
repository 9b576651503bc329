import { type Kysely, sql } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Tx, withShop } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import { allocationCandidates, availableFor, planSplit } from './allocation.ts';
import { nthKey, runGuarded } from './post-movement.ts';
import { reservationsOf } from './reservations-of.ts';

export interface ReserveStockInput {
  /** What holds the stock, e.g. 'order' and the order id: one reservation per reference. */
  refType: string;
  refId: string;
  lines: { variantId: string; quantity: number; warehouseId?: string | undefined }[];
  /** ISO country of the buyer: warehouses in that country are preferred. */
  destinationCountry?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface Allocation {
  variantId: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  variantId: string;
  requested: number;
  available: number;
}

export type ReserveStockResult =
  | { ok: true; allocations: Allocation[] }
  | { ok: false; shortages: Shortage[] };

/** Re-plans per line when another reservation took the stock between our read and our update. */
const ATTEMPTS = 5;
const DEADLOCK_RETRIES = 3;

const duplicateError = (input: ReserveStockInput) =>
  appError('CONFLICT', 'stock.duplicateReservation', { ref: `${input.refType} ${input.refId}` });

/**
 * Reserve every line or nothing. Each piece is one conditional UPDATE (`on_hand − reserved ≥ q`)
 * that also appends the ledger row and the reservation row, so stock is never oversold however
 * many transactions race. A shortage is a result, not an exception, and leaves the caller's
 * transaction as it was (savepoint). Reserving the same reference again returns what it holds.
 */
export async function reserveStock(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: ReserveStockInput,
): Promise<ReserveStockResult> {
  const lines = mergeLines(input.lines);
  // One line: the first piece's statement itself refuses a reference that already holds stock
  // (see reserveChunk), which saves the hot path a round trip. Several lines: look first.
  const held = lines.length > 1 ? await heldBy(trx, shopId, input) : [];
  if (held.length) return { ok: true, allocations: held };
  const ctx: Ctx = { n: 0, savepoint: false, single: lines.length === 1 };
  let allocations: Allocation[] = [];
  let failed: Line | undefined;
  for (let round = 0; ; round++) {
    allocations = [];
    failed = undefined;
    ctx.n = 0;
    try {
      for (const line of lines) {
        const got = await reserveLine(trx, shopId, actor, input, line, allocations, ctx);
        if (!got) {
          failed = line;
          break;
        }
      }
      break;
    } catch (e) {
      if (e instanceof AlreadyHeld) {
        if (ctx.savepoint) await sql`ROLLBACK TO SAVEPOINT cunkou_reserve`.execute(trx);
        return { ok: true, allocations: e.allocations };
      }
      const code = (e as { code?: string }).code;
      if (!ctx.savepoint) {
        // Without a savepoint the caller's transaction is lost: say why, the retry gets the answer.
        if (code === '23505') throw duplicateError(input);
        throw e;
      }
      await sql`ROLLBACK TO SAVEPOINT cunkou_reserve`.execute(trx);
      // Rows are locked in (variant, warehouse) order, but a re-planned piece can still cross
      // another order's locks; PostgreSQL then aborts one of the two: start this one again.
      if (code === '40P01' && round < DEADLOCK_RETRIES) continue;
      if (code !== '23505') throw e;
      // The same reference was reserved by a concurrent request that committed first.
      const again = await heldBy(trx, shopId, input);
      if (again.length) return { ok: true, allocations: again };
      throw duplicateError(input);
    }
  }
  if (failed) {
    if (ctx.savepoint) await sql`ROLLBACK TO SAVEPOINT cunkou_reserve`.execute(trx);
    // One line was not looked up first: it may have failed because the reference already holds it.
    const again = lines.length === 1 ? await heldBy(trx, shopId, input) : [];
    if (again.length) return { ok: true, allocations: again };
    const shortages: Shortage[] = [];
    for (const line of lines) {
      const available = await availableFor(trx, shopId, line.variantId, line.warehouseId);
      // The line that failed is always reported, even if stock was freed a moment later.
      if (available < line.quantity || line === failed) {
        shortages.push({ variantId: line.variantId, requested: line.quantity, available });
      }
    }
    return { ok: false, shortages };
  }
  if (ctx.savepoint) await sql`RELEASE SAVEPOINT cunkou_reserve`.execute(trx);
  return { ok: true, allocations };
}

/**
 * reserveStock in a transaction of its own, for callers that have none (an API reservation, a
 * channel pushing one sale). One line from a named warehouse — the hot path when many buyers
 * race for one SKU — is one statement and one round trip (cunkou_reserve_piece_in_shop binds the
 * implicit transaction to the shop and its tenant role, see the migration); anything else, and
 * any piece that does not succeed at once (shortage, reference already held, concurrent
 * duplicate), runs the full reserveStock inside withShop, which gives the typed answer.
 */
export async function reserveStockInShop(
  db: Kysely<DB>,
  shopId: string,
  actor: Actor,
  input: ReserveStockInput,
): Promise<ReserveStockResult> {
  const [line] = input.lines;
  if (
    input.lines.length === 1 &&
    line!.warehouseId &&
    Number.isInteger(line!.quantity) &&
    line!.quantity > 0
  ) {
    const warehouseId = line!.warehouseId;
    try {
      const { rows } = await runGuarded(() =>
        sql<{ ok: boolean }>`SELECT cunkou_reserve_piece_in_shop(${shopId}, ${input.refType}, ${input.refId},
          ${line!.variantId}, ${warehouseId}, ${line!.quantity}, ${actor.userId}::uuid,
          ${nthKey(input.idempotencyKey, 0)}) AS ok`.execute(db),
      );
      if (rows[0]!.ok)
        return {
          ok: true,
          allocations: [{ variantId: line!.variantId, warehouseId, quantity: line!.quantity }],
        };
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e;
    }
  }
  return withShop(db, shopId, (trx) => reserveStock(trx, shopId, actor, input));
}

type Line = ReserveStockInput['lines'][number];

const byKey = <K extends string>(a: { [k in K]?: string }, b: { [k in K]?: string }, k: K) =>
  (a[k] ?? '') < (b[k] ?? '') ? -1 : (a[k] ?? '') > (b[k] ?? '') ? 1 : 0;

const heldBy = (trx: Tx, shopId: string, input: ReserveStockInput) =>
  reservationsOf(trx, shopId, input.refType, input.refId, ['active', 'shipped']);

/** Thrown (and caught above) when the first piece finds the reference already holds stock. */
class AlreadyHeld {
  constructor(readonly allocations: Allocation[]) {}
}

/**
 * `n` numbers the pieces (for idempotency keys). A savepoint is taken before the first piece
 * unless the reservation is one line from a named warehouse: one conditional statement then
 * writes everything or nothing and locks one row, so that hot path needs no savepoint round
 * trips. Anything else may lock several rows — and a conditional UPDATE that lost a race still
 * keeps its row lock — so it runs after a savepoint that a deadlock retry can roll back to.
 */
interface Ctx {
  n: number;
  savepoint: boolean;
  single: boolean;
}

/** Same variant (and same chosen warehouse) asked twice in one order: one line of the sum. */
function mergeLines(lines: Line[]): Line[] {
  const merged = new Map<string, Line>();
  for (const l of lines) {
    const key = `${l.variantId}|${l.warehouseId ?? ''}`;
    const prev = merged.get(key);
    merged.set(key, prev ? { ...prev, quantity: prev.quantity + l.quantity } : { ...l });
  }
  // A fixed order of row locks across all reservations, so two orders cannot deadlock.
  return [...merged.values()].sort((a, b) => byKey(a, b, 'variantId') || byKey(a, b, 'warehouseId'));
}

async function reserveLine(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: ReserveStockInput,
  line: Line,
  allocations: Allocation[],
  ctx: Ctx,
): Promise<boolean> {
  const take = async (warehouseId: string, quantity: number, namedWarehouse: boolean) => {
    if (!ctx.savepoint && !(ctx.single && namedWarehouse && !allocations.length)) {
      await sql`SAVEPOINT cunkou_reserve`.execute(trx);
      ctx.savepoint = true;
    }
    const ok = await reserveChunk(
      trx,
      shopId,
      actor,
      input,
      { variantId: line.variantId, warehouseId, quantity },
      ctx.n,
    );
    if (!ok && ctx.n === 0) {
      const held = await heldBy(trx, shopId, input);
      if (held.length) throw new AlreadyHeld(held);
    }
    if (ok) {
      ctx.n++;
      allocations.push({ variantId: line.variantId, warehouseId, quantity });
    }
    return ok;
  };
  if (line.warehouseId) return take(line.warehouseId, line.quantity, true);
  let remaining = line.quantity;
  for (let attempt = 0; attempt < ATTEMPTS && remaining > 0; attempt++) {
    // A reference holds one row per variant × warehouse, so a warehouse already used is not reused.
    const used = allocations.filter((a) => a.variantId === line.variantId).map((a) => a.warehouseId);
    const candidates = (
      await allocationCandidates(trx, shopId, line.variantId, input.destinationCountry)
    ).filter((c) => !used.includes(c.warehouseId));
    const plan = planSplit(candidates, remaining);
    if (!plan) return false;
    // The plan follows preference; the locks follow warehouse id (see mergeLines).
    const ordered = [...plan].sort((a, b) => byKey(a, b, 'warehouseId'));
    for (const p of ordered) if (await take(p.warehouseId, p.quantity, false)) remaining -= p.quantity;
  }
  return remaining === 0;
}

/**
 * The hot path, in one round trip (cunkou_reserve_piece, see the migration): take the row lock,
 * check what is free, reserve it, write the ledger and reservation rows.
 */
async function reserveChunk(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: ReserveStockInput,
  a: Allocation,
  n: number,
) {
  const result = await runGuarded(() =>
    sql<{ ok: boolean }>`SELECT cunkou_reserve_piece(${shopId}, ${input.refType}, ${input.refId},
      ${a.variantId}, ${a.warehouseId}, ${a.quantity}, ${actor.userId}::uuid,
      ${nthKey(input.idempotencyKey, n)}, ${n === 0}) AS ok`.execute(trx),
  );
  return result.rows[0]!.ok;
}
