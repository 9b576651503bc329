import { join } from 'node:path';
import type { Command } from 'commander';
import { addMember, createShop, type Role, roles } from '../../domains/shops/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { connectDatabase } from '../../platform/db/connect.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { configFrom, type GlobalFlags, output, requireShop, withDeps } from '../context.ts';

export function registerAdminCommands(program: Command, flags: () => GlobalFlags) {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const f = flags();
      const config = configFrom(f);
      const database = await connectDatabase(
        config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'db') },
      );
      try {
        const { applied } = await migrate(database.db);
        output(
          f,
          { applied },
          applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('shop')
    .description('manage shops')
    .command('create <slug> <name>')
    .option('--locales <list>', 'target languages, comma separated', 'en')
    .option('--currency <code>', 'default currency', 'USD')
    .action(async (slug: string, name: string, opts: { locales: string; currency: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await createShop(deps.database.db, {
          slug,
          name,
          targetLocales: opts.locales
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          defaultCurrency: opts.currency,
        });
        output(f, shop, `Created shop ${shop.slug} (${shop.name}).`);
      });
    });

  program
    .command('user')
    .description('manage people')
    .command('add <email>')
    .description('add a person to --shop with a role (creates the account when new)')
    .requiredOption('--role <role>', roles.join('|'))
    .option('--name <name>')
    .option('--password <password>', 'first password (or CUNKOU_PASSWORD)')
    .action(async (email: string, opts: { role: string; name?: string; password?: string }) => {
      const f = flags();
      if (!roles.includes(opts.role as Role))
        throw new AppError('VALIDATION_FAILED', `--role must be one of ${roles.join(', ')}`);
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const password = opts.password ?? process.env.CUNKOU_PASSWORD;
        const member = await addMember(deps.database.db, {
          shopId: shop.id,
          email,
          role: opts.role as Role,
          ...(opts.name ? { name: opts.name } : {}),
          ...(password ? { password } : {}),
        });
        output(f, member, `${member.email} is now ${member.role} of ${shop.slug}.`);
      });
    });
}
