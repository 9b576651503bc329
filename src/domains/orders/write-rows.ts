import { sql } from 'kysely';
import type { Tx } from '../../platform/db/tenant.ts';
import type { LineRow, OrderRow } from './order-rows.ts';

/**
 * Set-based writes: a whole batch goes to PostgreSQL as one array literal per column, unpacked by
 * unnest() — one statement per table per batch, no per-row round trips, no 65k bind-parameter
 * limit, and far less to parse than JSON with its repeated keys. The same SQL runs on PGlite.
 */
type Col = readonly [name: string, type: string];
const orderCols: Col[] = [
  ['shop_id', 'uuid'],
  ['id', 'uuid'],
  ['channel_account_id', 'uuid'],
  ['channel', 'text'],
  ['external_id', 'text'],
  ['status', 'text'],
  ['channel_status', 'text'],
  ['fulfillment', 'text'],
  ['purchased_at', 'timestamptz'],
  ['channel_updated_at', 'timestamptz'],
  ['buyer_name', 'text'],
  ['buyer_email', 'text'],
  ['phone', 'text'],
  ['phone_raw', 'text'],
  ['ship_name', 'text'],
  ['ship_line1', 'text'],
  ['ship_line2', 'text'],
  ['ship_city', 'text'],
  ['ship_state', 'text'],
  ['ship_postcode', 'text'],
  ['ship_country', 'text'],
  ['currency', 'text'],
  ['item_total_minor', 'bigint'],
  ['shipping_minor', 'bigint'],
  ['tax_minor', 'bigint'],
  ['discount_minor', 'bigint'],
  ['fees_minor', 'bigint'],
  ['total_minor', 'bigint'],
  ['payment_method', 'text'],
  ['carrier', 'text'],
  ['tracking_number', 'text'],
  ['notes', 'text'],
  ['tags', 'text[]'],
  ['holds', 'text[]'],
  ['content_hash', 'text'],
  ['source', 'text'],
];
const orderNames = orderCols.map((c) => c[0]);
const lineCols: Col[] = [
  ['shop_id', 'uuid'],
  ['order_id', 'uuid'],
  ['id', 'uuid'],
  ['position', 'int'],
  ['external_line_id', 'text'],
  ['channel_sku', 'text'],
  ['title', 'text'],
  ['quantity', 'int'],
  ['unit_price_minor', 'bigint'],
  ['line_total_minor', 'bigint'],
  ['tax_minor', 'bigint'],
  ['discount_minor', 'bigint'],
  ['components', 'jsonb'],
];
const lineNames = lineCols.map((c) => c[0]);
const eventCols: Col[] = [
  ['shop_id', 'uuid'],
  ['order_id', 'uuid'],
  ['type', 'text'],
  ['from_status', 'text'],
  ['to_status', 'text'],
  ['data', 'jsonb'],
  ['actor', 'text'],
];

export interface EventRow {
  shop_id: string;
  order_id: string;
  type: string;
  from_status?: string | null;
  to_status?: string | null;
  data?: Record<string, unknown>;
  actor: string | null;
}

