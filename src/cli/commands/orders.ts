import { basename } from 'node:path';
import type { Command } from 'commander';
import { ensureChannelAccount, type ImportFormat, importOrders } from '../../domains/orders/index.ts';
import { type Channel, channels } from '../../domains/orders/tables.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError, issue, issueLine, localizeIssue } from '../../kernel/errors.ts';
import { formatMessage } from '../../kernel/i18n/index.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { cliLocale, type GlobalFlags, output, requireShop, withDeps } from '../context.ts';

const formats = ['amazon', 'amazon-unshipped', 'shopee', 'tiktok', 'aliexpress', 'generic'] as const;
const channelOfFormat = (f: ImportFormat): Channel =>
  f === 'amazon-unshipped' ? 'amazon' : f === 'generic' ? 'other' : f;

export function registerOrderCommands(program: Command, flags: () => GlobalFlags) {
  const orders = program.command('orders').description('orders from every channel');
  orders
    .command('import <file>')
    .description(
      'import a channel order export (Amazon All Orders / unshipped TSV, Shopee xlsx, TikTok CSV, AliExpress, generic)',
    )
    .requiredOption('--channel <format>', formats.join(' | '))
    .option('--account <name>', 'channel account (created when missing); default: the channel name')
    .option('--mapping <name>', 'saved column mapping (generic)')
    .option('--all-or-nothing', 'write nothing if any order fails')
    .action(
      async (
        file: string,
        opts: { channel: string; account?: string; mapping?: string; allOrNothing?: boolean },
      ) => {
        const f = flags();
        const locale = cliLocale();
        if (!(formats as readonly string[]).includes(opts.channel))
          throw appError(
            'VALIDATION_FAILED',
            'common.pleaseCorrect',
            { list: `--channel ${formats.join('|')}` },
            { issues: [issue('--channel', 'common.invalid')] },
          );
        const format = opts.channel as ImportFormat;
        await withDeps(f, async (deps) => {
          const shop = await requireShop(deps, f);
          const db = deps.database.db;
          const account = await withShop(db, shop.id, (trx) =>
            ensureChannelAccount(
              trx,
              shop.id,
              systemActor,
              opts.account ?? channelOfFormat(format),
              channelOfFormat(format),
            ),
          );
          const result = await importOrders(db, {
            shopId: shop.id,
            actor: systemActor,
            channelAccountId: account.id,
            file: { path: file, fileName: basename(file) },
            format,
            mappingName: opts.mapping,
            allOrNothing: !!opts.allOrNothing,
            concurrency: deps.database.engine === 'postgres' ? 2 : 1,
          });
          const { created, updated, unchanged, failed } = result;
          const errors = result.errors.map((e) => {
            const l = localizeIssue('en', e);
            return { row: l.row ?? null, field: l.field, message: l.message };
          });
          output(
            f,
            { created, updated, unchanged, failed, errors },
            formatMessage(locale, 'orders.cli.summary', { created, updated, unchanged, failed }) +
              result.errors
                .slice(0, 20)
                .map((e) => `\n  ${issueLine(locale, e, true)}`)
                .join(''),
          );
          if (failed) process.exitCode = 1;
        });
      },
    );

  program
    .command('channel')
    .description('channel accounts')
    .command('add <name>')
    .description(
      'add a channel account (marketplace: Amazon marketplace id or country, Shopee/TikTok country)',
    )
    .requiredOption('--channel <channel>', channels.join(' | '))
    .option('--marketplace <code>', 'ATVPDKIKX0DER, US, BR, …')
    .action(async (name: string, opts: { channel: string; marketplace?: string }) => {
      const f = flags();
      if (!(channels as readonly string[]).includes(opts.channel))
        throw appError(
          'VALIDATION_FAILED',
          'common.pleaseCorrect',
          { list: `--channel ${channels.join('|')}` },
          { issues: [issue('--channel', 'common.invalid')] },
        );
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const account = await withShop(deps.database.db, shop.id, (trx) =>
          ensureChannelAccount(trx, shop.id, systemActor, name, opts.channel as Channel, opts.marketplace),
        );
        output(
          f,
          account,
          formatMessage(cliLocale(), 'orders.cli.accountAdded', {
            name: account.name,
            channel: account.channel,
          }),
        );
      });
    });
}
