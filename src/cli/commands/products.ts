import { basename } from 'node:path';
import type { Command } from 'commander';
import { exportProducts, runProductImport, suggestMapping } from '../../domains/catalog/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError, issueLine, localizeIssue } from '../../kernel/errors.ts';
import { formatMessage } from '../../kernel/i18n/index.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { openTabular } from '../../platform/files/tabular/index.ts';
import { cliLocale, type GlobalFlags, output, requireShop, say, withDeps } from '../context.ts';
import { estimateRows, progressBar } from '../progress.ts';

export function registerProductCommands(program: Command, flags: () => GlobalFlags) {
  const products = program.command('products').description('import and export the catalog');
  products
    .command('import <file>')
    .description('import products from .xlsx or .csv (UTF-8, UTF-8 BOM or GBK)')
    .option('--mapping <name>', 'a saved column mapping (from the admin import wizard)')
    .option('--mode <mode>', 'all_or_nothing | valid_rows', 'all_or_nothing')
    .action(async (file: string, opts: { mapping?: string; mode: string }) => {
      const f = flags();
      const locale = cliLocale();
      if (opts.mode !== 'all_or_nothing' && opts.mode !== 'valid_rows') {
        throw appError('VALIDATION_FAILED', 'cli.badMode');
      }
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        let columns: Record<string, string>;
        if (opts.mapping) {
          const saved = await withShop(deps.database.db, shop.id, (trx) =>
            trx
              .selectFrom('import_mappings')
              .select('columns')
              .where('shop_id', '=', shop.id)
              .where('name', '=', opts.mapping!)
              .executeTakeFirst(),
          );
          if (!saved)
            throw appError('NOT_FOUND', 'cli.mappingNotFound', { mapping: opts.mapping!, slug: shop.slug });
          columns = saved.columns as Record<string, string>;
        } else {
          const t = await openTabular({ path: file, fileName: basename(file) });
          await t.close();
          columns = Object.fromEntries(
            Object.entries(suggestMapping(t.headers)).filter((e): e is [string, string] => !!e[1]),
          );
          const recognised = Object.entries(columns).map(([h, k]) => `${h}→${k}`);
          say(
            formatMessage(locale, 'import.columnsRecognised', { list: { list: recognised, sep: 'comma' } }),
          );
        }
        const bar = progressBar('Importing', await estimateRows(file));
        const result = await runProductImport(deps.database.db, {
          shopId: shop.id,
          actor: systemActor,
          file: { path: file, fileName: basename(file) },
          columns,
          mode: opts.mode as 'all_or_nothing' | 'valid_rows',
          defaultCurrency: shop.default_currency,
          onProgress: bar.update,
          locale,
        });
        bar.stop();
        output(
          f,
          { ...result, errors: result.errors.map((e) => localizeIssue('en', e)) },
          formatMessage(locale, result.committed ? 'import.summaryImported' : 'import.summaryNothing', {
            total: result.totalRows,
            created: result.created,
            updated: result.updated,
            failed: result.failed,
          }) +
            result.errors
              .slice(0, 20)
              .map((e) => `\n  ${issueLine(locale, e, true)}`)
              .join(''),
        );
        if (!result.committed) process.exitCode = 1;
      });
    });
  products
    .command('export')
    .description('export every variant to .xlsx or .csv (formulas neutralised)')
    .requiredOption('--out <file>', 'output file; the extension chooses xlsx or csv')
    .action(async (opts: { out: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const format = opts.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
        await exportProducts(deps.database.db, shop.id, format, { path: opts.out });
        output(f, { file: opts.out, format }, `Exported to ${opts.out}`);
      });
    });
}
