import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { addMember, createShop, type Role } from '../../src/domains/shops/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { App } from '../../src/platform/http/app.ts';
import { buildServer, type Deps, openDeps } from '../../src/server.ts';
import { createTestDatabase } from './test-db.ts';

export interface TestApp {
  app: App;
  deps: Deps;
  dataDir: string;
  close(): Promise<void>;
}

/** The real server (all routes, real database, real files in a temp dir), driven with app.inject. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cunkou-test-'));
  const database = await createTestDatabase();
  // Channel simulators listen on loopback; production allows only the channels' own hosts.
  const config = loadConfig(
    { CUNKOU_CONNECTOR_HOSTS: '127.0.0.1,localhost', ...env, CUNKOU_DATA: dataDir },
    {},
  );
  const deps = await openDeps(config, database);
  const app = await buildServer(deps);
  await app.ready();
  return {
    app,
    deps,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF header. */
export interface Client {
  csrf: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function login(app: App, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cunkou_session')!;
  const csrf = res.json().csrfToken as string;
  const client: Client = {
    csrf,
    cookie: `cunkou_session=${cookie.value}`,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
  return client;
}

/**
 * A shop with one member of the given role; returns ids and a logged-in client. The member reads
 * English (suites assert English messages); pass locale 'zh-CN' for a Chinese-speaking seller.
 */
export async function seedShop(
  t: TestApp,
  slug: string,
  role: Role = 'owner',
  password = 'correct-horse-1',
  locale: 'zh-CN' | 'en' = 'en',
) {
  const shop = await createShop(t.deps.database.db, {
    slug,
    name: `Shop ${slug}`,
    targetLocales: ['en', 'de'],
  });
  const email = `${role}@${slug}.test`;
  const member = await addMember(t.deps.database.db, { shopId: shop.id, email, role, password, locale });
  const client = await login(t.app, email, password);
  return { shop, userId: member.userId, email, password, client };
}

/** A minimal valid product payload. */
export const productPayload = (sku: string, extra: Record<string, unknown> = {}) => ({
  title: `香薰蜡烛 ${sku}`,
  status: 'active',
  variants: [
    {
      sku,
      gtin: '6901234567892',
      hsCode: '3406.00',
      originCountry: 'CN',
      costPriceMinor: 1250,
      weightG: 300,
    },
  ],
  ...extra,
});
