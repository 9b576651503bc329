import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import {
  exportConfirmationFile,
  loadBatchFile,
  markConfirmationsUploaded,
  pushShipmentConfirmations,
  syncAccount,
  writeConfirmationFile,
} from '../../domains/connectors/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError } from '../../kernel/errors.ts';
import {
  formatMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
  messages,
} from '../../kernel/i18n/index.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { cliLocale, type GlobalFlags, output, requireShop, withDeps } from '../context.ts';

/** `cunkou channel sync NAME`: one order sync through the account's API connector, now. */
const syncRunIn = async (run: Awaited<ReturnType<typeof syncAccount>>, locale: Locale) => ({
  error:
    run.errorKey && run.errorKey in messages
      ? formatMessage(locale, run.errorKey as MessageKey, (run.errorParams ?? {}) as MessageParams)
      : run.error,
});

export function registerConnectorCommands(program: Command, flags: () => GlobalFlags) {
  // `channel` is shared with the orders commands (channel add); join it rather than shadow it.
  const channel =
    program.commands.find((c) => c.name() === 'channel') ??
    program.command('channel').description('channel accounts');
  channel
    .command('sync <name>')
    .description('sync orders of a channel account through its API (Shopee, Amazon) now')
    .action(async (name: string) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const account = await withShop(deps.database.db, shop.id, (trx) =>
          trx
            .selectFrom('channel_accounts')
            .select('id')
            .where('shop_id', '=', shop.id)
            .where('name', '=', name)
            .executeTakeFirst(),
        );
        if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
        // JSON stays English for scripts; the human summary is in the CLI's language.
        const run = await syncAccount(deps, shop.id, account.id, { trigger: 'cli' });
        const local = f.json ? run : await syncRunIn(run, cliLocale());
        const { status, created, updated, unchanged, failed, pages, error } = run;
        output(
          f,
          { status, created, updated, unchanged, failed, pages, error },
          formatMessage(cliLocale(), 'connectors.cli.summary', {
            status,
            created,
            updated,
            unchanged,
            failed,
          }) + (local.error ? `\n  ${local.error}` : ''),
        );
        if (status !== 'ok') process.exitCode = 1;
      });
    });

  // `cunkou channel confirm-shipments NAME [--file OUT] [--uploaded BATCH]`: tell the channel which
  // orders shipped — through its API, or as its upload file (--file) for accounts without one.
  channel
    .command('confirm-shipments <name>')
    .description('send pending shipment confirmations through the channel API, or write the upload file')
    .option(
      '--file <out>',
      'write the channel upload file (Amazon ship-confirm .txt, Shopee mass-ship .xlsx)',
    )
    .option('--uploaded <batch>', 'mark the file of this batch as uploaded in the seller centre')
    .action(async (name: string, opts: { file?: string; uploaded?: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const db = deps.database.db;
        const account = await withShop(db, shop.id, (trx) =>
          trx
            .selectFrom('channel_accounts')
            .select(['id', 'name'])
            .where('shop_id', '=', shop.id)
            .where('name', '=', name)
            .executeTakeFirst(),
        );
        if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
        const locale = cliLocale();
        if (opts.uploaded) {
          const batch = opts.uploaded;
          const r = await withShop(db, shop.id, (trx) =>
            markConfirmationsUploaded(trx, shop.id, systemActor, account.id, batch),
          );
          output(f, r, formatMessage(locale, 'shipmentConfirmations.cli.marked', { marked: r.marked }));
          return;
        }
        if (opts.file) {
          const path = opts.file;
          const made = await withShop(db, shop.id, (trx) =>
            exportConfirmationFile(trx, shop.id, systemActor, account.id),
          );
          const file = await withShop(db, shop.id, (trx) =>
            loadBatchFile(trx, shop.id, account.id, made.batch),
          );
          const out = createWriteStream(path);
          const done = new Promise<void>((resolve, reject) => {
            out.on('finish', resolve);
            out.on('error', reject);
          });
          await writeConfirmationFile(file.format, file.items, out);
          await done;
          output(
            f,
            { batch: made.batch, format: made.format, count: made.count, path },
            formatMessage(locale, 'shipmentConfirmations.cli.exported', {
              count: made.count,
              path,
              account: account.name,
              batch: made.batch,
            }),
          );
          return;
        }
        const r = await pushShipmentConfirmations(deps, shop.id, account.id);
        if (!r.connected)
          throw appError('CONFLICT', 'shipmentConfirmations.noConnector', { account: account.name });
        output(
          f,
          r,
          [
            formatMessage(locale, 'shipmentConfirmations.cli.pushed', { sent: r.sent, failed: r.failed }),
            ...r.outcomes
              .filter((o) => o.error)
              .map((o) => `  ${o.externalOrderId} ${o.trackingNumber}: ${o.error}`),
          ].join('\n'),
        );
        if (r.failed) process.exitCode = 1;
      });
    });
}
