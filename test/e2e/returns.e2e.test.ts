/**
 * Returns in a real browser against the real server: open a return from a shipped order's page,
 * receive it into a warehouse as sellable, and see the stock go up; then the Chinese screens.
 * Screenshots land in test-results/ (returns-*.png).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

describe.skipIf(!run)('returns admin in a real browser', () => {
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
  let warehouse: string;
  let orderId: string;

  const level = async () => {
    const res = await api.request('GET', `${S}/stock?sku=${SKU}&warehouseId=${warehouse}`);
    return res.json().items[0] as { onHand: number; reserved: number };
  };

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    // Scenery through the API: a warehouse with stock, and a shipped WhatsApp order.
    const wh = await api.request(`POST`, `${S}/warehouses`, {
      code: 'RET-WH',
      name: 'Returns dock',
      kind: 'factory',
      country: 'CN',
    });
    expect(wh.statusCode, wh.body).toBe(201);
    warehouse = wh.json().id;
    const receipt = await api.request('POST', `${S}/stock/receipts`, {
      warehouseId: warehouse,
      lines: [{ sku: SKU, quantity: 5 }],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const account = await api.request('POST', `${S}/channel-accounts`, {
      channel: 'whatsapp',
      name: 'WA returns',
    });
    expect(account.statusCode, account.body).toBe(201);
    const order = await api.request('POST', `${S}/orders`, {
      channelAccountId: account.json().id,
      externalId: 'WA-RET-1',
      status: 'paid',
      currency: 'CNY',
      buyer: { name: '王芳' },
      shipTo: { line1: '1 Main St', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
      lines: [{ sku: SKU, quantity: 2, unitPriceMinor: 5900 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    orderId = order.json().id;
    const shipped = await api.request('POST', `${S}/orders/${orderId}/status`, { status: 'shipped' });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(await level()).toMatchObject({ onHand: 3, reserved: 0 });

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
        const path = await screenshot(page, `FAILED-returns-${task.name.replace(/[^\w-]+/g, '_')}`).catch(
          () => '',
        );
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);
  /** antd puts the testid on the <input> of an InputNumber (or on its wrapper): either way, the input. */
  const numberInput = (id: string) =>
    page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
  const openDropdown = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  async function choose(select: Locator, option: string) {
    await select.click();
    await openDropdown().locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  }

  it('creates a return from the order page', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/orders/${orderId}`);
    await byId('order-create-return').click();
    await choose(byId('create-return-reason'), 'Damaged in transit');
    await byId('create-return-note').fill('box crushed');
    await numberInput(`create-return-qty-${SKU}`).fill('1');
    await screenshot(page, 'returns-01-create-modal');
    await byId('create-return-submit').click();
    await page.waitForURL(/\/returns\/[0-9a-f-]{36}$/);
    await expect.poll(() => text(byId('return-number'))).toBe('Return RMA-000001');
    expect(await byId('return-status').getAttribute('data-status')).toBe('requested');
    expect(await text(byId('return-lines'))).toContain(SKU);
  });

  it('receives it as sellable and the stock goes up', async () => {
    await choose(byId('return-receive-warehouse'), 'RET-WH');
    await numberInput(`return-receive-qty-${SKU}`).fill('1');
    await byId('return-receive-submit').click();
    await expect.poll(async () => byId('return-status').getAttribute('data-status')).toBe('received');
    expect(await level()).toMatchObject({ onHand: 4, reserved: 0 });
    await byId('return-event').filter({ hasText: 'Goods received' }).waitFor();
    await byId('return-order-link').waitFor();
    expect(await text(byId('return-order-link'))).toBe('WA-RET-1');
    await screenshot(page, 'returns-02-received');
  });

  it('records the refund and the order follows to refunded', async () => {
    await numberInput('return-refund-amount').fill('59');
    await byId('return-refund-submit').click();
    await expect.poll(async () => byId('return-status').getAttribute('data-status')).toBe('closed');
    expect(await text(byId('return-refund'))).toContain('59');
    const order = (await api.request('GET', `${S}/orders/${orderId}`)).json();
    expect(order.status).toBe('refunded');
    // The order page lists its return and shows it on the timeline.
    await byId('return-order-link').click();
    await page.waitForURL(`**${shopBase}/orders/${orderId}`);
    await byId('order-return').filter({ hasText: 'RMA-000001' }).waitFor();
    expect(await text(page.locator('[data-testid="timeline-event"][data-type="return_created"]'))).toContain(
      'Return opened',
    );
    await screenshot(page, 'returns-06-order-page');
  });

  it('receives into quarantine and releases the hold to sellable from the return page', async () => {
    const account = (await api.request('GET', `${S}/channel-accounts`))
      .json()
      .items.find((a: { name: string }) => a.name === 'WA returns').id;
    const order = await api.request('POST', `${S}/orders`, {
      channelAccountId: account,
      externalId: 'WA-RET-2',
      status: 'paid',
      currency: 'CNY',
      lines: [{ sku: SKU, quantity: 1, unitPriceMinor: 5900 }],
    });
    const id = order.json().id;
    await api.request('POST', `${S}/orders/${id}/status`, { status: 'shipped' });
    const rma = await api.request('POST', `${S}/orders/${id}/returns`, {
      reason: 'defective',
      lines: [{ orderLineId: order.json().lines[0].id, quantity: 1 }],
    });
    expect(rma.statusCode, rma.body).toBe(201);
    const before = await level();
    await page.goto(`${shopBase}/returns/${rma.json().id}`);
    await choose(byId('return-receive-warehouse'), 'RET-WH');
    await numberInput(`return-receive-qty-${SKU}`).fill('1');
    await choose(byId(`return-receive-disposition-${SKU}`), 'Quarantine');
    await byId('return-receive-submit').click();
    await byId(`hold-release-${SKU}`).waitFor();
    expect(await level()).toMatchObject({ onHand: before.onHand + 1, reserved: before.reserved + 1 });
    await screenshot(page, 'returns-05-quarantine');
    await byId(`hold-release-${SKU}`).click();
    await expect.poll(() => text(byId('return-holds'))).toContain('Released to sellable');
    expect(await level()).toMatchObject({ onHand: before.onHand + 1, reserved: before.reserved });
  });

  it('lists it, filters by status, and shows the Chinese screens', async () => {
    await byId('menu-returns').click();
    await page.waitForURL(`**${shopBase}/returns`);
    await byId('return-link').filter({ hasText: 'RMA-000001' }).waitFor();
    await choose(byId('returns-status-filter'), 'Cancelled');
    await expect.poll(() => byId('return-link').count()).toBe(0);
    await choose(byId('returns-status-filter'), 'Closed');
    await byId('return-link').filter({ hasText: 'RMA-000001' }).waitFor();
    await screenshot(page, 'returns-03-list');
    await byId('lang-switch').click();
    await expect.poll(() => text(byId('menu-returns'))).toBe('退货');
    await byId('return-link').first().click();
    await expect.poll(() => text(byId('return-number'))).toBe('退货单 RMA-000001');
    await screenshot(page, 'returns-04-detail-zh');
    expect(pageErrors).toEqual([]);
  });
});
