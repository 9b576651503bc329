#!/usr/bin/env node
/** The `cunkou` command line: thin commands over the same use cases the server runs. */
import { Command } from 'commander';
import { isAppError } from '../kernel/errors.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerProductCommands } from './commands/products.ts';
import { registerStartCommands } from './commands/start.ts';
import type { GlobalFlags } from './context.ts';

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

program.parseAsync(process.argv).catch((error: unknown) => {
  const json = flags().json;
  if (isAppError(error)) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, issues: error.issues } }, null, 2)}\n`,
      );
    process.stderr.write(`Error: ${error.message}\n`);
    for (const i of error.issues.slice(0, 20))
      process.stderr.write(`  ${i.row ? `row ${i.row}, ` : ''}${i.field}: ${i.message}\n`);
  } else {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
});