const special = /[\\"]/;
const quote = (v: string) => (special.test(v) ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${v}"`);
function element(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return quote(`{${v.map(quote).join(',')}}`);
  return quote(typeof v === 'string' ? v : JSON.stringify(v));
}
/** One value as a typed parameter (a column that is the same in every row of the batch). */
function scalar(v: unknown, type: string) {
  if (v === null || v === undefined) return sql`NULL::${sql.raw(type)}`;
  if (type === 'text[]') return sql`${`{${(v as string[]).map(quote).join(',')}}`}::text[]`;
  if (type === 'jsonb') return sql`${typeof v === 'string' ? v : JSON.stringify(v)}::jsonb`;
  return sql`${typeof v === 'string' ? v : String(v)}::${sql.raw(type)}`;
}

/**
 * The rows as a relation `x`: one array literal per column that varies (text[] and jsonb travel
 * as text and are cast back in SQL); a column with one value in the whole batch — the shop, the
 * account, the currency, the many columns a channel never fills — is one scalar parameter instead.
 * Parsing the array literals is most of the server's work for a bulk insert; an import batch has
 * about half of its columns constant.
 */
function unnestFrom(cols: Col[], rows: readonly object[]) {
  const fixed: ReturnType<typeof sql>[] = [];
  const varying: ReturnType<typeof sql>[] = [];
  const varyingNames: string[] = [];
  for (const [name, type] of cols) {
    const elements = rows.map((r) => element((r as Record<string, unknown>)[name]));
    const first = elements[0];
    if (elements.every((e) => e === first)) {
      fixed.push(sql`${scalar((rows[0] as Record<string, unknown>)[name], type)} AS ${sql.raw(name)}`);
      continue;
    }
    const elementType = type === 'text[]' || type === 'jsonb' ? 'text' : type;
    varying.push(sql`${`{${elements.join(',')}}`}::${sql.raw(elementType)}[]`);
    varyingNames.push(name);
  }
  const outputs = [...fixed, ...(varying.length ? [sql.raw('u.*')] : [])];
  const from = varying.length
    ? sql` FROM unnest(${sql.join(varying)}) AS u(${sql.raw(varyingNames.join(', '))})`
    : sql``;
  return sql`(SELECT ${sql.join(outputs)}${from}) AS x`;
}
const selectList = (cols: Col[]) =>
  sql.raw(cols.map(([n, t]) => (t === 'text[]' || t === 'jsonb' ? `x.${n}::${t}` : `x.${n}`)).join(', '));
const list = (names: string[]) => sql.raw(names.join(', '));

/** Insert new orders; ones whose (account, external id) already exists are skipped and not returned. */
export async function insertNewOrders(trx: Tx, rows: OrderRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const { rows: inserted } = await sql<{ external_id: string }>`INSERT INTO orders (${list(orderNames)})
    SELECT ${selectList(orderCols)} FROM ${unnestFrom(orderCols, rows)}
    ON CONFLICT (shop_id, external_id text_pattern_ops, channel_account_id) DO NOTHING
    RETURNING external_id`.execute(trx);
  return new Set(inserted.map((r) => r.external_id));
}

export async function updateOrders(trx: Tx, rows: OrderRow[]): Promise<void> {
  if (!rows.length) return;
  const set = orderCols
    .filter(([n]) => !['shop_id', 'id', 'channel_account_id', 'channel', 'external_id', 'source'].includes(n))
    .map(([n, t]) => `${n} = x.${n}${t === 'text[]' ? '::text[]' : ''}`)
    .join(', ');
  await sql`UPDATE orders o SET ${sql.raw(set)}, version = o.version + 1, updated_at = now()
    FROM ${unnestFrom(orderCols, rows)}
    WHERE o.shop_id = x.shop_id AND o.id = x.id`.execute(trx);
}

export async function replaceLines(
  trx: Tx,
  shopId: string,
  orderIds: string[],
  rows: LineRow[],
): Promise<void> {
  if (orderIds.length) {
    await sql`DELETE FROM order_lines WHERE shop_id = ${shopId}
      AND order_id = ANY (${`{${orderIds.join(',')}}`}::uuid[])`.execute(trx);
  }
  if (!rows.length) return;
  await sql`INSERT INTO order_lines (${list(lineNames)})
    SELECT ${selectList(lineCols)} FROM ${unnestFrom(lineCols, rows)}`.execute(trx);
}

export async function insertEvents(trx: Tx, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  const full = rows.map((r) => ({ from_status: null, to_status: null, ...r, data: r.data ?? {} }));
  await sql`INSERT INTO order_events (shop_id, order_id, type, from_status, to_status, data, actor)
    SELECT ${selectList(eventCols)} FROM ${unnestFrom(eventCols, full)}`.execute(trx);
}

/**
 * Stored orders of one account by external id, as OrderRow (for merging). A LATERAL probe per id
 * on the unique (shop, account, external id) index: cost grows with the batch, not the table —
 * also mid-import, when statistics still describe an empty table.
 */
export async function loadOrders(trx: Tx, shopId: string, accountId: string, externalIds: string[]) {
  if (!externalIds.length) return new Map<string, OrderRow>();
  const { rows } = await sql<Record<string, unknown>>`
    SELECT o.* FROM json_array_elements_text(${JSON.stringify(externalIds)}::json) AS x(ext)
    CROSS JOIN LATERAL (
      SELECT ${list(orderNames.filter((n) => n !== 'source'))} FROM orders
      WHERE shop_id = ${shopId} AND channel_account_id = ${accountId} AND external_id = x.ext
    ) o`.execute(trx);
  return new Map(rows.map((r) => [r.external_id as string, toOrderRow(r)]));
}

export function toOrderRow(r: Record<string, unknown>): OrderRow {
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : (d as string | null));
  return {
    ...(r as unknown as OrderRow),
    purchased_at: iso(r.purchased_at)!,
    channel_updated_at: iso(r.channel_updated_at),
  };
}

export async function loadLines(
  trx: Tx,
  shopId: string,
  orderIds: string[],
): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  if (!orderIds.length) return out;
  const rows = await trx
    .selectFrom('order_lines')
    .select(lineNames as (keyof LineRow)[])
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', orderIds)
    .orderBy('position')
    .execute();
  for (const r of rows as unknown as LineRow[]) out.set(r.order_id, [...(out.get(r.order_id) ?? []), r]);
  return out;
}
