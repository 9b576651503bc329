#!/usr/bin/env node
/** The `cunkou` command line: thin commands over the same use cases the server runs. */
import { Command } from 'commander';
import { isAppError, issueLine, localizeError } from '../kernel/errors.ts';
import { formatMessage } from '../kernel/i18n/index.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAvailabilityCommands } from './commands/availability.ts';
import { registerConnectorCommands } from './commands/connectors.ts';
import { registerLabelCommands } from './commands/labels.ts';
import { registerOrderCommands } from './commands/orders.ts';
import { registerProductCommands } from './commands/products.ts';
import { registerRateCommands } from './commands/rates.ts';
import { registerStartCommands } from './commands/start.ts';
import { registerStockCommands } from './commands/stock.ts';
import { registerTrackCommands } from './commands/track.ts';
import { cliLocale, type GlobalFlags } from './context.ts';

const program = new Command('cunkou')
  .description('Cunkou 村口 — cross-border commerce for small sellers and factories')
  .option(
    '--data <dir>',
    'data directory for the embedded database and files (default ./data, env CUNKOU_DATA)',
  )
  .option('--database-url <url>', 'use a PostgreSQL server (env DATABASE_URL)')
  .option('--shop <slug>', 'the shop to work on')
  .option('--json', 'print the result as JSON on stdout')
  .showHelpAfterError();

const flags = () => program.opts<GlobalFlags>();
registerStartCommands(program, flags);
registerAdminCommands(program, flags);
registerProductCommands(program, flags);
registerOrderCommands(program, flags);
registerConnectorCommands(program, flags);
registerStockCommands(program, flags);
registerAvailabilityCommands(program, flags);
registerRateCommands(program, flags);
registerTrackCommands(program, flags);
registerLabelCommands(program, flags);

program.parseAsync(process.argv).catch((error: unknown) => {
  const json = flags().json;
  const locale = cliLocale();
  const printError = (message: string) =>
    process.stderr.write(`${formatMessage(locale, 'cli.error', { message })}\n`);
  if (isAppError(error)) {
    if (json) {
      const issues = error.issues.map(({ field, message, row }) => ({
        field,
        message,
        ...(row ? { row } : {}),
      }));
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, issues } }, null, 2)}\n`,
      );
    }
    const shown = localizeError(locale, error);
    printError(shown.message);
    for (const i of error.issues.slice(0, 20)) process.stderr.write(`  ${issueLine(locale, i, true)}\n`);
  } else {
    printError(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
});
