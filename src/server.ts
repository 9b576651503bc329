/**
 * Composition root: builds every dependency by hand and registers each domain's routes.
 * The CLI and the tests use the same function, so what they exercise is what runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { registerAvailability } from './domains/availability/index.ts';
import { registerCarriers } from './domains/carriers/index.ts';
import { registerCatalog } from './domains/catalog/index.ts';
import { createTranslationProvider } from './domains/catalog/translation/providers/create-provider.ts';
import type { TranslationProvider } from './domains/catalog/translation/providers/provider.ts';
import { registerConnectors } from './domains/connectors/index.ts';
import { registerInventory } from './domains/inventory/index.ts';
import { registerLogistics } from './domains/logistics/index.ts';
import { registerOrders } from './domains/orders/index.ts';
import { registerReturns } from './domains/returns/index.ts';
import { registerShipping } from './domains/shipping/index.ts';
import { registerAuth, registerAuthRoutes, registerShopRoutes } from './domains/shops/index.ts';
import { registerStorefront } from './domains/storefront/index.ts';
import { registerTracking } from './domains/tracking/index.ts';
import { appError } from './kernel/errors.ts';
import type { Config } from './platform/config.ts';
import { connectDatabase, type Database } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrate.ts';
import { createLocalDiskStorage } from './platform/files/storage/local-disk-storage.ts';
import type { FileStorage } from './platform/files/storage/storage.ts';
import { type App, buildHttpApp } from './platform/http/app.ts';
import { toBody } from './platform/http/errors.ts';

export interface Deps {
  database: Database;
  storage: FileStorage;
  translator: TranslationProvider | null;
  config: Config;
}

const webDist = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function openDeps(config: Config, database?: Database): Promise<Deps> {
  const db =
    database ??
    (await connectDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'db') },
    ));
  await migrate(db.db);
  return {
    database: db,
    storage: createLocalDiskStorage(join(config.dataDir, 'files')),
    translator: createTranslationProvider(config.translate),
    config,
  };
}

export async function buildServer(deps: Deps, opts: { logger?: boolean } = {}): Promise<App> {
  const db = deps.database.db;
  return buildHttpApp({
    logger: opts.logger ?? false,
    maxUploadBytes: deps.config.maxUploadBytes,
    trustProxy: deps.config.trustProxy,
    plugins: [
      (app) => registerAuth(app, db),
      (app) => registerAuthRoutes(app, db),
      (app) => registerShopRoutes(app, db),
      (app) => registerCatalog(app, deps),
      (app) => registerInventory(app, deps),
      (app) => registerOrders(app, deps),
      (app) => registerConnectors(app, deps),
      (app) => registerAvailability(app, deps),
      (app) => registerReturns(app, deps),
      (app) => registerLogistics(app, deps),
      (app) => registerTracking(app, deps),
      (app) => registerShipping(app, deps),
      (app) => registerCarriers(app, deps),
      async (app) => {
        if (existsSync(webDist)) {
          // Files are looked up per request (wildcard), so a rebuilt admin is served without a
          // restart; paths that are not files are client-side routes and get index.html.
          await app.register(fastifyStatic, {
            root: webDist,
            prefix: '/admin/',
            wildcard: true,
            index: 'index.html',
            setHeaders: (res, path) => {
              if (path.endsWith('index.html')) res.header('cache-control', 'no-cache');
            },
          });
          app.setNotFoundHandler((request, reply) => {
            const path = request.url.split('?')[0]!;
            if (request.method === 'GET' && path === '/admin') return reply.redirect('/admin/');
            if (request.method === 'GET' && path.startsWith('/admin/') && !/\.[a-z0-9]+$/i.test(path)) {
              return reply.sendFile('index.html', webDist);
            }
            return reply.status(404).send(toBody(appError('NOT_FOUND', 'http.noRoute'), request.locale));
          });
        }
      },
      (app) => registerStorefront(app, deps),
    ],
  });
}
