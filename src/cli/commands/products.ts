import { basename } from 'node:path';
import type { Command } from 'commander';
import { exportProducts, runProductImport, suggestMapping } from '../../domains/catalog/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { openTabular } from '../../platform/files/tabular/index.ts';
import { type GlobalFlags, output, requireShop, say, withDeps } from '../context.ts';
import { progressBar } from '../progress.ts';

export function registerProductCommands(program: Command, flags: () => GlobalFlags) {
  const products = program.command('products').description('import and export the catalog');
  products
    .command('import <file>')
    .description('import products from .xlsx or .csv (UTF-8, UTF-8 BOM or GBK)')
    .option('--mapping <name>', 'a saved column mapping (from the admin import wizard)')
    .option('--mode <mode>', 'all_or_nothing | valid_rows', 'all_or_nothing')
    .action(async (file: string, opts: { mapping?: string; mode: string }) => {
      const f = flags();
      if (opts.mode !== 'all_or_nothing' && opts.mode !== 'valid_rows') {
        throw new AppError('VALIDATION_FAILED', '--mode must be all_or_nothing or valid_rows');
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
            throw new AppError('NOT_FOUND', `No saved mapping "${opts.mapping}" in shop ${shop.slug}.`);
          columns = saved.columns as Record<string, string>;
        } else {
          const t = await openTabular({ path: file, fileName: basename(file) });
          await t.close();
          columns = Object.fromEntries(
            Object.entries(suggestMapping(t.headers)).filter((e): e is [string, string] => !!e[1]),
          );
          say(
            `Columns recognised: ${Object.entries(columns)
              .map(([h, k]) => `${h}→${k}`)
              .join(', ')}`,
          );
        }
        const bar = progressBar('Importing');
        const result = await runProductImport(deps.database.db, {
          shopId: shop.id,
          actor: systemActor,
          file: { path: file, fileName: basename(file) },
          columns,
          mode: opts.mode as 'all_or_nothing' | 'valid_rows',
          defaultCurrency: shop.default_currency,
          onProgress: bar.update,
        });
        bar.stop();
        output(
          f,
          result,
          `${result.committed ? 'Imported' : 'Nothing imported'}: ${result.totalRows} rows, ${result.created} created, ${result.updated} updated, ${result.failed} failed.` +
            result.errors
              .slice(0, 20)
              .map((e) => `\n  row ${e.row}, ${e.field}: ${e.message}`)
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
