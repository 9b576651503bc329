/**
 * The orders and stock admin in a real browser against the real server: add a channel account,
 * import an Amazon All Orders file through the wizard (preview counts, then import), tag two
 * orders at once, receive stock, ship and receive a head-haul transfer with a short line, and count
 * a warehouse with a variance and apply it. Screenshots land in test-results/ (English and Chinese).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { amazonAllOrdersHeaders, amazonLine, csv, tiktokHeaders, tsv } from '../fixtures/orders/files.ts';
import { type Client, login } from '../support/test-app.ts';
import {
  antdSettled,
  browserAvailable,
  DEMO_LOGIN,
  type E2EServer,
  launchBrowser,
  newContext,
  resultsDir,
  screenshot,
  startServer,
} from './support.ts';

const run = browserAvailable();

/** Vitest polls for 1 s by default; a server shared with other work needs longer. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

// biome-ignore lint/performance/useDomNodeTextContent: Playwright Locator API, rendered text is the point
const text = (locator: Locator) => locator.innerText();

/** Two good orders (one with two lines) and one with a negative quantity, as Amazon writes them. */
const AMAZON_FILE = tsv(amazonAllOrdersHeaders, [
  amazonLine({ 'amazon-order-id': '113-1000001-0000001', sku: 'LC-JAR-01-1', quantity: '2' }),
  amazonLine({ 'amazon-order-id': '113-1000001-0000001', sku: 'LC-JAR-01-2', quantity: '1' }),
  amazonLine({ 'amazon-order-id': '113-1000002-0000002', sku: 'LC-JAR-02-1', 'ship-country': 'CA' }),
  amazonLine({ 'amazon-order-id': '113-1000003-0000003', sku: 'LC-JAR-02-1', quantity: '-1' }),
]);

