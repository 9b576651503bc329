import type { Command } from 'commander';
import { syncAccount } from '../../domains/connectors/index.ts';
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
}
