import { type Kysely, sql } from 'kysely';
import { AppError, appError, type FieldIssue, issue } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type Tx, withShop } from '../../../platform/db/tenant.ts';
import { openTabular } from '../../../platform/files/tabular/index.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { dateStyleFor } from '../core/dates.ts';
import { currencyOfCountry, marketplaceCountry, writesDecimalComma } from '../core/markets.ts';
import { createSkuResolver } from '../resolve-skus.ts';
import { buildOrder, type NormalisedOrder } from './build-order.ts';
import { checkHeaders } from './check-headers.ts';
import { type FormatProfile, type GenericSettings, type ImportFormat, profileOf } from './formats/index.ts';
import { loadImportMapping } from './import-mappings.ts';
import { type ParseContext, type ParsedRow, parseRow, resolveColumns } from './parse-row.ts';
import { writeOrderBatch } from './write-batch.ts';

export interface ImportOrdersInput {
  shopId: string;
  actor: Actor;
  channelAccountId: string;
  file: { path: string; fileName: string };
  format: ImportFormat;
  mappingName?: string | undefined;
  /** One transaction for the whole file (nothing is written if any order fails). Default: per batch. */
  allOrNothing?: boolean;
  batchRows?: number;
  /** Batches written at once (PostgreSQL server: 2 uses both cores; PGlite is one connection: 1). */
  concurrency?: number;
  onProgress?: (rows: number) => void;
  /**
   * Run the whole import in one transaction and roll it back: exact created/updated/unchanged
   * counts and every row error, plus the first orders as they would be saved; nothing is written.
   */
  preview?: boolean;
}

/** What a preview shows of the first orders of a file. */
export interface PreviewOrder {
  externalId: string;
  status: string;
  purchasedAt: Date;
  shipCountry: string | null;
  currency: string;
  total: number;
  lines: { channelSku: string; quantity: number; title: string | null }[];
}

export interface ImportOrdersResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Orders (or order-less rows) not imported; each has its rows in `errors`. */
  failed: number;
  errors: FieldIssue[];
  /** Only in a preview: the first orders of the file as they would be saved. */
  sample?: PreviewOrder[];
}

const PREVIEW_SAMPLE = 20;

const MAX_ERRORS = 1000;
class Rollback extends Error {}

/**
 * Import a channel's order export. Streams the file, groups rows by order, and writes batches of
 * whole orders; each batch commits on its own and is idempotent (keyed by account + order id), so
 * an import killed halfway and run again completes without duplicates. An order with any bad row
 * is skipped whole and reported by row and column.
 */
