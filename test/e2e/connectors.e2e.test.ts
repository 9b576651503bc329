/**
 * The channel API connection page in a real browser against the real server and the local Amazon
 * SP-API simulator: enter credentials (then only masks are shown), sync now, see the run; then
 * the same page in Chinese. Screenshots land in test-results/ (connectors-*.png).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AmazonSimulator, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
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

const creds = {
  clientId: 'amzn1.application-oa2-client.e2e',
  clientSecret: 'amzn1.oa2-cs.v1.e2e-secret-0000',
  refreshToken: 'Atzr|e2e-refresh-token-9z8y',
  sellerId: 'A3E2ESELLER',
  marketplaceId: 'ATVPDKIKX0DER',
};

describe.skipIf(!run)('channel API connection page in a real browser', () => {
  let server: E2EServer;
  let sim: AmazonSimulator;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  let accountId: string;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;

  beforeAll(async () => {
    sim = await startAmazonSimulator(creds);
    sim.orders.set('114-0000001-0000001', {
      AmazonOrderId: '114-0000001-0000001',
      PurchaseDate: new Date(Date.now() - 7_200_000).toISOString(),
      LastUpdateDate: new Date(Date.now() - 3_600_000).toISOString(),
      OrderStatus: 'Unshipped',
      FulfillmentChannel: 'MFN',
      MarketplaceId: creds.marketplaceId,
      OrderTotal: { CurrencyCode: 'USD', Amount: '18.00' },
      PaymentMethod: 'Other',
      ShippingAddress: {
        Name: 'Mia Chen',
        AddressLine1: '9 Oak Ave',
        City: 'Seattle',
        StateOrRegion: 'WA',
        PostalCode: '98101',
        CountryCode: 'US',
      },
      BuyerInfo: {},
      items: [
        {
          OrderItemId: 'x1',
          SellerSKU: 'LC-JAR-01-1',
          ASIN: 'B0E2E',
          Title: 'Candle',
          QuantityOrdered: 1,
          ItemPrice: { CurrencyCode: 'USD', Amount: '18.00' },
          ItemTax: { CurrencyCode: 'USD', Amount: '0.00' },
        },
      ],
    });
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const account = await api.request('POST', `/api/shops/${shop}/channel-accounts`, {
      channel: 'amazon',
      name: 'Amazon US API',
      marketplace: 'ATVPDKIKX0DER',
    });
    expect(account.statusCode, account.body).toBe(201);
    accountId = account.json().id;
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  const byId = (id: string) => page.getByTestId(id);

  it('saves credentials (shown masked afterwards), syncs now and lists the run', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**/admin/shops/${shop}/products`);
    await page.goto(`/admin/shops/${shop}/channels/${accountId}/connection`);
    await byId('credentials-form').waitFor();
    expect(await byId('connection-status').textContent()).toContain('Not connected');
    await byId('credential-clientId').fill(creds.clientId);
    await byId('credential-clientSecret').fill(creds.clientSecret);
    await byId('credential-refreshToken').fill(creds.refreshToken);
    await byId('credential-sellerId').fill(creds.sellerId);
    await byId('credential-region').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'North America' }).first().click();
    await byId('credential-marketplaceId').fill(creds.marketplaceId);
    await byId('credential-endpoint').fill(sim.url);
    await byId('credential-lwaUrl').fill(`${sim.url}/auth/o2/token`);
    await byId('save-credentials').click();
    await page.getByText('Credentials saved').waitFor();
    expect(await byId('connection-status').textContent()).toContain('Connected');
    // The secret inputs are empty again; only the mask shows, as a placeholder.
    expect(await byId('credential-refreshToken').inputValue()).toBe('');
    expect(await byId('credential-refreshToken').getAttribute('placeholder')).toBe('saved: ••••9z8y');
    expect(await page.content()).not.toContain(creds.clientSecret);
    await byId('sync-now').click();
    await page.getByText('Sync OK: 1 created').waitFor();
    await byId('sync-runs-table').getByText('Sync now').first().waitFor();
    await screenshot(page, 'connectors-connection-en');
    expect(pageErrors).toEqual([]);
  });

  it('shows the page in Chinese', async () => {
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'zh-CN' })).statusCode).toBe(200);
    await page.evaluate(() => localStorage.setItem('cunkou.locale', 'zh-CN'));
    await page.goto(`/admin/shops/${shop}/channels/${accountId}/connection`);
    await page.getByText('API 连接').first().waitFor();
    await page.getByText('立即同步').first().waitFor();
    await screenshot(page, 'connectors-connection-zh');
    expect(pageErrors).toEqual([]);
  });
});
