/**
 * The admin in a real browser against the real server: log in, switch to Chinese, create a product
 * with a variant and a German translation, find it in the list, import a GBK CSV with Chinese
 * headers, and see the German titles on the public storefront.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { login } from '../support/test-app.ts';
import {
  browserAvailable,
  DEMO_LOGIN,
  type E2EServer,
  launchBrowser,
  newContext,
  resultsDir,
  screenshot,
  startServer,
} from './support.ts';

const PRODUCT = {
  title: '竹编收纳篮手工款',
  sku: 'E2E-BAMBOO-01',
  price: '19.90',
  cost: '12.50',
  weight: '300',
  germanTitle: 'Handgeflochtener Bambus-Aufbewahrungskorb',
};

/** A seller's ERP export: Chinese headers, GBK bytes, one bad row (cost is not a number). */
const IMPORT_HEADERS = ['款号', '标题', 'SKU', '成本价', '重量(g)', '海关编码', '原产国'];
const IMPORT_ROWS = [
  ['IMP-TEA-01', '紫砂茶壶', 'IMP-TEA-01-S', '35.00', '420', '6912000000', 'CN'],
  ['IMP-TEA-01', '紫砂茶壶', 'IMP-TEA-01-L', '48.00', '610', '6912000000', 'CN'],
  ['IMP-FAN-01', '真丝团扇', 'IMP-FAN-01-A', '22.50', '90', '4602190000', 'CN'],
  ['IMP-BAD-01', '坏数据样品', 'IMP-BAD-01-A', '十二块', '100', '6912000000', 'CN'],
];

const run = browserAvailable();

/** The text a user sees (Playwright's innerText, not the DOM property the lint rule is about). */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright Locator API, rendered text is the point
const text = (locator: Locator) => locator.innerText();

