import type { Command } from 'commander';
import { startSyncScheduler, syncEnabled } from '../../domains/connectors/index.ts';
import { ensureDemoShop } from '../../domains/shops/demo/ensure-demo-shop.ts';
import { buildServer, openDeps } from '../../server.ts';
import { configFrom, type GlobalFlags, output, say, withDeps } from '../context.ts';
import { ensureAdminBuilt } from '../ensure-admin-built.ts';

export function registerStartCommands(program: Command, flags: () => GlobalFlags) {
  program
    .command('start')
    .description('run the server: API, admin (/admin/) and storefront')
    .option('--port <port>', 'port', (v) => Number(v))
    .option('--host <host>', 'interface to listen on')
    .option('--demo', 'create the demo shop first when the database has no shops')
    .action(async (opts: { port?: number; host?: string; demo?: boolean }) => {
      const f = flags();
      const config = configFrom(f, {
        ...(opts.port ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
      ensureAdminBuilt(say);
      const deps = await openDeps(config);
      let demo: Awaited<ReturnType<typeof ensureDemoShop>> | undefined;
      if (opts.demo) demo = await ensureDemoShop(deps, { onlyIfEmpty: true, log: say });
      const app = await buildServer(deps, { logger: process.env.CUNKOU_LOG === '1' });
      // Channel API order sync (CUNKOU_SYNC=off disables it); stopped before the database closes.
      const scheduler = syncEnabled() ? startSyncScheduler(deps, { log: say }) : null;
      const shutdown = async () => {
        await scheduler?.stop();
        await app.close();
        await deps.database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port: config.port, host: config.host });
      const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
      say(`\n  Cunkou 村口 is running (${where})`);
      say(`  Admin 管理后台:   ${config.publicUrl}/admin/`);
      say(`  Storefront 店铺: ${config.publicUrl}/`);
      say(`  API docs:        ${config.publicUrl}/api/docs`);
      if (demo) say(`  Log in 登录:      ${demo.email} / ${demo.password}`);
      say('  Stop with Ctrl+C\n');
    });

  program
    .command('demo')
    .description('create the demo shop (a candle factory selling to the US, Germany and Spain)')
    .action(async () => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const demo = (await ensureDemoShop(deps, { onlyIfEmpty: false, log: say }))!;
        output(f, demo, `Demo shop ${demo.shop} ready. Log in with ${demo.email} / ${demo.password}`);
      });
    });
}