describe.skipIf(!run)('orders and stock admin in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;
  const shopBase = `/admin/shops/${shop}`;
  const warehouses: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    // Warehouses are set up through their own (older) screen; here they are the scenery.
    for (const [code, kind, country] of [
      ['FAC', 'factory', 'CN'],
      ['US-3PL', 'overseas_3pl', 'US'],
    ] as const) {
      const res = await api.request('POST', `/api/shops/${shop}/warehouses`, {
        code,
        name: `${code} warehouse`,
        kind,
        country,
      });
      expect(res.statusCode, res.body).toBe(201);
      warehouses[code] = res.json().id;
    }
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

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (page && !page.isClosed()) {
        const path = await screenshot(page, `FAILED-ops-${task.name.replace(/[^\w-]+/g, '_')}`).catch(
          () => '',
        );
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);
  const openDropdown = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

  /** Open an antd Select (its root carries the testid) and click the option whose text contains `text`. */
  async function choose(select: Locator, option: string) {
    await settled();
    await select.click();
    await settled();
    await openDropdown().locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await closed();
  }

  const settled = () => antdSettled(page);

  /** A closing dropdown stays in the DOM a moment; the next Select must not click into it. */
  const closed = () => poll(() => openDropdown().count()).toBe(0);

  /** The SKU picker searches the catalog as you type; pick the exact SKU. */
  async function pickSku(testId: string, sku: string) {
    const select = byId(testId);
    await settled();
    await select.click();
    await select.locator('input').fill(sku);
    // Wait for the search answer (only this product's SKUs listed): clicking an option of the
    // first, unfiltered list can hit it just as the list is replaced.
    const options = openDropdown().locator('.ant-select-item-option');
    const product = sku.replace(/-\d+$/, '');
    await poll(async () => {
      const all = await options.allInnerTexts();
      return all.length > 0 && all.every((o) => o.startsWith(product));
    }).toBe(true);
    await settled();
    await options
      .filter({ hasText: `${sku} —` })
      .first()
      .click();
    await closed();
  }

  const level = async (sku: string, code: string) => {
    const res = await api.request(
      'GET',
      `/api/shops/${shop}/stock?sku=${sku}&warehouseId=${warehouses[code]}`,
    );
    return res.json().items[0] as { onHand: number; inTransit: number; available: number } | undefined;
  };

  it('logs in and adds an Amazon channel account on the channels page', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await byId('menu-channels').click();
    await page.waitForURL(`**${shopBase}/channels`);
    await byId('channel-new').click();
    await choose(byId('channel-channel'), 'Amazon');
    await byId('channel-name').fill('Amazon US');
    await byId('channel-marketplace').fill('US');
    await byId('channel-save').click();
    const row = byId('channel-row').filter({ hasText: 'Amazon US' });
    await row.waitFor();
    expect(await text(row)).toContain('US');
    // Amazon and Shopee accounts link to their API connection page; every account to channel stock.
    await row.getByTestId('channel-connection-link').waitFor();
    expect(await row.getByTestId('channel-stock-link').getAttribute('href')).toMatch(
      /\/channels\/[\w-]+\/stock$/,
    );
    // Renaming keeps the channel.
    await row.getByTestId('channel-edit').click();
    await byId('channel-name').fill('Amazon US main');
    await byId('channel-save').click();
    await byId('channel-row').filter({ hasText: 'Amazon US main' }).waitFor();
    await screenshot(page, 'ops-01-channels');
  });

  it('imports an Amazon All Orders file: preview shows the counts, then import', async () => {
    const file = join(resultsDir, 'All Orders e2e.txt');
    await writeFile(file, AMAZON_FILE);
    await page.goto(`${shopBase}/orders`);
    await byId('orders-import-link').click();
    await page.waitForURL(`**${shopBase}/orders/import`);
    await choose(byId('import-account'), 'Amazon US main');
    // The account's channel picks the format.
    expect(await text(byId('import-format'))).toContain('All Orders');
    await page.locator('input[type=file]').setInputFiles(file);
    await byId('import-preview').click();
    const preview = byId('import-preview-report');
    await preview.waitFor();
    const count = async (id: string) => Number(await byId(id).getAttribute('data-count'));
    expect(await count('import-preview-report-created')).toBe(2);
    expect(await count('import-preview-report-failed')).toBe(1);
    expect(await text(byId('import-preview-report-errors'))).toMatch(/quantity/i);
    expect(await text(byId('import-preview-report-sample'))).toContain('113-1000001-0000001');
    await screenshot(page, 'ops-02-import-preview');
    // Nothing is saved by a preview.
    const before = await api.request('GET', `/api/shops/${shop}/orders?channel=amazon`);
    expect(before.json().items).toHaveLength(0);

    await byId('import-mode-valid').click();
    await byId('import-run').click();
    await byId('import-done').waitFor();
    expect(await count('import-result-created')).toBe(2);
    expect(await count('import-result-failed')).toBe(1);
    await screenshot(page, 'ops-03-import-result');
    const after = await api.request('GET', `/api/shops/${shop}/orders?channel=amazon`);
    expect(after.json().items).toHaveLength(2);
  });

  it('says which channel a wrong file looks like, in the server’s words', async () => {
    await byId('import-again').click();
    // A TikTok Shop export (its real header row) uploaded as Amazon.
    const file = join(resultsDir, 'not-amazon.csv');
    await writeFile(file, csv(tiktokHeaders, []));
    await choose(byId('import-account'), 'Amazon US main');
    await page.locator('input[type=file]').setInputFiles(file);
    await byId('import-preview').click();
    const alert = byId('server-worded-error').or(byId('api-error'));
    await alert.first().waitFor();
    const message = await text(alert.first());
    expect(message).toContain('not-amazon.csv');
    expect(message).toMatch(/looks like the TikTok/i);
    expect(message).not.toContain('Make sure it is a valid .xlsx');
    await screenshot(page, 'ops-03a-wrong-file');
  });

  it('previews a generic file with a column mapping made from its headers', async () => {
    await choose(byId('import-format'), 'Other platform');
    const file = join(resultsDir, 'wholesale-orders.csv');
    await writeFile(
      file,
      'Order No,Order Date,Item SKU,Qty,Price,Currency\nWS-1,2026-11-18 09:30,LC-JAR-03-1,4,8.50,EUR\n',
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await byId('import-new-mapping').click();
    await byId('mapping-name').fill('Wholesale sheet');
    for (const [field, header] of [
      ['orderId', 'Order No'],
      ['purchasedAt', 'Order Date'],
      ['sku', 'Item SKU'],
      ['quantity', 'Qty'],
      ['unitPrice', 'Price'],
      ['currency', 'Currency'],
    ] as const) {
      await byId(`mapping-${field}`).locator('input').fill(header);
    }
    await byId('mapping-name').click(); // closes the last header suggestion list
    await screenshot(page, 'ops-03b-generic-mapping');
    await byId('mapping-save').click();
    await poll(() => text(byId('import-mapping'))).toContain('Wholesale sheet');
    await byId('import-preview').click();
    await byId('import-preview-report').waitFor();
    expect(Number(await byId('import-preview-report-created').getAttribute('data-count'))).toBe(1);
    expect(await text(byId('import-preview-report-sample'))).toContain('WS-1');
    // Only previewed: the next test counts the two Amazon orders.
    await byId('import-back').click();
  });

  it('tags two orders at once from the inbox', async () => {
    await page.goto(`${shopBase}/orders?channel=amazon`);
    const rows = byId('orders-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(2);
    await byId('bulk-select-matching').click();
    await poll(() => text(byId('bulk-count'))).toContain('2');
    await byId('bulk-add-tags').click();
    const tags = byId('bulk-tags-input');
    await tags.locator('input').fill('wholesale');
    await tags.locator('input').press('Enter');
    await byId('bulk-apply').click();
    await poll(() => byId('order-tags').count()).toBe(2);
    expect(await text(byId('order-tags').first())).toContain('wholesale');
    const res = await api.request('GET', `/api/shops/${shop}/orders?channel=amazon`);
    for (const o of res.json().items) expect(o.tags).toContain('wholesale');

    // One order completed elsewhere meanwhile: a move legal for the other is refused for it,
    // and the refusal is listed per order, not silently skipped.
    const ca = res.json().items.find((o: { country: string }) => o.country === 'CA');
    const done = await api.request('POST', `/api/shops/${shop}/orders/${ca.id}/status`, {
      status: 'completed',
    });
    expect(done.statusCode, done.body).toBe(200);
    await page.reload();
    await poll(() => rows.count()).toBe(2);
    for (const check of await rows.locator('.ant-checkbox-input').all()) await check.check();
    await byId('bulk-status').click();
    await choose(byId('bulk-status-select'), 'Delivered');
    await byId('bulk-apply').click();
    await byId('bulk-refusals').waitFor();
    const refusals = await text(byId('bulk-refusals'));
    expect(refusals).toMatch(/Not changed: 1/);
    expect(refusals).toContain('113-1000002-0000002');
    expect(refusals).toContain('cannot go from Completed to Delivered');
    await poll(() => rows.filter({ hasText: '113-1000001-0000001' }).getAttribute('data-status')).toBe(
      'delivered',
    );
    await screenshot(page, 'ops-04-inbox-bulk');

    // Put both on a compliance hold, then lift it again.
    const held = async () =>
      (await api.request('GET', `/api/shops/${shop}/orders?hold=compliance`)).json().items.length;
    for (const check of await rows.locator('.ant-checkbox-input').all()) await check.check();
    await byId('bulk-add-hold').click();
    await choose(byId('bulk-hold-select'), 'Compliance check');
    await byId('bulk-apply').click();
    await poll(held).toBe(2);
    await poll(() => rows.locator('[data-hold=compliance]').count()).toBe(2);
    expect(await text(rows.locator('[data-hold=compliance]').first())).toBe('Compliance check');
    for (const check of await rows.locator('.ant-checkbox-input').all()) await check.check();
    await byId('bulk-release-hold').click();
    await choose(byId('bulk-hold-select'), 'Compliance check');
    await byId('bulk-apply').click();
    await poll(held).toBe(0);
  });

  it('receives stock with a lot and a reference', async () => {
    await page.goto(`${shopBase}/stock?tab=receipts`);
    await choose(byId('receipt-warehouse'), 'FAC');
    await byId('receipt-reference').fill('PO-2026-118');
    await pickSku('receipt-sku-0', 'LC-PILLAR-01-1');
    await byId('receipt-qty-0').fill('50');
    await byId('receipt-lot-0').fill('LOT-A');
    await byId('receipt-add-line').click();
    await pickSku('receipt-sku-1', 'LC-PILLAR-01-2');
    await byId('receipt-qty-1').fill('20');
    await byId('receipt-save').click();
    await byId('receipt-result').waitFor();
    await screenshot(page, 'ops-05-receipt');
    expect((await level('LC-PILLAR-01-1', 'FAC'))?.onHand).toBe(50);
    expect((await level('LC-PILLAR-01-2', 'FAC'))?.onHand).toBe(20);

    await byId('stock-movements-tab').click();
    const rows = byId('movements-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const receipt = byId('movement-row').filter({ hasText: 'LC-PILLAR-01-1' }).first();
    const row = await text(receipt);
    expect(row).toContain('LOT-A');
    expect(row).toContain('PO-2026-118');
    expect(row).toContain(DEMO_LOGIN.email);
    await screenshot(page, 'ops-06-movements');
  });

  it('ships a head-haul transfer and receives it one unit short', async () => {
    await byId('stock-transfers-tab').click();
    await byId('transfer-new').click();
    await choose(byId('transfer-from'), 'FAC');
    await choose(byId('transfer-to'), 'US-3PL');
    await byId('transfer-reference').fill('HH-2026-07');
    await pickSku('transfer-sku-0', 'LC-PILLAR-01-1');
    await byId('transfer-qty-0').fill('10');
    await byId('transfer-add-line').click();
    await pickSku('transfer-sku-1', 'LC-PILLAR-01-2');
    await byId('transfer-qty-1').fill('500');
    // More than the factory has: refused in the server's words (not a generic "conflict").
    await byId('transfer-save').click();
    await byId('server-worded-error').waitFor();
    expect(await text(byId('server-worded-error'))).toContain('LC-PILLAR-01-2');
    await byId('transfer-qty-1').fill('5');
    await byId('transfer-save').click();
    const row = byId('transfer-row').filter({ hasText: 'HH-2026-07' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('in_transit');
    expect((await level('LC-PILLAR-01-1', 'US-3PL'))?.inTransit).toBe(10);

    await row.getByTestId('transfer-receive').click();
    await byId('transfer-received-0').fill('9');
    await byId('transfer-short-warning').waitFor();
    await screenshot(page, 'ops-07a-receive-transfer');
    await byId('transfer-receive-save').click();
    await poll(() => row.getAttribute('data-status')).toBe('received');
    expect(await text(row.getByTestId('transfer-short'))).toContain('1');
    await row.locator('.ant-table-row-expand-icon').click();
    await byId('transfer-lines').waitFor();
    await screenshot(page, 'ops-07-transfers');
    expect(await level('LC-PILLAR-01-1', 'US-3PL')).toMatchObject({ onHand: 9, inTransit: 0 });
    expect(await level('LC-PILLAR-01-2', 'US-3PL')).toMatchObject({ onHand: 5, inTransit: 0 });
  });

  it('counts a warehouse, shows the variance and applies it', async () => {
    await byId('stock-stocktakes-tab').click();
    await choose(byId('stocktake-warehouse'), 'FAC');
    await byId('count-LC-PILLAR-01-1').fill('37');
    await byId('stocktake-record').click();
    await byId('variance-table').waitFor();
    const variance = await text(byId('variance-table'));
    expect(variance).toContain('LC-PILLAR-01-1');
    expect(variance).toContain('40');
    expect(variance).toContain('-3');
    await screenshot(page, 'ops-08-variance');
    await byId('stocktake-apply').click();
    await poll(() => text(byId('stocktake-status'))).toBe('Applied');
    expect((await level('LC-PILLAR-01-1', 'FAC'))?.onHand).toBe(37);
    // The count of one SKU leaves the other alone.
    expect((await level('LC-PILLAR-01-2', 'FAC'))?.onHand).toBe(15);
  });

  it('shows the same screens in Chinese, with no untranslated keys', async () => {
    await byId('lang-switch').click();
    await poll(() => text(byId('menu-channels'))).toBe('渠道');
    for (const [path, name] of [
      ['orders', 'inbox'],
      ['orders/import', 'import'],
      ['stock?tab=movements', 'movements'],
      ['stock?tab=transfers', 'transfers'],
      ['stock?tab=receipts', 'receipts'],
      ['stock?tab=stocktakes', 'stocktakes'],
      ['channels', 'channels'],
    ] as const) {
      await page.goto(`${shopBase}/${path}`);
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => {});
      await page.waitForTimeout(300);
      const body = await text(page.locator('body'));
      expect(body, `${path} shows a raw i18n key`).not.toMatch(/adminOps\.|orders\.[a-z]+\.|stock\.[a-z]/);
      await screenshot(page, `ops-zh-${name}`);
    }
    expect(pageErrors).toEqual([]);
  });
});
