import type { Command } from 'commander';
import {
  adjustStock,
  createWarehouse,
  listStockLevels,
  warehouseKinds,
} from '../../domains/inventory/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError, issue } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { type GlobalFlags, output, requireShop, withDeps } from '../context.ts';

/** `cunkou stock …` and `cunkou warehouse add`: thin shells over the inventory use cases. */
export function registerStockCommands(program: Command, flags: () => GlobalFlags) {
  const stock = program.command('stock').description('stock levels and adjustments');
  stock
    .command('list')
    .description('stock by SKU × warehouse (on hand, reserved, in transit, available)')
    .option('--sku <sku>', 'only this SKU')
    .option('--warehouse <code>', 'only this warehouse')
    .option('--low <n>', 'only rows with at most this many available')
    .action(async (opts: { sku?: string; warehouse?: string; low?: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const items = [];
        let cursor: string | undefined;
        // Every page: a CLI listing is for scripts and spreadsheets, not for scrolling.
        do {
          const page = await withShop(deps.database.db, shop.id, (trx) =>
            listStockLevels(trx, shop.id, {
              sku: opts.sku,
              warehouseCode: opts.warehouse,
              lowStock: opts.low === undefined ? undefined : integer(opts.low, '--low'),
              limit: 200,
              cursor,
            }),
          );
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const lines = items.map(
          (l) =>
            `${l.sku.padEnd(24)} ${l.warehouseCode.padEnd(12)} on hand ${l.onHand}  reserved ${l.reserved}  in transit ${l.inTransit}  available ${l.available}`,
        );
        output(f, { items }, lines.join('\n') || '(no stock)');
      });
    });
  stock
    .command('adjust <sku> <warehouse> <delta>')
    .description('correct on-hand stock by DELTA (e.g. 5 or -- -3) with a reason')
    .requiredOption('--reason <text>', 'why the stock changed (damaged, found, sample…)')
    .allowUnknownOption()
    .action(async (sku: string, warehouse: string, delta: string, opts: { reason: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const result = await withShop(deps.database.db, shop.id, (trx) =>
          adjustStock(trx, shop.id, systemActor, {
            sku,
            warehouseCode: warehouse,
            delta: integer(delta, 'DELTA'),
            reason: opts.reason,
          }),
        );
        const l = result.levels[0]!;
        output(
          f,
          result,
          `${sku} @ ${warehouse}: on hand ${l.onHand}, reserved ${l.reserved}, available ${l.available}`,
        );
      });
    });

  program
    .command('warehouse')
    .description('warehouses')
    .command('add <code> <name>')
    .description('add a warehouse')
    .requiredOption('--kind <kind>', warehouseKinds.join(' | '))
    .option('--country <cc>', 'ISO country code', 'CN')
    .option('--priority <n>', 'lower ships first', '100')
    .action(async (code: string, name: string, opts: { kind: string; country: string; priority: string }) => {
      const f = flags();
      const kind = warehouseKinds.find((k) => k === opts.kind);
      if (!kind) {
        throw appError(
          'VALIDATION_FAILED',
          'common.pleaseCorrect',
          { list: warehouseKinds.join(', ') },
          {
            issues: [issue('--kind', 'common.invalid')],
          },
        );
      }
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const w = await withShop(deps.database.db, shop.id, (trx) =>
          createWarehouse(trx, shop.id, systemActor, {
            code,
            name,
            kind,
            country: opts.country,
            priority: integer(opts.priority, '--priority'),
          }),
        );
        output(f, w, `Added warehouse ${w.code} (${w.kind}, ${w.country})`);
      });
    });
}

function integer(text: string, field: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) {
    throw appError(
      'VALIDATION_FAILED',
      'common.pleaseCorrect',
      { list: `${field}: ${text}` },
      {
        issues: [issue(field, 'common.invalid')],
      },
    );
  }
  return n;
}
