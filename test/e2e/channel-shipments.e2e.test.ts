/**
 * Shipment write-back in a real browser: an Amazon account without a connector downloads the
 * ship-confirm flat file and marks it uploaded; an Amazon account connected to the SP-API
 * simulator pushes, shows Amazon's refusal and retries it. Screenshots in test-results/.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordShipmentConfirmations, syncAccount } from '../../src/domains/connectors/index.ts';
import { newId } from '../../src/kernel/ids.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type AmazonSimulator, amazonSimOrder, startAmazonSimulator } from '../simulators/amazon-sp-api.ts';
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

const creds = {
  clientId: 'amzn1.application-oa2-client.e2eship',
  clientSecret: 'amzn1.oa2-cs.v1.e2e-ship-secret',
  refreshToken: 'Atzr|e2e-ship-refresh',
  sellerId: 'A3E2ESHIP',
  marketplaceId: 'ATVPDKIKX0DER',
};

describe.skipIf(!run)('channel shipment confirmations page in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  let sim: AmazonSimulator;
  let shopId: string;
  let fileAccount: string;
  let apiAccount: string;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;
  const shopBase = `/admin/shops/${shop}`;
  const S = `/api/shops/${shop}`;
  const byId = (id: string) => page.getByTestId(id);
  const row = (order: string) => page.locator(`[data-testid="channel-shipments-row"][data-order="${order}"]`);
  const statusOf = (order: string) =>
    row(order).getByTestId('channel-shipments-status').getAttribute('data-status');

  const record = (orderId: string, trackingNumber: string, carrier = 'yunexpress') =>
    withShop(server.t.deps.database.db, shopId, (trx) =>
      recordShipmentConfirmations(trx, shopId, [
        {
          orderId,
          carrier,
          carrierName: 'YunExpress',
          trackingNumber,
          shippedAt: new Date('2026-11-24T08:00:00Z'),
          lines: [],
        },
      ]),
    );

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const db = server.t.deps.database.db;
    shopId = (await db.selectFrom('shops').select('id').where('slug', '=', shop).executeTakeFirstOrThrow())
      .id;
    const acc = async (name: string) =>
      (
        await api.request('POST', `${S}/channel-accounts`, {
          channel: 'amazon',
          name,
          marketplace: 'ATVPDKIKX0DER',
        })
      ).json().id as string;
    fileAccount = await acc('Amazon file e2e');
    apiAccount = await acc('Amazon API e2e');
    // An Amazon order as the flat-file import leaves it (item ids on the lines).
    const orderId = newId();
    await withShop(db, shopId, async (trx) => {
      await sql`INSERT INTO orders (shop_id, id, channel_account_id, channel, external_id, status, purchased_at, currency)
        VALUES (${shopId}, ${orderId}, ${fileAccount}, 'amazon', '114-5550000-0000001', 'paid', now(), 'USD')`.execute(
        trx,
      );
      await sql`INSERT INTO order_lines (shop_id, order_id, id, position, external_line_id, channel_sku, quantity)
        VALUES (${shopId}, ${orderId}, ${newId()}, 0, '55500000000011', 'LC-JAR-01', 2)`.execute(trx);
    });
    await record(orderId, 'YT2400000000001');

    sim = await startAmazonSimulator(creds);
    for (const id of ['114-6660000-0000001', '114-6660000-0000002'])
      sim.orders.set(
        id,
        amazonSimOrder({
          id,
          marketplaceId: creds.marketplaceId,
          itemId: `${id.slice(-1)}6600000000001`,
          sku: 'LC-JAR-01',
        }),
      );
    const put = await api.request('PUT', `${S}/channel-accounts/${apiAccount}/credentials`, {
      credentials: { ...creds, region: 'na', endpoint: sim.url, lwaUrl: `${sim.url}/auth/o2/token` },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await syncAccount(server.t.deps, shopId, apiAccount, { trigger: 'manual' })).toMatchObject({
      created: 2,
    });
    for (const [ext, tn] of [
      ['114-6660000-0000001', 'YT2400000000002'],
      ['114-6660000-0000002', 'YT2400000000003'],
    ] as const) {
      const o = await withShop(db, shopId, (trx) =>
        trx
          .selectFrom('orders')
          .select('id')
          .where('shop_id', '=', shopId)
          .where('external_id', '=', ext)
          .executeTakeFirstOrThrow(),
      );
      await record(o.id, tn);
    }
    sim.orders.get('114-6660000-0000002')!.OrderStatus = 'Canceled';

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

  it('downloads the Amazon ship-confirm file for an account without API and marks it uploaded', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/channels`);
    await page.locator('tr', { hasText: 'Amazon file e2e' }).getByTestId('channel-shipments-link').click();
    await page.waitForURL(`**${shopBase}/channels/${fileAccount}/shipments`);
    await byId('channel-shipments-file-only').waitFor();
    expect(await byId('channel-shipments-push').count()).toBe(0);
    await expect.poll(() => statusOf('114-5550000-0000001')).toBe('pending');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byId('channel-shipments-export').click(),
    ]);
    const body = await readFile((await download.path())!, 'utf8');
    expect(body.split('\r\n').slice(0, 2)).toEqual([
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      `114-5550000-0000001\t55500000000011\t2\t2026-11-24\tYun Express\t\tYT2400000000001\t`,
    ]);
    await expect.poll(() => statusOf('114-5550000-0000001')).toBe('file_exported');
    await screenshot(page, 'channel-shipments-file-en');
    await byId('channel-shipments-mark-uploaded').click();
    await expect.poll(() => statusOf('114-5550000-0000001')).toBe('uploaded');
    expect(await byId('channel-shipments-batch').count()).toBe(0);
  });

  it('pushes through the API, shows the refusal and retries it', async () => {
    await page.goto(`${shopBase}/channels/${apiAccount}/shipments`);
    await byId('channel-shipments-api').waitFor();
    await byId('channel-shipments-push').click();
    await expect.poll(() => statusOf('114-6660000-0000001')).toBe('sent');
    await expect.poll(() => statusOf('114-6660000-0000002')).toBe('failed');
    expect(await text(row('114-6660000-0000002').getByTestId('channel-shipments-error'))).toContain(
      'The order is canceled',
    );
    expect(sim.confirmations.map((c) => c.orderId)).toEqual(['114-6660000-0000001']);
    await screenshot(page, 'channel-shipments-api-en');
    sim.orders.get('114-6660000-0000002')!.OrderStatus = 'Unshipped';
    await row('114-6660000-0000002').getByTestId('channel-shipments-retry').click();
    await expect.poll(() => statusOf('114-6660000-0000002')).toBe('sent');
    expect(sim.confirmations.map((c) => c.orderId)).toEqual(['114-6660000-0000001', '114-6660000-0000002']);
  });

  it('is translated into Chinese', async () => {
    await byId('lang-switch').click();
    await page.waitForTimeout(500);
    const body = await text(page.locator('body'));
    expect(body).toContain('发货确认');
    expect(body).toContain('已发送');
    expect(body).not.toMatch(/shipmentConfirmations\.[a-zA-Z]/);
    await screenshot(page, 'channel-shipments-zh');
    expect(pageErrors).toEqual([]);
  });
});
