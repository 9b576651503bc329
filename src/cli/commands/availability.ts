import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import {
  createStockFile,
  eachAvailable,
  fileFormatsFor,
  markStockFileUploaded,
  pushStock,
  writeStockFile,
} from '../../domains/availability/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError, issue } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { type GlobalFlags, output, requireShop, say, withDeps } from '../context.ts';

async function accountByName(deps: Deps, shopId: string, name: string) {
  const acc = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('channel_accounts')
      .select(['id', 'name', 'channel'])
      .where('shop_id', '=', shopId)
      .where('name', '=', name)
      .executeTakeFirst(),
  );
  if (!acc)
    throw appError(
      'NOT_FOUND',
      'availability.cli.accountNotFound',
      { name },
      { issues: [issue('--account', 'common.invalid')] },
    );
  return acc;
}

/**
 * `cunkou stock available|push|mark-uploaded`: available-to-sell per channel account, pushed
 * through the connector or written as the channel's upload file (added to the `stock` command).
 */
export function registerAvailabilityCommands(program: Command, flags: () => GlobalFlags) {
  const stock =
    program.commands.find((c) => c.name() === 'stock') ??
    program.command('stock').description('stock levels');

  stock
    .command('available')
    .description('available-to-sell per channel SKU of one channel account (buffers, share and cap applied)')
    .requiredOption('--account <name>', 'channel account name')
    .option('--sku <sku>', 'only this channel SKU')
    .option('--changed', 'only SKUs whose quantity differs from the last push')
    .action(async (opts: { account: string; sku?: string; changed?: boolean }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const acc = await accountByName(deps, shop.id, opts.account);
        const items = await withShop(deps.database.db, shop.id, async (trx) => {
          const rows = [];
          for await (const row of eachAvailable(trx, shop.id, acc.id, {
            changedOnly: !!opts.changed,
            skus: opts.sku ? [opts.sku] : undefined,
          }))
            rows.push(row);
          return rows;
        });
        const lines = items.map(
          (r) =>
            `${r.channelSku.padEnd(24)} ${(r.quantity ?? '-').toString().padStart(6)}  pool ${r.pool}  ${r.status}${r.changed ? '  changed' : ''}  last ${r.lastPushed?.quantity ?? '-'}`,
        );
        output(f, { account: acc.name, items }, lines.join('\n') || '(no channel SKUs)');
      });
    });

  stock
    .command('push')
    .description(
      'push changed quantities through the channel API, or write the channel upload file with --file',
    )
    .requiredOption('--account <name>', 'channel account name')
    .option('--file <out>', 'write the upload file here instead (for accounts without a connected API)')
    .option('--format <format>', 'upload file format: amazon | shopee (default: the account channel)')
    .option('--full', 'every SKU, not only the changed ones')
    .action(async (opts: { account: string; file?: string; format?: string; full?: boolean }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const acc = await accountByName(deps, shop.id, opts.account);
        if (!opts.file) {
          const result = await pushStock(deps, shop.id, systemActor, acc.id, { full: !!opts.full });
          const refused = result.outcomes
            .filter((o) => !o.ok)
            .map((o) => `  ${o.channelSku}: ${o.message ?? ''}`);
          output(
            f,
            result,
            [`sent ${result.sent}, accepted ${result.accepted}, refused ${result.refused}`, ...refused].join(
              '\n',
            ),
          );
          return;
        }
        const format = opts.format ?? fileFormatsFor(acc.channel)[0];
        if (format !== 'amazon' && format !== 'shopee')
          throw appError(
            'VALIDATION_FAILED',
            'availability.cli.noFileFormat',
            { channel: acc.channel },
            {
              issues: [issue('--format', 'common.invalid')],
            },
          );
        const file = await withShop(deps.database.db, shop.id, (trx) =>
          createStockFile(trx, shop.id, systemActor, acc.id, format, !!opts.full),
        );
        const out = createWriteStream(opts.file);
        const done = new Promise<void>((resolve, reject) => {
          out.on('finish', resolve);
          out.on('error', reject);
        });
        await writeStockFile(format, file.items, out);
        await done;
        say(`Upload ${opts.file} in the seller centre, then run: cunkou stock mark-uploaded ${file.id}`);
        output(
          f,
          { fileId: file.id, format, path: opts.file, items: file.items.length },
          `${file.items.length} SKUs written to ${opts.file} (file ${file.id})`,
        );
      });
    });

  stock
    .command('mark-uploaded <fileId>')
    .description('the channel accepted this upload file: record its quantities as pushed')
    .action(async (fileId: string) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const result = await withShop(deps.database.db, shop.id, (trx) =>
          markStockFileUploaded(trx, shop.id, systemActor, fileId),
        );
        output(
          f,
          result,
          result.alreadyMarked ? 'already marked uploaded' : `${result.marked} SKUs marked pushed`,
        );
      });
    });
}
