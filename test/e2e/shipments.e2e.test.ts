/**
 * Shipments in a real browser against the real server: from a paid order's page through the
 * wizard to a shipment, its own label, batch label printing (a PDF answer), then scan-to-ship by
 * typing the number and Enter, and the order is shipped. Screenshots: test-results/shipments-*.png.
 */
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoLogistics } from '../../src/domains/logistics/index.ts';
import { findShopBySlug } from '../../src/domains/shops/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, login } from '../support/test-app.ts';
import {
  antdSettled,
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

describe.skipIf(!run)('shipments admin in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;
  const S = `/api/shops/${shop}`;
  const shopBase = `/admin/shops/${shop}`;
  const SKU = 'LC-JAR-01-1';
  let orderId: string;
  let number: string;

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const shopRow = await findShopBySlug(server.t.deps.database.db, shop);
    const services = (await api.request('GET', `${S}/logistics/services`)).json().items;
    if (!services.length)
      await withShop(server.t.deps.database.db, shopRow!.id, (trx) => seedDemoLogistics(trx, shopRow!.id));
    // Scenery through the API: stock received, a sender, a paid order to the US.
    const wh = await api.request('POST', `${S}/warehouses`, {
      code: 'SHIP-WH',
      name: 'Shipping dock',
      kind: 'domestic_3pl',
      country: 'CN',
    });
    expect(wh.statusCode, wh.body).toBe(201);
    const receipt = await api.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh.json().id,
      lines: [{ sku: SKU, quantity: 5 }],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const sender = await api.request('POST', `${S}/shipping/senders`, {
      name: 'Li Wei',
      nameZh: '李伟',
      company: 'Lumen Candles',
      line1: 'No. 8 Futian Road',
      addressZh: '浙江省义乌市福田路8号',
      city: 'Yiwu',
      postcode: '322000',
      country: 'CN',
      phone: '+8657912345678',
    });
    expect(sender.statusCode, sender.body).toBe(201);
    const account = await api.request('POST', `${S}/channel-accounts`, {
      channel: 'own_store',
      name: 'Web store',
    });
    const order = await api.request('POST', `${S}/orders`, {
      channelAccountId: account.json().id,
      externalId: 'WEB-SHIP-1',
      status: 'paid',
      currency: 'USD',
      buyer: { name: 'Jane Doe', email: 'jane@example.com' },
      shipTo: {
        name: 'Jane Doe',
        line1: '500 Market Street',
        city: 'San Francisco',
        state: 'CA',
        postcode: '94105',
        country: 'US',
      },
      lines: [{ sku: SKU, quantity: 2, unitPriceMinor: 1299 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    orderId = order.json().id;

    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (page && !page.isClosed()) {
        const path = await screenshot(page, `FAILED-shipments-${task.name.replace(/[^\w-]+/g, '_')}`).catch(
          () => '',
        );
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);

  it('creates a shipment from the paid order through the wizard', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/orders/${orderId}`);
    await byId('order-create-shipment').click();
    await page.waitForURL(`**${shopBase}/shipments?order=*`);
    await byId('wizard-orders').waitFor();
    await antdSettled(page);
    await screenshot(page, 'shipments-01-wizard-orders');
    await byId('wizard-next').click();
    await page.getByText('Left to ship').waitFor();
    await screenshot(page, 'shipments-02-wizard-parcels');
    await byId('wizard-next').click();
    await byId('wizard-services').waitFor();
    await screenshot(page, 'shipments-03-wizard-service');
    await byId('wizard-next').click();
    await byId('wizard-create').click();
    await page.waitForURL(/\/shipments\/[0-9a-f-]{36}$/);
    number = await text(byId('shipment-number'));
    expect(number).toMatch(/^CK\d{12}$/);
    expect(await text(byId('shipment-status'))).toBe('Packed');
    await screenshot(page, 'shipments-04-detail-packed');
  });

  it('makes the label and prints labels from the list as one PDF', async () => {
    await byId('shipment-label').click();
    await expect.poll(() => text(byId('shipment-status'))).toBe('Labelled');
    await page.goto(`${shopBase}/shipments`);
    const row = page.locator('tr', { has: byId('shipment-link').filter({ hasText: number }) });
    await row.locator('.ant-checkbox-input').check();
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/shipments/documents/labels') && r.request().method() === 'POST',
      ),
      byId('bulk-print-labels').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toBe('inline; filename="labels-1.pdf"');
    expect(Number(response.headers()['content-length'])).toBeGreaterThan(1000);
    // The same request through the API: a real PDF with one 100×150 mm page.
    const same = await api.request('POST', `${S}/shipments/documents/labels`, { ids: [number] });
    const pdf = await PDFDocument.load(same.rawPayload);
    expect(pdf.getPageCount()).toBe(1);
    expect(Math.round(pdf.getPage(0).getWidth() / (72 / 25.4))).toBe(100);
    await screenshot(page, 'shipments-05-list');
  });

  it('scans the number to ship it; the order is shipped; a second scan says already shipped', async () => {
    await byId('scan-to-ship-link').click();
    await page.waitForURL(`**${shopBase}/shipments/scan`);
    const input = byId('scan-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(number);
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('scan-result').getAttribute('data-outcome')).toBe('shipped');
    expect(await text(byId('scan-result'))).toContain(`${number} shipped`);
    // The input keeps the focus: the next scan needs no click.
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(number);
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('scan-result').getAttribute('data-outcome')).toBe('already_shipped');
    await page.keyboard.type(`${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('scan-result').getAttribute('data-outcome')).toBe('typo');
    expect(await byId('scan-log').locator('tbody tr').count()).toBe(3);
    await screenshot(page, 'shipments-06-scan');
    const order = (await api.request('GET', `${S}/orders/${orderId}`)).json();
    expect(order.status).toBe('shipped');
    const detail = (await api.request('GET', `${S}/shipments/lookup/${number}`)).json();
    expect(detail.status).toBe('shipped');
    expect(pageErrors).toEqual([]);
  });
});
