/**
 * Slow-moving stock in a real browser against the real server: back-dated receipts and sales
 * (posted through the inventory functions with an explicit `at`), then the page reached from the
 * menu shows both charts, the sell-through table and the clearance list with its actions, in
 * English and in Chinese. Screenshots land in test-results/.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receiveStock } from '../../src/domains/inventory/index.ts';
import { postMovement } from '../../src/domains/inventory/post-movement.ts';
import { findShopBySlug } from '../../src/domains/shops/create-shop.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, login } from '../support/test-app.ts';
import {
  browserAvailable,
  DEMO_LOGIN,
  type E2EServer,
  launchBrowser,
  newContext,
  screenshot,
  startServer,
} from './support.ts';

const run = browserAvailable();

// biome-ignore lint/performance/useDomNodeTextContent: Playwright Locator API, rendered text is the point
const text = (locator: Locator) => locator.innerText();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe.skipIf(!run)('slow-moving stock page in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const db = server.t.deps.database.db;
    const shopId = (await findShopBySlug(db, shop))!.id;
    await withShop(db, shopId, async (trx) => {
      const fac = await createWarehouse(trx, shopId, systemActor, {
        code: 'FAC',
        name: 'Factory',
        kind: 'factory',
        country: 'CN',
      });
      const receive = (sku: string, quantity: number, days: number) =>
        receiveStock(trx, shopId, systemActor, {
          warehouseId: fac.id,
          lines: [{ sku, quantity }],
          at: ago(days),
        });
      await receive('LC-JAR-01-1', 40, 10); // young, selling
      await receive('LC-JAR-02-1', 30, 200); // aged, selling slowly
      await receive('LC-JAR-03-1', 25, 400); // over a year, never sold
      const variantOf = async (sku: string) =>
        (
          await trx
            .selectFrom('variants')
            .select('id')
            .where('shop_id', '=', shopId)
            .where('sku', '=', sku)
            .executeTakeFirstOrThrow()
        ).id;
      const sell = async (sku: string, quantity: number, days: number) =>
        postMovement(trx, shopId, systemActor, {
          variantId: await variantOf(sku),
          warehouseId: fac.id,
          kind: 'shipment',
          onHand: -quantity,
          at: ago(days),
        });
      for (const d of [9, 6, 3]) await sell('LC-JAR-01-1', 5, d);
      await sell('LC-JAR-02-1', 1, 20);
    });
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const byId = (id: string) => page.getByTestId(id);

  it('shows ageing charts, sell-through and the clearance list, reached from the menu', async () => {
    await page.goto('/admin/login');
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(/\/products/);
    await byId('menu-stock-ageing').click();
    await page.waitForURL(/\/stock\/ageing$/);
    await expect.poll(() => text(byId('ageing-total-units'))).toContain('79');
    expect(await byId('ageing-units-chart').locator('canvas').count()).toBeGreaterThan(0);
    expect(await byId('ageing-value-chart').locator('canvas').count()).toBeGreaterThan(0);
    const table = byId('ageing-skus-table');
    await expect.poll(() => text(table)).toContain('LC-JAR-01-1');
    expect(await text(table)).toContain('no sales');
    const href = await byId('ageing-export').getAttribute('href');
    expect(href).toContain(`/api/shops/${shop}/stock/ageing/export?asOf=`);
    await screenshot(page, 'ageing-en');

    await byId('ageing-clearance-tab').click();
    await expect.poll(() => text(byId('ageing-action-LC-JAR-03-1'))).toBe('Write off');
    expect(await text(byId('ageing-action-LC-JAR-02-1'))).toMatch(/^Clearance price −\d+%$/);
    expect(await text(byId('ageing-clearance-table'))).not.toContain('LC-JAR-01-1');
    await screenshot(page, 'ageing-clearance-en');
  });

  it('speaks Chinese after switching the language', async () => {
    await byId('lang-switch').click();
    await expect.poll(() => text(page.locator('h3').first())).toBe('滞销库存与库龄');
    await expect.poll(() => text(byId('ageing-action-LC-JAR-03-1'))).toBe('报废核销');
    await screenshot(page, 'ageing-zh');
    expect(pageErrors).toEqual([]);
  });
});
