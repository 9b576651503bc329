/**
 * The carrier API accounts page in a real browser against the real server and the local 4PX
 * open-platform simulator: add an account (secrets shown only masked), test the connection, break
 * the secret and see the carrier's signature error, then the page in Chinese. Screenshots land in
 * test-results/ (carriers-*.png).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FourPxSimulator, startFourPxSimulator } from '../simulators/fourpx-open-api.ts';
import { startYunExpressSimulator, type YunExpressSimulator } from '../simulators/yunexpress-oms-api.ts';
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
const APP_KEY = 'e2e-4px-app-key-77aa';
const APP_SECRET = 'e2e-4px-app-secret-99zz';

describe.skipIf(!run)('carrier API accounts page in a real browser', () => {
  let server: E2EServer;
  let sim: FourPxSimulator;
  let yun: YunExpressSimulator;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;

  beforeAll(async () => {
    sim = await startFourPxSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    yun = await startYunExpressSimulator({ customerCode: 'C77001', apiSecret: 'yun-e2e-secret-55qq' });
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
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
    await yun?.close();
  });

  const byId = (id: string) => page.getByTestId(id);

  it('adds an account, shows only masks, tests the connection against the simulator', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**/admin/shops/${shop}/products`);
    await page.goto(`/admin/shops/${shop}/logistics/carriers`);
    await byId('carrier-accounts-page').waitFor();
    await byId('carrier-add').click();
    await antdSettled(page);
    await byId('carrier-name').fill('4PX test account');
    await byId('carrier-baseUrl').fill(sim.url);
    await byId('carrier-productCode').fill('PX');
    await byId('carrier-appKey').fill(APP_KEY);
    await byId('carrier-appSecret').fill(APP_SECRET);
    await byId('carrier-save').click();
    await page.getByText('Carrier account saved').waitFor();
    const accounts = (await api.request('GET', `/api/shops/${shop}/carrier-accounts`)).json().items;
    const id = accounts.find((a: { name: string }) => a.name === '4PX test account').id as string;
    expect(await byId(`carrier-credentials-${id}`).textContent()).toContain('••••99zz');
    expect(await page.content()).not.toContain(APP_SECRET);

    await byId(`carrier-test-${id}`).click();
    await page.getByText('Connected: 2 products available').first().waitFor();
    expect(await byId(`carrier-test-result-${id}`).textContent()).toContain('OK');
    expect(sim.calls.at(-1)).toEqual({ method: 'ds.xms.logistics_product.getlist', signOk: true });
    await screenshot(page, 'carriers-accounts-en');

    // A wrong secret: the simulator rejects the signature and the page says so.
    await byId(`carrier-edit-${id}`).click();
    await antdSettled(page);
    expect(await byId('carrier-appSecret').inputValue()).toBe('');
    expect(await byId('carrier-appSecret').getAttribute('placeholder')).toBe('saved: ••••99zz');
    await byId('carrier-appSecret').fill('wrong-secret-0000');
    await byId('carrier-save').click();
    await page.getByText('Carrier account saved').first().waitFor();
    await byId(`carrier-test-${id}`).click();
    await byId(`carrier-test-result-${id}`).getByText('Failed').waitFor();
    expect(await byId(`carrier-test-result-${id}`).textContent()).toContain('签名验证失败');
    expect(pageErrors).toEqual([]);
  });

  it('adds a YunExpress account: the form asks for its own credential fields', async () => {
    await byId('carrier-add').click();
    await antdSettled(page);
    await byId('carrier-carrier').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'YunExpress' }).first().click();
    await byId('carrier-customerCode').waitFor();
    expect(await byId('carrier-appKey').count()).toBe(0);
    await byId('carrier-name').fill('YunExpress test');
    await byId('carrier-baseUrl').fill(yun.url);
    await byId('carrier-productCode').fill('THZXR');
    await byId('carrier-customerCode').fill('C77001');
    await byId('carrier-apiSecret').fill('yun-e2e-secret-55qq');
    await byId('carrier-save').click();
    await page.getByText('Carrier account saved').first().waitFor();
    const accounts = (await api.request('GET', `/api/shops/${shop}/carrier-accounts`)).json().items;
    const id = accounts.find((a: { name: string }) => a.name === 'YunExpress test').id as string;
    await byId(`carrier-test-${id}`).click();
    await byId(`carrier-test-result-${id}`).getByText('Connected: 3 products available').waitFor();
    expect(yun.calls.at(-1)).toEqual({ path: '/api/Common/GetShippingMethods', authOk: true });
    expect(await page.content()).not.toContain('yun-e2e-secret-55qq');
    expect(pageErrors).toEqual([]);
  });

  it('shows the page in Chinese', async () => {
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'zh-CN' })).statusCode).toBe(200);
    await page.evaluate(() => localStorage.setItem('cunkou.locale', 'zh-CN'));
    await page.goto(`/admin/shops/${shop}/logistics/carriers`);
    await page.getByText('物流商 API 账号').first().waitFor();
    await page.getByText('测试连接').first().waitFor();
    await page.getByText('测试环境').first().waitFor();
    // The stored test outcome is rendered in the reader's language too.
    await page.getByText('4PX 拒绝了凭据或签名').first().waitFor();
    await screenshot(page, 'carriers-accounts-zh');
    expect(pageErrors).toEqual([]);
  });
});
