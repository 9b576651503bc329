/**
 * Channel stock (available-to-sell) in a real browser: an Amazon account with a 2-pack mapping,
 * the rules form changes the quantity shown, "push" without a connector says to use the file,
 * the downloaded Amazon file has the template header, and "mark uploaded" puts the row in sync.
 * Screenshots land in test-results/ (English and Chinese).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.skipIf(!run)('channel stock page in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  let account: string;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;
  const shopBase = `/admin/shops/${shop}`;
  const S = `/api/shops/${shop}`;
  const SKU = 'AMZ-JAR-2PK';

  const apiQuantity = async () => {
    const res = await api.request('GET', `${S}/channel-accounts/${account}/available-stock?sku=${SKU}`);
    return res.json().items[0] as { quantity: number; pool: number; changed: boolean };
  };

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const wh = await api.request('POST', `${S}/warehouses`, {
      code: 'ATS-FAC',
      name: 'ATS factory',
      kind: 'factory',
      country: 'CN',
    });
    expect(wh.statusCode, wh.body).toBe(201);
    const receipt = await api.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh.json().id,
      lines: [{ sku: 'LC-JAR-01-1', quantity: 12 }],
    });
    expect(receipt.statusCode, receipt.body).toBeLessThan(300);
    const acc = await api.request('POST', `${S}/channel-accounts`, { channel: 'amazon', name: 'Amazon ATS' });
    expect(acc.statusCode, acc.body).toBe(201);
    account = acc.json().id;
    const map = await api.request('POST', `${S}/sku-mappings`, {
      channelAccountId: account,
      channelSku: SKU,
      components: [{ sku: 'LC-JAR-01-1', quantity: 2 }],
    });
    expect(map.statusCode, map.body).toBe(201);
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
  const row = () => page.locator(`[data-testid="channel-stock-row"][data-sku="${SKU}"]`);

  it('shows the channel SKU with the quantity to show, and the rules change it', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/channels/${account}/stock`);
    const before = await apiQuantity();
    expect(before.pool).toBeGreaterThanOrEqual(6);
    await expect.poll(() => text(row().getByTestId('channel-stock-quantity'))).toBe(String(before.quantity));
    await expect.poll(() => row().getByTestId('channel-stock-changed').count()).toBe(1);

    await byId('channel-stock-buffer-units').fill('2');
    await byId('channel-stock-save-rules').click();
    await expect.poll(async () => (await apiQuantity()).quantity).toBe(before.pool - 2);
    await expect.poll(() => text(row().getByTestId('channel-stock-quantity'))).toBe(String(before.pool - 2));
    await screenshot(page, 'channel-stock-en');
  });

  it('push without a connector points to the file; the file is downloaded and marked uploaded', async () => {
    await byId('channel-stock-push').click();
    await byId('channel-stock-no-connector').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byId('channel-stock-download-amazon').click(),
    ]);
    const body = await readFile((await download.path())!, 'utf8');
    const lines = body.split('\r\n');
    expect(lines[0]).toBe(
      'sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\tfulfillment-channel',
    );
    const q = (await apiQuantity()).quantity;
    expect(lines).toContain(`${SKU}\t\t\t\t${q}\t\t`);

    await byId('channel-stock-mark-uploaded').first().waitFor();
    await byId('channel-stock-mark-uploaded').first().click();
    await expect.poll(async () => (await apiQuantity()).changed).toBe(false);
    await expect.poll(() => row().getByTestId('channel-stock-changed').count()).toBe(0);
  });

  it('is translated into Chinese', async () => {
    await byId('lang-switch').click();
    await page.waitForTimeout(500);
    const body = await text(page.locator('body'));
    expect(body).toContain('可售库存');
    expect(body).not.toMatch(/availability\.[a-zA-Z]/);
    await screenshot(page, 'channel-stock-zh');
    expect(pageErrors).toEqual([]);
  });
});
