/**
 * Manual order entry (a sale made in a WhatsApp chat, cash on delivery) in a real browser against
 * the real server: two lines (the second typed with the keyboard only), a phone the form refuses,
 * an e-mail the server refuses shown next to its field, save → the order page, the inbox, and the
 * same form in Chinese with an address pasted from a chat and "save and enter another".
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

// biome-ignore lint/performance/useDomNodeTextContent: Playwright Locator API, rendered text is the point
const text = (locator: Locator) => locator.innerText();

describe.skipIf(!run)('manual (chat) order entry in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;
  const shopBase = `/admin/shops/${shop}`;
  let orderId = '';
  let externalId = '';

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    // A marketplace account sorts first: the form has to prefer a chat account on its own.
    for (const [channel, name] of [
      ['amazon', 'Amazon US'],
      ['facebook', 'Facebook page'],
      ['whatsapp', 'WhatsApp shop'],
    ] as const) {
      const res = await api.request('POST', `/api/shops/${shop}/channel-accounts`, { channel, name });
      expect(res.statusCode, res.body).toBe(201);
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
        const path = await screenshot(page, `FAILED-new-order-${task.name.replace(/[^\w-]+/g, '_')}`).catch(
          () => '',
        );
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);
  const openDropdown = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const settled = () =>
    page.waitForFunction(
      () =>
        !document.querySelector(
          '.ant-zoom-appear, .ant-zoom-enter, .ant-slide-up-appear, .ant-slide-up-enter',
        ),
      undefined,
      { timeout: 15_000 },
    );
  const closed = () => poll(() => openDropdown().count()).toBe(0);
  /** The error antd shows under a form field (the Form.Item around the input with this testid). */
  const fieldError = (testId: string) =>
    page
      .locator('.ant-form-item')
      .filter({ has: byId(testId) })
      .locator('.ant-form-item-explain-error');
  /** Options of the open SKU search, once they all belong to the searched product. */
  const skuOptions = async (product: string) => {
    const options = openDropdown().locator('.ant-select-item-option');
    await poll(async () => {
      const all = await options.allInnerTexts();
      return all.length > 0 && all.every((o) => o.startsWith(product));
    }).toBe(true);
    return options;
  };

  it('enters a cash-on-delivery WhatsApp order, one line by keyboard only', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/orders`);
    await byId('orders-new-link').click();
    await page.waitForURL(`**${shopBase}/orders/new`);

    // A chat account (not the marketplace) is chosen and COD preselected for it.
    await poll(() => text(byId('new-order-account'))).toContain('Facebook page');
    expect(await text(byId('new-order-payment'))).toContain('Cash on delivery');
    await settled();
    await byId('new-order-account').click();
    await openDropdown().locator('.ant-select-item-option').filter({ hasText: 'WhatsApp shop' }).click();
    await closed();
    expect(await text(byId('new-order-payment'))).toContain('Cash on delivery');
    expect(await byId('new-order-currency').inputValue()).toBe('USD');

    // Line 1 with the mouse: the catalog price fills in (USD 15.99).
    const first = byId('new-order-sku-0');
    await settled();
    await first.click();
    await first.locator('input').fill('LC-JAR-01-1');
    const options = await skuOptions('LC-JAR-01');
    await settled();
    await options.filter({ hasText: 'LC-JAR-01-1 —' }).first().click();
    await closed();
    await poll(() => byId('new-order-price-0').inputValue()).toBe('15.99');
    await byId('new-order-qty-0').fill('2');
    await poll(() => text(byId('new-order-line-total-0'))).toContain('31.98');

    // Line 2 with the keyboard only: Enter in the price adds a line whose SKU search has the focus.
    await byId('new-order-price-0').press('Enter');
    await byId('new-order-sku-1').waitFor();
    await poll(() =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="new-order-sku-1"]')),
    ).toBe(true);
    await page.keyboard.type('LC-PILLAR-01-1');
    await skuOptions('LC-PILLAR-01');
    await page.keyboard.press('Enter');
    await closed();
    await poll(() => text(byId('new-order-sku-1'))).toContain('LC-PILLAR-01-1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('10.99');
    // One Enter too many leaves a blank line; it is skipped on save, not an error.
    await page.keyboard.press('Enter');
    await byId('new-order-sku-2').waitFor();
    expect(await byId('new-order-qty-1').inputValue()).toBe('3');
    await poll(() => text(byId('new-order-line-total-1'))).toContain('32.97');

    await byId('new-order-shipping').fill('5');
    await poll(() => byId('new-order-total').getAttribute('data-minor')).toBe('6995');
    expect(await text(byId('new-order-total'))).toContain('69.95');

    // Buyer with a phone that is not one: the form says so next to the field and sends nothing.
    await byId('new-order-buyer-name').fill('Maria Santos');
    await byId('new-order-buyer-phone').fill('0917 CALL ME');
    await byId('new-order-line1').fill('12 Rizal St');
    await byId('new-order-city').fill('Quezon City');
    await byId('new-order-postcode').fill('1100');
    await byId('new-order-country').click();
    await byId('new-order-country').locator('input').fill('Philippines');
    await openDropdown().locator('.ant-select-item-option').filter({ hasText: '(PH)' }).first().click();
    await closed();
    await poll(() => text(byId('new-order-phone-hint'))).toContain('+63');
    await byId('new-order-buyer-email').fill('maria@');
    await byId('new-order-notes').fill('Deliver after 6pm');
    await byId('new-order-tags').click();
    await page.keyboard.type('vip');
    await page.keyboard.press('Enter');
    await poll(() => text(byId('new-order-tags'))).toContain('vip');
    await byId('new-order-save').click();
    await poll(() => text(fieldError('new-order-buyer-phone'))).toContain('Not a phone number');
    expect(page.url()).toMatch(/\/orders\/new$/);
    await screenshot(page, 'new-order-01-phone-error');

    // Fixed phone; the e-mail is refused by the server, shown next to the field and in the alert.
    await byId('new-order-buyer-phone').fill('0917 123 4567');
    await poll(() => fieldError('new-order-buyer-phone').count()).toBe(0);
    await byId('new-order-save').click();
    await byId('api-error').waitFor();
    await poll(() => fieldError('new-order-buyer-email').count()).toBe(1);
    expect(await text(byId('api-error'))).toMatch(/e-mail|email/i);
    await screenshot(page, 'new-order-02-server-error');

    await byId('new-order-buyer-email').fill('maria@example.com');
    await byId('new-order-save').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    orderId = page.url().split('/').pop() ?? '';
    const lines = await text(byId('order-lines'));
    expect(lines).toContain('LC-JAR-01-1');
    expect(lines).toContain('LC-PILLAR-01-1');
    expect(await text(byId('order-amounts'))).toContain('$69.95');
    const body = await text(page.locator('body'));
    expect(body).toContain('cod');
    expect(body).toContain('Maria Santos');
    expect(body).toContain('+639171234567');
    expect(body).toContain('WhatsApp shop');
    await screenshot(page, 'new-order-03-detail');

    const saved = (await api.request('GET', `/api/shops/${shop}/orders/${orderId}`)).json();
    expect(saved).toMatchObject({
      paymentMethod: 'cod',
      status: 'ready_to_ship',
      currency: 'USD',
      holds: [],
      buyer: { name: 'Maria Santos', phone: '+639171234567', phoneRaw: '0917 123 4567' },
      amounts: { itemTotalMinor: 6495, shippingMinor: 500, totalMinor: 6995 },
      notes: 'Deliver after 6pm',
    });
    expect(saved.lines.map((l: { quantity: number }) => l.quantity)).toEqual([2, 3]);
    expect([...saved.tags].sort()).toEqual(['cod', 'vip']);
    externalId = saved.externalId;
  });

  it('lists the order in the inbox', async () => {
    await page.goto(`${shopBase}/orders`);
    const row = byId('order-row').filter({ hasText: externalId });
    await row.waitFor();
    expect(await text(row)).toContain('Maria Santos');
    await screenshot(page, 'new-order-04-inbox');
  });

  it('works in Chinese: paste an address, save and enter another', async () => {
    await byId('lang-switch').click();
    await poll(() => text(byId('orders-new-link'))).toContain('新建订单');
    await byId('orders-new-link').click();
    await page.waitForURL(`**${shopBase}/orders/new`);
    // The account used last is remembered on this device.
    await poll(() => text(byId('new-order-account'))).toContain('WhatsApp shop');
    expect(await text(byId('new-order-payment'))).toContain('货到付款');

    const first = byId('new-order-sku-0');
    await settled();
    await first.click();
    await first.locator('input').fill('LC-JAR-01-2');
    const options = await skuOptions('LC-JAR-01');
    await settled();
    await options.filter({ hasText: 'LC-JAR-01-2 —' }).first().click();
    await closed();
    await poll(() => byId('new-order-price-0').inputValue()).toBe('24.99');

    await byId('new-order-paste-toggle').click();
    await antdSettled(page);
    await byId('new-order-paste').fill(
      '姓名：Juan Cruz\n电话：0918 765 4321\n地址：45 Mabini St, Makati 1200\n国家：PH',
    );
    await byId('new-order-paste-apply').click();
    await poll(() => byId('new-order-buyer-name').inputValue()).toBe('Juan Cruz');
    expect(await byId('new-order-buyer-phone').inputValue()).toBe('0918 765 4321');
    expect(await byId('new-order-line1').inputValue()).toBe('45 Mabini St');
    expect(await byId('new-order-city').inputValue()).toBe('Makati');
    expect(await byId('new-order-postcode').inputValue()).toBe('1200');
    expect(await text(byId('new-order-country'))).toContain('(PH)');

    const body = await text(page.locator('body'));
    expect(body, 'raw i18n key on the new order page').not.toMatch(/newOrder\.|orders\.[a-z]+\./);
    await screenshot(page, 'new-order-05-zh');

    // An order number already used on the account is refused next to its field.
    await byId('new-order-external-id').fill(externalId);
    await byId('new-order-save-another').click();
    await poll(() => fieldError('new-order-external-id').count()).toBe(1);
    expect(await text(fieldError('new-order-external-id'))).toContain(externalId);
    await byId('new-order-external-id').fill('WA-0002');

    await byId('new-order-save-another').click();
    await byId('new-order-last-saved').waitFor();
    expect(await text(byId('new-order-last-saved'))).toContain('WA-0002');
    await poll(() => byId('new-order-external-id').inputValue()).toBe('');
    // A clean form for the next chat, still on the same account and payment.
    await poll(() => byId('new-order-buyer-name').inputValue()).toBe('');
    expect(await text(byId('new-order-account'))).toContain('WhatsApp shop');
    expect(await text(byId('new-order-payment'))).toContain('货到付款');
    // …with the cursor back in the first SKU search.
    await poll(() =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="new-order-sku-0"]')),
    ).toBe(true);
    await screenshot(page, 'new-order-06-zh-another');

    const list = (await api.request('GET', `/api/shops/${shop}/orders?q=Juan`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ paymentMethod: 'cod', country: 'PH', totalMinor: 2499 });
    expect(pageErrors).toEqual([]);
  });
});