describe.skipIf(!run)('admin in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const shopBase = `/admin/shops/${DEMO_LOGIN.shop}`;

  beforeAll(async () => {
    const started = Date.now();
    server = await startServer();
    // The account prefers English (a fresh browser follows the account), so the UI starts in
    // English and the test itself switches to Chinese.
    const api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    const patched = await api.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(patched.statusCode).toBe(200);
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    console.log(
      `[cunkou e2e] server + demo shop + browser ready in ${Date.now() - started} ms at ${server.baseUrl}`,
    );
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (page && !page.isClosed()) {
        const path = await screenshot(page, `FAILED-${task.name.replace(/[^\w-]+/g, '_')}`).catch(() => '');
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);

  /** Open an antd Select (its root carries the testid) and click the option whose text contains `text`. */
  async function choose(select: Locator, text: string) {
    await select.click();
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: text });
    await option.first().click();
  }

  const tableRows = () => byId('product-table').locator('tbody tr.ant-table-row');

  /** Type into the debounced list search; wait until it is in the URL and the table shows `rows` rows. */
  async function search(query: string, rows: number) {
    await byId('product-search').fill(query);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
    await expect.poll(() => byId('product-table').locator('.ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => tableRows().count()).toBe(rows);
    return tableRows();
  }

  it('rejects a wrong password with the error message', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill('not-the-password');
    await byId('login-submit').click();
    const alert = byId('api-error');
    await alert.waitFor();
    expect(await text(alert)).toContain('Wrong email or password');
    expect(page.url()).toMatch(/\/admin\/login/);
    await screenshot(page, '01-login-wrong-password');
  });

  it('logs in and lands on the product list', async () => {
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await byId('product-table').locator('tbody tr').first().waitFor();
    expect(await text(byId('menu-products'))).toBe('Products');
  });

  it('switches to Chinese and remembers it after a reload', async () => {
    const lang = byId('lang-switch');
    expect(await text(lang)).toContain('中文');
    await lang.click();
    await expect.poll(() => text(byId('menu-products'))).toBe('产品');
    expect(await text(lang)).toContain('English');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The choice is also stored on the account (PATCH /api/auth/me).
    await expect
      .poll(
        async () =>
          ((await (await context.request.get('/api/auth/me')).json()) as { user: { locale: string } }).user
            .locale,
      )
      .toBe('zh-CN');

    await page.reload();
    await byId('menu-products').waitFor();
    expect(await text(byId('menu-products'))).toBe('产品');
    expect(await page.evaluate(() => localStorage.getItem('cunkou.locale'))).toBe('zh-CN');
    await byId('product-table').locator('tbody tr').first().waitFor();
    await screenshot(page, '02-products-zh');
  });

  it('creates a product with a variant', async () => {
    await byId('new-product').click();
    await page.waitForURL(`**${shopBase}/products/new`);
    await byId('product-title').fill(PRODUCT.title);
    await choose(byId('product-status'), '在售');

    await page.getByRole('tab', { name: '规格与变体' }).click();
    await byId('variant-sku-0').fill(PRODUCT.sku);
    await byId('variant-price-0').fill(PRODUCT.price);
    await byId('variant-cost-0').fill(PRODUCT.cost);
    await byId('variant-weight-0').fill(PRODUCT.weight);
    await screenshot(page, '03-product-variant');

    await byId('save-product').click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}(\?|$)/);
    await page.getByText('产品已创建').first().waitFor();
    // The editor now shows the saved product (its title is the page heading).
    await page.getByRole('heading', { name: PRODUCT.title }).waitFor();
  });

  it('adds a reviewed German translation', async () => {
    await page.getByRole('tab', { name: '多语言' }).click();
    const locale = byId('translation-locale');
    await locale.waitFor();
    await choose(locale, '(de)');
    const title = byId('translation-value-title');
    await title.fill(PRODUCT.germanTitle);
    await byId('save-translations').click();
    await page.getByText('翻译已保存').first().waitFor();

    const titleRow = page.locator('tr', { has: byId('translation-value-title') });
    const tag = titleRow.locator('[data-status]');
    await expect.poll(() => tag.getAttribute('data-status')).toBe('reviewed');
    expect(await text(tag)).toBe('已审核');
    expect(await title.inputValue()).toBe(PRODUCT.germanTitle);
    await screenshot(page, '04-translation-de-reviewed');
  });

  it('finds the product in the list by Chinese title and by SKU', async () => {
    await byId('menu-products').click();
    await page.waitForURL(`**${shopBase}/products`);

    const byTitle = await search(PRODUCT.title, 1);
    expect(await text(byTitle.first())).toContain(PRODUCT.title);
    expect(await text(byTitle.first())).toContain(PRODUCT.sku);

    const bySku = await search(PRODUCT.sku, 1);
    expect(await text(bySku.first())).toContain(PRODUCT.title);
    await screenshot(page, '05-search-by-sku');
  });

  it('imports a GBK CSV with Chinese headers, keeping the valid rows', async () => {
    const csv = [IMPORT_HEADERS, ...IMPORT_ROWS].map((r) => r.join(',')).join('\r\n');
    const file = join(resultsDir, 'import-gbk.csv');
    const bytes = iconv.encode(`${csv}\r\n`, 'gbk');
    // Really GBK, not UTF-8: the header 款号 is two bytes per character.
    expect(bytes.subarray(0, 4)).toEqual(iconv.encode('款号', 'gbk'));
    await writeFile(file, bytes);

    await byId('menu-import').click();
    await page.waitForURL(`**${shopBase}/import`);
    await page.setInputFiles('[data-testid=import-file]', file);
    const detected = byId('import-detected');
    await detected.waitFor();
    const detectedText = await text(detected);
    expect(detectedText).toMatch(/gb/i);
    expect(detectedText).toContain('款号');
    expect(detectedText).toContain('紫砂茶壶');

    await byId('import-next').click();
    // Mapping: the Chinese headers are recognised without any clicks.
    await byId('import-map-0').waitFor();
    expect(await text(byId('import-map-0'))).toContain('款号');
    expect(await text(byId('import-map-2'))).toContain('SKU');
    await screenshot(page, '06-import-mapping');
    await byId('import-next').click();

    const preview = byId('import-preview');
    await preview.waitFor();
    await byId('import-errors').waitFor();
    expect(await text(byId('import-errors'))).toContain('成本价');
    await byId('import-mode-valid').click();
    await byId('import-commit').click();

    const result = byId('import-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-status')).toBe('done');
    const stats = result.locator('.ant-statistic');
    const stat = async (label: string) =>
      (await text(stats.filter({ hasText: label }).locator('.ant-statistic-content'))).trim();
    expect(await stat('新建')).toBe('3');
    expect(await stat('失败')).toBe('1');
    await screenshot(page, '07-import-result');

    await byId('menu-products').click();
    await page.waitForURL(`**${shopBase}/products`);
    const teapot = await search('紫砂茶壶', 1);
    expect(await text(teapot.first())).toContain('紫砂茶壶');
    expect(await text(teapot.first())).toContain('IMP-TEA-01-S');
    const fan = await search('真丝团扇', 1);
    expect(await text(fan.first())).toContain('IMP-FAN-01-A');
    // The bad row was left out.
    await search('坏数据样品', 0);
    await page.locator('.ant-table-placeholder').waitFor();
  });

  it('shows a paid order in the inbox, on hold when stock is short, and the stock it reserved', async () => {
    // Set up through the API what a seller would have: a factory warehouse with 1 unit, a
    // Facebook account, and two paid orders of 1 unit each for the same SKU.
    const api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    const S = `/api/shops/${DEMO_LOGIN.shop}`;
    const wh = await api.request('POST', `${S}/warehouses`, {
      code: 'FAC',
      name: 'Factory',
      kind: 'factory',
      country: 'CN',
    });
    expect(wh.statusCode, wh.body).toBe(201);
    const receipt = await api.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh.json().id,
      lines: [{ sku: 'LC-JAR-01-1', quantity: 1 }],
    });
    expect(receipt.statusCode, receipt.body).toBeLessThan(300);
    const account = await api.request('POST', `${S}/channel-accounts`, {
      channel: 'facebook',
      name: 'FB 群',
    });
    const order = (externalId: string) =>
      api.request('POST', `${S}/orders`, {
        channelAccountId: account.json().id,
        externalId,
        status: 'paid',
        currency: 'USD',
        buyer: { name: 'Ann Lee' },
        shipTo: { line1: '1 Main St', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
        lines: [{ sku: 'LC-JAR-01-1', quantity: 1, unitPriceMinor: 1599 }],
      });
    expect((await order('FB-E2E-1')).statusCode).toBe(201);
    expect((await order('FB-E2E-2')).statusCode).toBe(201);

    await page.goto(`${shopBase}/orders`);
    const rows = byId('orders-table').getByTestId('order-row');
    await expect.poll(() => rows.count()).toBe(2);
    const inbox = await text(byId('orders-table'));
    expect(inbox).toContain('FB-E2E-1');
    expect(inbox).toContain('US$15.99');
    expect(inbox).toContain('库存不足'); // the second order waits for stock instead of overselling
    await screenshot(page, '09-orders-inbox');

    await page.goto(`${shopBase}/stock`);
    const stock = byId('stock-table');
    await expect.poll(async () => text(stock)).toContain('LC-JAR-01-1');
    const row = stock.locator('tr', { hasText: 'LC-JAR-01-1' });
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    // Columns: SKU, warehouse, on hand, reserved, in transit, available, …
    expect(cells.slice(2, 6)).toEqual(['1', '1', '0', '0']);
    await screenshot(page, '10-stock');
  });

  it('shows German titles on the public storefront', async () => {
    await page.goto(`/s/${DEMO_LOGIN.shop}?lang=de`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    const body = await text(page.locator('body'));
    expect(body).toContain(PRODUCT.germanTitle);
    expect(body).toContain('Lumière Duftkerze im Glas aus Sojawachs Lavendel');
    expect(body).not.toContain(PRODUCT.title);
    await screenshot(page, '08-storefront-de');
  });

  it('had no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
