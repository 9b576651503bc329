import type { Kysely } from 'kysely';
import { appError, type FieldIssue, issue, issueLine, issueList } from '../../../kernel/errors.ts';
import { joinList, type Locale } from '../../../kernel/i18n/index.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type Tx, withShop } from '../../../platform/db/tenant.ts';
import { openTabular } from '../../../platform/files/tabular/index.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { groupRows, type RowGroup } from './group-rows.ts';
import { type ParsedRow, parseRow } from './parse-row.ts';
import { targetFieldByKey } from './target-fields.ts';
import { type BatchContext, writeBatch } from './write-batch.ts';

export type ImportMode = 'preview' | 'all_or_nothing' | 'valid_rows';

export interface RunImportInput {
  shopId: string;
  actor: Actor;
  file: { path: string; fileName: string };
  /** Seller's header → target field key. Unmapped headers are ignored. */
  columns: Record<string, string>;
  mode: ImportMode;
  defaultCurrency: string;
  jobId?: string;
  onProgress?: (processedRows: number) => void;
  /** Receives every rejected row (original cells plus the messages) for the errors file. */
  onReject?: (values: string[], messages: string) => void;
  /** Language of the messages given to onReject (default en); `errors` carry keys for any language. */
  locale?: Locale;
  batchRows?: number;
}

export interface ImportResult {
  totalRows: number;
  created: number;
  updated: number;
  failed: number;
  /** The first 200 problems, each with row and column. */
  errors: FieldIssue[];
  committed: boolean;
}

class Rollback extends Error {}

/**
 * Stream a product sheet into the catalog. `preview` does everything inside a transaction that is
 * rolled back (so it reports exactly what a commit would do); `all_or_nothing` commits only if no
 * row failed; `valid_rows` commits batch by batch and skips bad rows. Re-running a file is safe:
 * products match on product code and SKU, so nothing is ever duplicated.
 */
export async function runProductImport(db: Kysely<DB>, input: RunImportInput): Promise<ImportResult> {
  const file = await openTabular(input.file);
  const columns = resolveColumns(file.headers, input.columns);
  const headerOf = (key: string) =>
    file.headers[columns.get(key) ?? -1] ??
    targetFieldByKey.get(key)?.label[input.locale === 'zh-CN' ? 'zh' : 'en'] ??
    key;
  const ctx: BatchContext = { shopId: input.shopId, seenSkus: new Map(), categoryCache: new Map(), headerOf };
  const result: ImportResult = {
    totalRows: 0,
    created: 0,
    updated: 0,
    failed: 0,
    errors: [],
    committed: false,
  };
  const rawByRow = new Map<number, string[]>();
  const batchRows = input.batchRows ?? 1000;
  let processedRows = 0;

  async function* parsed(): AsyncGenerator<ParsedRow> {
    for await (const r of file.rows) {
      result.totalRows++;
      if (input.onReject) rawByRow.set(r.row, r.values);
      yield parseRow(r.row, r.values, columns, file.headers, input.defaultCurrency);
    }
  }

  const flush = async (trx: Tx, groups: RowGroup[]) => {
    const out = await writeBatch(trx, ctx, groups);
    result.created += out.created;
    result.updated += out.updated;
    result.failed += out.failed.length;
    for (const r of out.failed) {
      for (const i of r.issues) if (result.errors.length < 200) result.errors.push(i);
      input.onReject?.(rawByRow.get(r.row) ?? [], rejectMessage(input.locale ?? 'en', r.issues));
    }
    for (const g of groups) {
      processedRows += g.rows.length;
      for (const r of g.rows) rawByRow.delete(r.row);
    }
    input.onProgress?.(processedRows);
  };

  // Reads and parses the next batch while the database writes the previous one (reading an xlsx
  // costs about as much as writing it). Writes stay strictly sequential, in file order.
  const consume = async (write: (groups: RowGroup[]) => Promise<void>) => {
    let batch: RowGroup[] = [];
    let size = 0;
    let writing: Promise<void> | undefined;
    const submit = async (groups: RowGroup[]) => {
      await writing;
      writing = write(groups);
      writing.catch(() => {}); // surfaced by the next `await writing`
    };
    try {
      for await (const g of groupRows(parsed(), {
        continuationRows: columns.has('handle') || columns.has('title'),
      })) {
        batch.push(g);
        size += g.rows.length;
        if (size >= batchRows) {
          await submit(batch);
          batch = [];
          size = 0;
        }
      }
      if (batch.length) await submit(batch);
    } finally {
      // Never leave a write running on the transaction, also when reading the file failed.
      await writing;
    }
  };

  try {
    if (input.mode === 'valid_rows') {
      await consume((groups) => withShop(db, input.shopId, (trx) => flush(trx, groups)));
      result.committed = true;
    } else {
      await withShop(db, input.shopId, async (trx) => {
        await consume((groups) => flush(trx, groups));
        if (input.mode === 'preview' || result.failed > 0) throw new Rollback();
        result.committed = true;
      }).catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    }
  } finally {
    await file.close();
  }
  if (result.committed) {
    await withShop(db, input.shopId, (trx) =>
      recordAudit(trx, input.shopId, input.actor, {
        action: 'products.imported',
        entityType: 'import',
        entityId: input.jobId ?? input.file.fileName,
        changes: {
          file: input.file.fileName,
          mode: input.mode,
          created: result.created,
          updated: result.updated,
          failed: result.failed,
        },
      }),
    );
  }
  return result;
}

/** Validate the mapping against the file: known fields, each used once, SKU present. */
export function resolveColumns(headers: string[], mapping: Record<string, string>): Map<string, number> {
  const issues: FieldIssue[] = [];
  const columns = new Map<string, number>();
  for (const [header, key] of Object.entries(mapping)) {
    if (!key) continue;
    const index = headers.indexOf(header);
    if (index < 0) issues.push(issue(header, 'import.columnMissing'));
    else if (!targetFieldByKey.has(key)) issues.push(issue(header, 'import.notAField', { key }));
    else if (columns.has(key))
      issues.push(issue(header, 'import.alreadyMapped', { key, column: headers[columns.get(key)!]! }));
    else columns.set(key, index);
  }
  if (!columns.has('sku')) issues.push(issue('sku', 'import.mapSku'));
  if (issues.length) {
    throw appError(
      'VALIDATION_FAILED',
      'import.mappingNeedsAttention',
      { list: issueList(issues) },
      { issues },
    );
  }
  return columns;
}

/** The error cell of a rejected row: "column: problem; column: problem" in the seller's language. */
function rejectMessage(locale: Locale, issues: FieldIssue[]): string {
  return joinList(
    locale,
    issues.map((i) => issueLine(locale, i)),
    'semicolon',
  );
}
