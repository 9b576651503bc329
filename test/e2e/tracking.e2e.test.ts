/**
 * Tracking admin in a real browser against the real server: journeys registered and events
 * ingested through the tracking domain's own functions, then the exceptions worklist (resolve one),
 * the performance charts (canvas drawn), and a journey's page with its timeline, in English and in
 * Chinese. Screenshots land in test-results/.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShopBySlug } from '../../src/domains/shops/create-shop.ts';
import {
  ingestTrackingEvents,
  type RawTrackingEvent,
  type RegisterJourneyInput,
  registerJourney,
} from '../../src/domains/tracking/index.ts';
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
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe.skipIf(!run)('tracking admin in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;
  const pageErrors: string[] = [];
  const shop = DEMO_LOGIN.shop;

  beforeAll(async () => {
    server = await startServer();
    api = await login(server.t.app, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect((await api.request('PATCH', '/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const db = server.t.deps.database.db;
    const shopId = (await findShopBySlug(db, shop))!.id;
    const journey = (input: RegisterJourneyInput, events: Omit<RawTrackingEvent, 'source'>[]) =>
      withShop(db, shopId, async (trx) => {
        await registerJourney(trx, shopId, input);
        await ingestTrackingEvents(
          trx,
          shopId,
          events.map((e) => ({ ...e, source: 'aggregator' as const })),
        );
      });
    await journey(
      {
        reference: 'CK-E2E-CUSTOMS',
        destinationCountry: 'DE',
        destinationCity: 'Hamburg',
        serviceName: 'YunExpress DE',
        promisedDays: 10,
        shippedAt: ago(9),
        legs: [
          { kind: 'first_mile', mode: 'courier', carrier: 'sfexpress', trackingNumber: 'SF1400000000001' },
          { kind: 'line_haul', mode: 'air', carrier: 'yunexpress', trackingNumber: 'YT2400000000000777' },
        ],
      },
      [
        {
          carrier: 'sfexpress',
          trackingNumber: 'SF1400000000001',
          occurredAt: ago(9),
          description: '已揽收',
          status: 'InTransit',
          milestone: 'picked_up',
          rawStatus: '已揽收',
          city: 'Yiwu',
          country: 'CN',
        },
        {
          carrier: 'yunexpress',
          trackingNumber: 'YT2400000000000777',
          occurredAt: ago(7),
          description: 'Departed from origin',
          status: 'InTransit',
          milestone: 'departed_origin',
          city: 'Shenzhen',
          country: 'CN',
        },
        {
          carrier: 'yunexpress',
          trackingNumber: 'YT2400000000000777',
          occurredAt: ago(2),
          description: 'Held by customs',
          status: 'Exception',
          subStatus: 'customs_hold',
          milestone: 'import_customs',
          city: 'Frankfurt',
          country: 'DE',
        },
      ],
    );
    await journey(
      {
        reference: 'CK-E2E-STUCK',
        destinationCountry: 'US',
        serviceName: 'DHL Express',
        promisedDays: 5,
        shippedAt: ago(8),
        legs: [{ kind: 'last_mile', mode: 'express', carrier: 'dhl', trackingNumber: '1234567890' }],
      },
      [
        {
          carrier: 'dhl',
          trackingNumber: '1234567890',
          occurredAt: ago(6),
          description: 'Shipment picked up',
          status: 'InTransit',
          milestone: 'picked_up',
        },
      ],
    );
    // Delivered parcels in the last weeks: two services, on time and late.
    for (const [i, [service, dest, shipped, transit, promised]] of (
      [
        ['YunExpress DE', 'DE', 20, 6, 10],
        ['YunExpress DE', 'DE', 18, 9, 10],
        ['YunExpress DE', 'FR', 16, 12, 10],
        ['DHL Express', 'US', 12, 3, 5],
        ['DHL Express', 'US', 10, 4, 5],
        ['DHL Express', 'GB', 9, 6, 5],
      ] as const
    ).entries()) {
      const number = `YT24000000000010${i}`;
      await journey(
        {
          reference: `CK-E2E-D${i}`,
          destinationCountry: dest,
          serviceName: service,
          promisedDays: promised,
          shippedAt: ago(shipped),
          legs: [{ kind: 'line_haul', mode: 'air', carrier: 'yunexpress', trackingNumber: number }],
        },
        [
          {
            carrier: 'yunexpress',
            trackingNumber: number,
            occurredAt: ago(shipped - 0.5),
            description: 'Departed',
            status: 'InTransit',
            milestone: 'departed_origin',
          },
          {
            carrier: 'yunexpress',
            trackingNumber: number,
            occurredAt: ago(shipped - transit),
            description: 'Delivered',
            status: 'Delivered',
            milestone: 'delivered',
          },
        ],
      );
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

  const byId = (id: string) => page.getByTestId(id);

  it('works the exceptions list, sees performance charts and opens a journey', async () => {
    await page.goto('/admin/login');
    await byId('login-email').fill(DEMO_LOGIN.email);
    await byId('login-password').fill(DEMO_LOGIN.password);
    await byId('login-submit').click();
    await page.waitForURL(/\/products/);
    await byId('menu-tracking').click();
    await page.waitForURL(/\/tracking/);
    await expect.poll(() => text(byId('journeys-table'))).toContain('CK-E2E-CUSTOMS');
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await screenshot(page, 'tracking-journeys-en');

    await byId('tracking-tab-exceptions').click();
    const table = byId('exceptions-table');
    await expect.poll(() => text(table)).toContain('CK-E2E-CUSTOMS');
    expect(await text(table)).toContain('Customs hold');
    expect(await text(table)).toContain('CK-E2E-STUCK');
    expect(await text(table)).toContain('Stuck');
    await screenshot(page, 'tracking-exceptions-en');
    await byId('exception-resolve-CK-E2E-CUSTOMS').click();
    await antdSettled(page);
    await byId('exception-note').fill('EORI number sent to the broker');
    await byId('exception-action-submit').click();
    await expect.poll(() => text(table)).not.toContain('CK-E2E-CUSTOMS');
    expect(await text(table)).toContain('CK-E2E-STUCK');

    await byId('tracking-tab-performance').click();
    await expect.poll(() => byId('performance-transit-chart').locator('canvas').count()).toBeGreaterThan(0);
    expect(await byId('performance-daily-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => text(byId('performance-table'))).toContain('YunExpress DE');
    expect(await text(byId('performance-table'))).toContain('DHL Express');
    // 4 of 6 delivered within the promise.
    expect(await text(byId('performance-on-time'))).toContain('66.7%');
    await screenshot(page, 'tracking-performance-en');

    await byId('tracking-tab-journeys').click();
    await byId('journeys-search').locator('input').fill('YT2400000000000777');
    await expect.poll(() => page.getByTestId('journey-link').count()).toBe(1);
    await byId('journey-link').click();
    await page.waitForURL(/\/tracking\/journeys\//);
    await expect.poll(() => text(byId('journey-reference'))).toContain('CK-E2E-CUSTOMS');
    expect(await page.getByTestId('journey-event').count()).toBe(3);
    expect(await text(byId('journey-timeline'))).toContain('Held by customs');
    expect(await text(byId('journey-legs'))).toContain('SF1400000000001');
    expect(await text(byId('journey-public-link'))).toContain(`/track/${shop}/CK-E2E-CUSTOMS`);
    expect(await text(byId('journey-exception'))).toContain('Resolved');
    expect(await text(byId('journey-timeline'))).toContain('Held by customs');
    expect(await text(byId('journey-milestones'))).toContain('Import customs');
    await screenshot(page, 'tracking-journey-en');
    expect(pageErrors).toEqual([]);
  });

  it('speaks Chinese', async () => {
    await page.goto(`/admin/shops/${shop}/tracking?tab=exceptions`);
    await expect.poll(() => text(byId('exceptions-table'))).toContain('CK-E2E-STUCK');
    await byId('lang-switch').click();
    await expect.poll(() => text(page.locator('h3').first())).toBe('物流跟踪');
    await expect.poll(() => text(byId('exceptions-table'))).toContain('停滞');
    await screenshot(page, 'tracking-exceptions-zh');
    await page.goto(`/admin/shops/${shop}/tracking?tab=performance`);
    await expect.poll(() => byId('performance-transit-chart').locator('canvas').count()).toBeGreaterThan(0);
    expect(await text(page.locator('body'))).toContain('准时率');
    await screenshot(page, 'tracking-performance-zh');
    expect(pageErrors).toEqual([]);
  });
  it('imports a CSV of events (a fresh scan clears the stuck parcel) and rotates the webhook secret', async () => {
    await byId('lang-switch').click();
    await page.goto(`/admin/shops/${shop}/tracking?tab=import`);
    await expect.poll(() => text(page.locator('h3').first())).toBe('Tracking');
    const csv = [
      '运单号,承运商,时间,状态,描述,国家',
      `1234567890,dhl,${new Date(Date.now() - 3_600_000).toISOString()},InTransit,Arrived at sort facility,US`,
      '1234567890,dhl,not a time,InTransit,Broken row,US',
    ].join('\n');
    await byId('tracking-import-file').setInputFiles({
      name: 'events.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect.poll(() => text(byId('tracking-import-result'))).toContain('1 events stored');
    expect(await text(byId('tracking-import-result'))).toContain('1 rows failed');
    await screenshot(page, 'tracking-import-en');
    await byId('tracking-tab-exceptions').click();
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => text(byId('exceptions-table'))).not.toContain('CK-E2E-STUCK');

    await byId('tracking-tab-webhooks').click();
    expect(await text(byId('webhook-17track-url'))).toContain(`/api/webhooks/17track/${shop}`);
    await byId('webhook-rotate').click();
    await expect.poll(() => text(byId('webhook-secret'))).toMatch(/^whsec_/);
    await expect.poll(() => text(byId('webhook-status'))).toContain('set on');
    await screenshot(page, 'tracking-webhooks-en');
    expect(pageErrors).toEqual([]);
  });
});
