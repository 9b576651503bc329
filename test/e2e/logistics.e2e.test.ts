/**
 * Logistics in a real browser against the real server: import a forwarder's price sheet (preview,
 * then import; a bad sheet names its cells), look at the card, and rate-shop a parcel with its
 * breakdown and an exclusion reason. Screenshots land in test-results/ (logistics-*.png).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ePacketSheet, yunExpressSheet } from '../fixtures/logistics/sheets.ts';
import { upload } from '../integration/catalog-helpers.ts';
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

describe.skipIf(!run)('logistics admin in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  let dir: string;
  const shop = DEMO_LOGIN.shop;
  const S = `/api/shops/${shop}/logistics`;
  const shopBase = `/admin/shops/${shop}`;

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const yt = await api.request('POST', `${S}/services`, {
      code: 'E2E-YT',
      name: 'YunExpress line',
      carrier: 'yunexpress',
      mode: 'postal',
    });
    expect(yt.statusCode, yt.body).toBe(201);
    const pk = await api.request('POST', `${S}/services`, {
      code: 'E2E-PK',
      name: 'ePacket',
      carrier: 'chinapost',
      mode: 'postal',
    });
    expect(pk.statusCode, pk.body).toBe(201);
    expect(
      (await upload(api, `${S}/services/${pk.json().id}/rate-cards`, 'epacket.xlsx', await ePacketSheet()))
        .statusCode,
    ).toBe(201);
    dir = await mkdtemp(join(tmpdir(), 'cunkou-lg-e2e-'));
    await writeFile(join(dir, 'yunexpress.xlsx'), await yunExpressSheet());
    await writeFile(
      join(dir, 'bad.xlsx'),
      await yunExpressSheet({ rates: [['美国 US', '0-2', 'abc', 16, '7-12']] }),
    );
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (page && !page.isClosed()) {
        const path = await screenshot(page, `FAILED-logistics-${task.name.replace(/[^\w-]+/g, '_')}`).catch(
          () => '',
        );
        console.error(`[cunkou e2e] failed at ${page.url()} — screenshot ${path}`);
      }
    });
  });

  const byId = (id: string) => page.getByTestId(id);

  it('imports a price sheet: a bad one names its cells, a good one previews then imports', async () => {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(`**${shopBase}/products`);
    await page.goto(`${shopBase}/logistics`);
    await byId('service-import-E2E-YT').click();
    await antdSettled(page);
    await byId('sheet-file').setInputFiles(join(dir, 'bad.xlsx'));
    await byId('sheet-preview').click();
    await byId('api-error').waitFor();
    expect(await text(byId('api-error'))).toContain('价格表!C3');
    expect(await text(byId('api-error'))).toContain('is not a price');
    expect(await text(byId('api-error'))).toContain(
      'bad.xlsx: 1 problem(s) in the price sheet; nothing was imported',
    );
    await screenshot(page, 'logistics-01-bad-sheet');
    await byId('sheet-file').setInputFiles(join(dir, 'yunexpress.xlsx'));
    await byId('sheet-preview').click();
    await expect.poll(() => text(byId('sheet-result'))).toContain('Valid — not saved yet');
    expect(await text(byId('sheet-result'))).toContain('3 countries');
    await byId('sheet-commit').click();
    await expect.poll(() => text(byId('sheet-result'))).toContain('Imported as version 1');
    await expect.poll(() => text(byId('service-card-E2E-YT'))).toBe('v1 of 1 · CNY');
    await screenshot(page, 'logistics-02-imported');
  });

  it('shows the card: versions, settings and zones', async () => {
    await page.keyboard.press('Escape');
    await byId('service-link-E2E-YT').click();
    await byId('card-versions').waitFor();
    expect(await text(byId('card-versions'))).toContain('yunexpress.xlsx');
    expect(await text(byId('card-settings'))).toContain('8000');
    expect(await text(byId('card-zones'))).toContain('GB');
    await screenshot(page, 'logistics-03-card');
  });

  it('quotes a parcel: options with breakdown, and why ePacket is excluded', async () => {
    await page.goto(`${shopBase}/logistics/quote`);
    await byId('quote-to').fill('US');
    await byId('quote-postcode').fill('99611');
    await page
      .locator('input[data-testid="quote-weight"], [data-testid="quote-weight"] input')
      .first()
      .fill('1.2');
    await page.locator('input[data-testid="quote-l"], [data-testid="quote-l"] input').first().fill('70');
    await page.locator('input[data-testid="quote-w"], [data-testid="quote-w"] input').first().fill('10');
    await page.locator('input[data-testid="quote-h"], [data-testid="quote-h"] input').first().fill('10');
    await byId('quote-submit').click();
    await byId('quote-breakdown-E2E-YT').waitFor();
    const breakdown = await text(byId('quote-breakdown-E2E-YT'));
    expect(breakdown).toContain('Freight 1.2 kg × 85.00/kg');
    expect(breakdown).toContain('Registration fee');
    expect(breakdown).toContain('Remote area (postcode 99611)');
    expect(await text(byId('quote-option-E2E-YT'))).toContain('E2E-YT');
    expect(await text(byId('quote-excluded-E2E-PK'))).toContain('longest side 70 cm > 60 cm');
    await screenshot(page, 'logistics-04-quote');
  });
});
