import { sql } from 'kysely';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { diffOrder, linesEqual, mergeLines } from '../merge-lines.ts';
import {
  computeHolds,
  contentHash,
  type LineRow,
  mergeOrder,
  newOrderRow,
  type OrderRow,
} from '../order-rows.ts';
import { reserveStockForOrders } from '../reserve-stock-hook.ts';
import type { createSkuResolver } from '../resolve-skus.ts';
import type { Channel } from '../tables.ts';
import {
  type EventRow,
  insertEvents,
  insertNewOrders,
  loadLines,
  loadOrders,
  replaceLines,
  updateOrders,
} from '../write-rows.ts';
import type { NormalisedOrder } from './build-order.ts';

export interface BatchTarget {
  shopId: string;
  accountId: string;
  channel: Channel;
  actor: string | null;
  /** The imported file; null for orders entered by hand. */
  fileName: string | null;
  resolve: ReturnType<typeof createSkuResolver>;
}

const ADDRESS_HOLD = 'incomplete_address';
const addressFields = [
  'ship_name',
  'ship_line1',
  'ship_line2',
  'ship_city',
  'ship_state',
  'ship_postcode',
  'ship_country',
  'phone',
] as const;
const addressChanged = (a: OrderRow, b: OrderRow) => addressFields.some((f) => (a[f] ?? '') !== (b[f] ?? ''));

/**
 * Orders whose last `incomplete_address` event is a release by someone other than an import: the
 * release is recorded in the order's history (order_events), so it is read from there.
 */
async function releasedByPerson(trx: Tx, shopId: string, orderIds: string[]): Promise<Set<string>> {
  if (!orderIds.length) return new Set();
  const { rows } = await sql<{ order_id: string; type: string; source: string | null }>`
    SELECT DISTINCT ON (order_id) order_id, type, data->>'source' AS source FROM order_events
    WHERE shop_id = ${shopId} AND order_id = ANY (${`{${orderIds.join(',')}}`}::uuid[])
      AND type IN ('hold_added', 'hold_released') AND data->>'hold' = ${ADDRESS_HOLD}
    ORDER BY order_id, id DESC`.execute(trx);
  return new Set(
    rows.filter((r) => r.type === 'hold_released' && r.source !== 'import').map((r) => r.order_id),
  );
}

/**
 * Write one batch of orders, idempotently: keyed by (account, external id), so running the same
 * batch twice — a retry, or a re-run after a crash — creates nothing twice. Unchanged content
 * (same hash, or a merge that changes nothing) writes nothing; every change leaves events.
 */
export async function writeOrderBatch(trx: Tx, t: BatchTarget, orders: NormalisedOrder[]) {
  const { shopId } = t;
  const components = await t.resolve(
    trx,
    orders.flatMap((o) => o.lines.map((l) => l.channelSku)),
  );
  const withComponents = (lines: LineRow[]) =>
    lines.map((l) => ({ ...l, components: components.get(l.channel_sku) ?? null }));
  // New orders first, set-based: insert them all and let the unique key skip the known ones.
  const hashes = new Map(orders.map((o) => [o, contentHash(o)]));
  const source = t.fileName ? `import:${t.fileName}` : 'manual';
  const fresh = orders.map((o) => {
    const row = newOrderRow(
      { shop_id: shopId, id: newId(), channel_account_id: t.accountId, channel: t.channel },
      o,
      hashes.get(o)!,
    );
    const lines = withComponents(mergeLines([], o.lines, row.id, shopId, newId));
    row.holds = computeHolds(row, lines, []);
    row.source = source;
    return { o, row, lines };
  });
  const inserted = await insertNewOrders(
    trx,
    fresh.map((f) => f.row),
  );
  const created = fresh.filter((f) => inserted.has(f.o.externalId));
  const known = orders.filter((o) => !inserted.has(o.externalId));
  const stored = await loadOrders(
    trx,
    shopId,
    t.accountId,
    known.map((o) => o.externalId),
  );
  const toMerge = known.filter((o) => stored.get(o.externalId)!.content_hash !== hashes.get(o));
  const storedLines = await loadLines(
    trx,
    shopId,
    toMerge.map((o) => stored.get(o.externalId)!.id),
  );

  const updates: OrderRow[] = [];
  const lineRows: LineRow[] = created.flatMap((f) => f.lines);
  const replacedLinesOf: string[] = [];
  const events: EventRow[] = [];
  const event = (order_id: string, type: string, more: Partial<EventRow> = {}) =>
    events.push({ shop_id: shopId, order_id, type, actor: t.actor, ...more });
  let unchanged = 0;

  const merged = known.flatMap((o) => {
    const hash = hashes.get(o)!;
    const before = stored.get(o.externalId)!;
    if (before.content_hash === hash) {
      unchanged++;
      return [];
    }
    const after = mergeOrder(before, o, hash);
    if (!after) {
      unchanged++;
      return [];
    }
    const oldLines = storedLines.get(before.id) ?? [];
    const lines = withComponents(mergeLines(oldLines, o.lines, before.id, shopId, newId));
    after.holds = computeHolds(after, lines, before.holds);
    return [{ before, after, oldLines, lines }];
  });
  // A person who released `incomplete_address` (e.g. the buyer confirmed the address by message)
  // is not overruled by the next import of the same address; a changed address holds it again.
  const comesBack = merged.filter(
    (m) =>
      m.after.holds.includes(ADDRESS_HOLD) &&
      !m.before.holds.includes(ADDRESS_HOLD) &&
      !addressChanged(m.before, m.after),
  );
  const released = await releasedByPerson(
    trx,
    shopId,
    comesBack.map((m) => m.before.id),
  );
  for (const m of comesBack)
    if (released.has(m.before.id)) m.after.holds = m.after.holds.filter((h) => h !== ADDRESS_HOLD);

  for (const { before, after, oldLines, lines } of merged) {
    const changes = diffOrder(before, after);
    const linesChanged = !linesEqual(oldLines, lines);
    const holdsChanged = after.holds.join() !== before.holds.join();
    if (after.status === before.status && !Object.keys(changes).length && !linesChanged && !holdsChanged) {
      unchanged++;
      continue;
    }
    updates.push(after);
    if (linesChanged) {
      replacedLinesOf.push(before.id);
      lineRows.push(...lines);
    }
    if (after.status !== before.status)
      event(before.id, 'status_changed', {
        from_status: before.status,
        to_status: after.status,
        data: { source: 'import', file: t.fileName },
      });
    if (Object.keys(changes).length || linesChanged)
      event(before.id, 'updated', { data: { source: 'import', file: t.fileName, changes, linesChanged } });
    for (const h of after.holds.filter((h) => !before.holds.includes(h)))
      event(before.id, 'hold_added', { data: { hold: h, source: 'import' } });
    for (const h of before.holds.filter((h) => !after.holds.includes(h)))
      event(before.id, 'hold_released', { data: { hold: h, source: 'import' } });
  }
  await updateOrders(trx, updates);
  await replaceLines(trx, shopId, replacedLinesOf, lineRows);
  await insertEvents(trx, events);
  await reserveStockForOrders(trx, shopId, [...created.map((f) => f.row), ...updates]);
  return { created: created.length, updated: updates.length, unchanged };
}
