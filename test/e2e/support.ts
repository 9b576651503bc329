/**
 * End-to-end support: the real server (createTestApp) listening on a random port, the demo shop,
 * and a system Chromium driven by playwright-core (no browser download, ever).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureDemoShop } from '../../src/domains/shops/demo/ensure-demo-shop.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = join(repoRoot, 'test-results');
export const chromiumPath = process.env.CUNKOU_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_LOGIN = {
  email: 'demo@cunkou.local',
  password: 'cunkou-demo',
  shop: 'lumiere-candles',
} as const;

/**
 * Whether the browser is there. With CI=true a missing browser is a failure (thrown while the
 * test file loads); locally the e2e tests are skipped with a visible message.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const help = `Chromium not found at ${chromiumPath} (install it with: apt-get install -y chromium fonts-noto-cjk, or set CUNKOU_CHROMIUM)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${help}`);
  console.warn(`\n[cunkou e2e] ${help} — SKIPPING the browser tests.\n`);
  return false;
}

/** The server only serves /admin when dist/web exists when the app is built: build it first. */
export function ensureWebBuilt(): void {
  if (existsSync(join(repoRoot, 'dist/web/index.html'))) return;
  console.log('[cunkou e2e] dist/web is missing — running npm run build:web');
  execSync('npm run build:web', { cwd: repoRoot, stdio: 'inherit' });
}

export interface E2EServer {
  t: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server on 127.0.0.1 with a fresh database, seeded with the demo shop. */
export async function startServer(): Promise<E2EServer> {
  ensureWebBuilt();
  const t = await createTestApp();
  try {
    await ensureDemoShop(t.deps, { onlyIfEmpty: false, log: () => {} });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await t.close();
    throw error;
  }
  const address = t.app.server.address();
  if (!address || typeof address === 'string')
    throw new Error(`unexpected server address ${String(address)}`);
  return { t, baseUrl: `http://127.0.0.1:${address.port}`, close: () => t.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** An English-speaking browser (so the admin starts in English and the test switches to Chinese). */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** A full-page screenshot into test-results/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Waits until no antd enter animation runs (a modal zooming in, a dropdown sliding down, a
 * collapse panel opening): a click on an element that is still moving can be lost on a loaded
 * machine.
 */
export function antdSettled(page: Page) {
  return page.waitForFunction(
    () =>
      !document.querySelector(
        '.ant-zoom-appear, .ant-zoom-enter, .ant-slide-up-appear, .ant-slide-up-enter, .ant-motion-collapse',
      ),
    undefined,
    { timeout: 15_000 },
  );
}