export async function importOrders(db: Kysely<DB>, input: ImportOrdersInput): Promise<ImportOrdersResult> {
  const { shopId } = input;
  const account = await withShop(db, shopId, (trx) =>
    trx
      .selectFrom('channel_accounts')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('id', '=', input.channelAccountId)
      .executeTakeFirst(),
  );
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  let profile: FormatProfile;
  let settings: GenericSettings = {};
  if (input.format === 'generic') {
    if (!input.mappingName)
      throw appError('VALIDATION_FAILED', 'orders.import.mappingRequired', undefined, {
        issues: [issue('mappingName', 'common.required')],
      });
    const m = await withShop(db, shopId, (trx) =>
      loadImportMapping(trx, shopId, input.mappingName!, account.channel),
    );
    [profile, settings] = [m.profile, m.settings];
  } else {
    profile = profileOf(input.format);
    if (profile.channel !== account.channel)
      throw appError('VALIDATION_FAILED', 'orders.import.accountChannel', {
        format: profile.label,
        account: account.name,
        channel: account.channel,
      });
  }
  // Rows of one order far apart in a file (line 2 and line 9000): found first, so each order is
  // built whole from all its rows and written once — never half an order, never its lines twice.
  const scattered = await scatteredOrders(input.file, profile);
  const file = await openTabular(input.file);
  const result: ImportOrdersResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  try {
    const index = checkHeaders(profile, file.headers, input.file.fileName);
    const country = marketplaceCountry(account.marketplace);
    const style = dateStyleFor(country);
    const ctx: ParseContext = {
      profile,
      index,
      headers: file.headers,
      currency: settings.currency ?? currencyOfCountry(country),
      country,
      dateStyle: {
        timeZone: settings.timeZone ?? style.timeZone,
        dayFirst: settings.dayFirst ?? style.dayFirst,
      },
      decimalComma: settings.decimalComma ?? (account.channel !== 'amazon' && writesDecimalComma(country)),
    };
    const target = {
      shopId,
      accountId: account.id,
      channel: account.channel,
      actor: input.actor.userId ?? input.actor.tokenId,
      fileName: input.file.fileName,
      resolve: createSkuResolver(shopId, account.id),
    };
    const fail = (issues: FieldIssue[]) => {
      result.failed++;
      for (const i of issues) if (result.errors.length < MAX_ERRORS) result.errors.push(i);
    };
    const run = async (write: (orders: NormalisedOrder[]) => Promise<void>) => {
      let batch: NormalisedOrder[] = [];
      let batchLines = 0;
      let group: ParsedRow[] = [];
      let rows = 0;
      const held = new Map<string, ParsedRow[]>();
      const inFlight: Promise<void>[] = [];
      const submit = async () => {
        const orders = batch;
        batch = [];
        batchLines = 0;
        if (inFlight.length >= (input.concurrency ?? 1)) await inFlight.shift();
        const before = Promise.allSettled([...inFlight]);
        // Rows of one order split far apart in a file can meet in two concurrent batches; the
        // unique key stops the second one, which simply runs again once the others are done.
        const p = write(orders).catch(async (e: { code?: string }) => {
          if (e.code !== '23505') throw e;
          await before;
          await write(orders);
        });
        p.catch(() => {}); // surfaced when awaited below
        inFlight.push(p);
        input.onProgress?.(rows);
      };
      const close = async () => {
        if (!group.length) return;
        const built = buildOrder(group);
        group = [];
        if ('issues' in built) fail(built.issues);
        else {
          batch.push(built.order);
          batchLines += built.order.lines.length;
          if (batchLines >= (input.batchRows ?? 5000)) await submit();
        }
      };
      try {
        for await (const r of file.rows) {
          rows++;
          const p = parseRow(ctx, r);
          if (p.externalId && scattered.has(p.externalId)) {
            const rowsOf = held.get(p.externalId);
            if (rowsOf) rowsOf.push(p);
            else held.set(p.externalId, [p]);
            continue;
          }
          if (group.length && (p.externalId !== group[0]!.externalId || !p.externalId)) await close();
          group.push(p);
        }
        await close();
        // The scattered orders, each with all its rows (in file order), after the rest.
        for (const rowsOf of held.values()) {
          group = rowsOf;
          await close();
        }
      } catch (e) {
        // A file cut off mid-row: what was read completely is kept; the order being read is not.
        if (!(e instanceof AppError)) throw e;
        fail(
          e.issues.length
            ? e.issues
            : [issue('file', 'orders.file.unreadable', { fileName: input.file.fileName })],
        );
      } finally {
        if (batch.length) await submit();
        while (inFlight.length) await inFlight.shift();
      }
    };
    const add = (out: { created: number; updated: number; unchanged: number }) => {
      result.created += out.created;
      result.updated += out.updated;
      result.unchanged += out.unchanged;
    };
    if (input.allOrNothing || input.preview) {
      const sample: PreviewOrder[] = [];
      await withShop(db, shopId, async (trx: Tx) => {
        await run(async (orders) => {
          if (input.preview)
            for (const o of orders.slice(0, PREVIEW_SAMPLE - sample.length)) sample.push(previewOf(o));
          add(await writeOrderBatch(trx, target, orders));
        });
        if (result.failed || input.preview) throw new Rollback();
      }).catch((e) => {
        if (!(e instanceof Rollback)) throw e;
        if (!input.preview) Object.assign(result, { created: 0, updated: 0, unchanged: 0 });
      });
      if (input.preview) {
        result.sample = sample;
        return result;
      }
    } else {
      // Per-batch commits need not wait for the disk: after a crash the lost batches are simply
      // written again by the re-run (the file is the source of truth and batches are idempotent).
      const batch = async (trx: Tx, orders: NormalisedOrder[]) => {
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        return writeOrderBatch(trx, target, orders);
      };
      await run(async (orders) => add(await withShop(db, shopId, (trx) => batch(trx, orders))));
    }
  } finally {
    await file.close();
  }
  await withShop(db, shopId, (trx) =>
    recordAudit(trx, shopId, input.actor, {
      action: 'orders.imported',
      entityType: 'channel_account',
      entityId: account.id,
      changes: { file: input.file.fileName, format: input.format, ...result, errors: result.errors.length },
    }),
  );
  return result;
}

/**
 * Order ids whose rows are not all adjacent in the file. Channels write an order's rows together,
 * so this is usually empty; it costs one extra read of the order id column.
 */
async function scatteredOrders(input: { path: string; fileName: string }, profile: FormatProfile) {
  const scattered = new Set<string>();
  const file = await openTabular(input).catch(() => null);
  if (!file) return scattered; // the main read reports why
  try {
    const at = resolveColumns(profile, file.headers).index.orderId?.[0];
    if (at === undefined) return scattered;
    const done = new Set<string>();
    let current = '';
    for await (const r of file.rows) {
      const id = (r.values[at] ?? '').trim();
      if (id === current) continue;
      if (current) done.add(current);
      if (id && done.has(id)) scattered.add(id);
      current = id;
    }
  } catch {
    // A damaged file: the main read stops at the same place and reports it.
  } finally {
    await file.close();
  }
  return scattered;
}

function previewOf(o: NormalisedOrder): PreviewOrder {
  return {
    externalId: o.externalId,
    status: o.status,
    purchasedAt: o.purchasedAt,
    shipCountry: o.shipCountry,
    currency: o.currency,
    total: o.total,
    lines: o.lines.map((l) => ({ channelSku: l.channelSku, quantity: l.quantity, title: l.title })),
  };
}
