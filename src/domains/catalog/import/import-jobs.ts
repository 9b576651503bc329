import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError, appError, localizeError, localizeIssue } from '../../../kernel/errors.ts';
import { formatMessage, type Locale } from '../../../kernel/i18n/index.ts';
import { newId } from '../../../kernel/ids.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import { openTabular, writeTabular } from '../../../platform/files/tabular/index.ts';
import type { Actor } from '../../shops/index.ts';
import { type ImportMode, runProductImport } from './run-import.ts';
import { suggestMapping, targetFields } from './target-fields.ts';

/** Where uploaded sheets and error files live: <data>/imports/<shop>/<job>/. */
export const jobDir = (dataDir: string, shopId: string, jobId: string) =>
  join(dataDir, 'imports', shopId, jobId);
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'upload';

/** Progress of running imports, readable without touching the database (PGlite has one connection). */
export const importProgress = new Map<string, { processedRows: number }>();

/** Register an uploaded file (already saved at tempPath) and describe it for the mapping step. */
export async function startImport(
  db: Kysely<DB>,
  dataDir: string,
  shopId: string,
  actor: Actor,
  upload: { tempPath: string; fileName: string },
) {
  const id = newId();
  const dir = jobDir(dataDir, shopId, id);
  await mkdir(dir, { recursive: true });
  const path = join(dir, safeName(upload.fileName));
  await rename(upload.tempPath, path);
  const file = await openTabular({ path, fileName: upload.fileName });
  const sampleRows: string[][] = [];
  try {
    for await (const r of file.rows) {
      sampleRows.push(r.values.slice(0, file.headers.length));
      if (sampleRows.length >= 5) break;
    }
  } finally {
    await file.close();
  }
  await withShop(db, shopId, (trx) =>
    trx
      .insertInto('import_jobs')
      .values({ shop_id: shopId, id, file_name: upload.fileName, file_key: path, created_by: actor.userId })
      .execute(),
  );
  return {
    id,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding ?? null,
    headers: file.headers,
    sampleRows,
    suggestedMapping: suggestMapping(file.headers),
    targetFields: targetFields.map((t) => ({
      key: t.key,
      label: t.label,
      level: t.level,
      required: t.required ?? null,
    })),
  };
}

async function loadJob(db: Kysely<DB>, shopId: string, id: string) {
  const job = await withShop(db, shopId, (trx) =>
    trx
      .selectFrom('import_jobs')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  if (!job) throw appError('NOT_FOUND', 'import.notFound');
  return job;
}

export async function runImportJob(
  db: Kysely<DB>,
  dataDir: string,
  shop: { id: string; defaultCurrency: string },
  actor: Actor,
  id: string,
  columns: Record<string, string>,
  mode: ImportMode,
  /** Language of the returned errors and of the errors file: the seller's who runs the import. */
  locale: Locale = 'en',
) {
  const job = await loadJob(db, shop.id, id);
  if (job.status === 'running') throw appError('CONFLICT', 'import.running');
  if (job.status === 'done' && mode !== 'preview') throw appError('CONFLICT', 'import.alreadyDone');
  const errorsPath = join(jobDir(dataDir, shop.id, id), 'errors.xlsx');
  const file = await openTabular({ path: job.file_key, fileName: job.file_name });
  // Bilingual on purpose: the column sits next to the seller's own headers, whatever their language.
  const headers = [...file.headers, '错误 / Error'];
  await file.close();
  const rejects: unknown[][] = [];
  const progress = { processedRows: 0 };
  if (mode !== 'preview') {
    importProgress.set(id, progress);
    await withShop(db, shop.id, (trx) =>
      trx
        .updateTable('import_jobs')
        .set({ status: 'running', mode, columns: JSON.stringify(columns) })
        .where('shop_id', '=', shop.id)
        .where('id', '=', id)
        .execute(),
    );
  }
  try {
    const result = await runProductImport(db, {
      shopId: shop.id,
      actor,
      file: { path: job.file_key, fileName: job.file_name },
      columns,
      mode,
      defaultCurrency: shop.defaultCurrency,
      jobId: id,
      locale,
      onProgress: (n) => {
        progress.processedRows = n;
      },
      // Rejected rows are kept to write the errors file; capped so a hopeless file cannot exhaust memory.
      ...(mode === 'preview'
        ? {}
        : {
            onReject: (values: string[], message: string) =>
              void (rejects.length < 100_000 && rejects.push([...values, message])),
          }),
    });
    const errors = result.errors.map((i) => localizeIssue(locale, i));
    if (mode === 'preview') return { ...result, errors, status: 'preview' as const, errorsUrl: null };
    if (rejects.length)
      await writeTabular({ path: errorsPath }, 'xlsx', headers, rejects, { sheetName: 'errors' });
    await withShop(db, shop.id, (trx) =>
      trx
        .updateTable('import_jobs')
        .set({
          status: result.committed ? 'done' : 'failed',
          total_rows: result.totalRows,
          processed_rows: result.totalRows,
          created: result.committed ? result.created : 0,
          updated: result.committed ? result.updated : 0,
          failed: result.failed,
          errors_key: rejects.length ? errorsPath : null,
          message: result.committed
            ? null
            : formatMessage(locale, 'import.failedNothingImported', { failed: result.failed }),
          finished_at: new Date(),
        })
        .where('shop_id', '=', shop.id)
        .where('id', '=', id)
        .execute(),
    );
    // A failed all_or_nothing run wrote nothing: report 0 created/updated, as the job row does.
    const written = result.committed ? {} : { created: 0, updated: 0 };
    return {
      ...result,
      ...written,
      errors,
      status: result.committed ? ('done' as const) : ('failed' as const),
      errorsUrl: rejects.length ? `imports/${id}/errors` : null,
    };
  } catch (error) {
    if (mode !== 'preview') {
      await withShop(db, shop.id, (trx) =>
        trx
          .updateTable('import_jobs')
          .set({
            status: 'failed',
            message:
              error instanceof AppError
                ? localizeError(locale, error).message
                : error instanceof Error
                  ? error.message
                  : String(error),
            finished_at: new Date(),
          })
          .where('shop_id', '=', shop.id)
          .where('id', '=', id)
          .execute(),
      );
    }
    throw error;
  } finally {
    importProgress.delete(id);
  }
}

export async function importStatus(db: Kysely<DB>, shopId: string, id: string) {
  const running = importProgress.get(id);
  const job = await loadJob(db, shopId, id);
  return {
    id: job.id,
    fileName: job.file_name,
    status: job.status,
    processedRows: running?.processedRows ?? job.processed_rows,
    totalRows: job.total_rows,
    created: job.created,
    updated: job.updated,
    failed: job.failed,
    message: job.message,
    errorsUrl: job.errors_key ? `imports/${job.id}/errors` : null,
  };
}

export async function importErrorsFile(db: Kysely<DB>, shopId: string, id: string) {
  const job = await loadJob(db, shopId, id);
  if (!job.errors_key) throw appError('NOT_FOUND', 'import.noErrorsFile');
  return { path: job.errors_key, fileName: `${job.file_name.replace(/\.[^.]+$/, '')}-errors.xlsx` };
}
