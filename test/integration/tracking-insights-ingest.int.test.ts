/**
 * The worklist and the statistics over journeys and events written by the tracking domain's own
 * functions (registerJourney, ingestTrackingEvents), not by hand-made rows: the exceptions follow
 * the normalised status and sub-status the ingestion stores, and a delivery takes a parcel off
 * the list and into the performance figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ingestTrackingEvents,
  type RawTrackingEvent,
  registerJourney,
} from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { DAY, daysAgo } from './tracking-insights-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('tracking insights over ingested events', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  const slug = 'trk-ing';
  const S = `/api/shops/${slug}`;
  let journeyId: string;

  const ingest = (events: Omit<RawTrackingEvent, 'source'>[]) =>
    withShop(t.deps.database.db, shopId, (trx) =>
      ingestTrackingEvents(
        trx,
        shopId,
        events.map((e) => ({ ...e, source: 'api' as const })),
      ),
    );
  const exceptionOf = async (state = 'active') => {
    const res = await owner.request('GET', `${S}/tracking/exceptions?state=${state}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { reference: string; kind: string; state: string }[]).find(
      (i) => i.reference === 'CK-ING-1',
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
    journeyId = await withShop(t.deps.database.db, shopId, async (trx) => {
      const j = await registerJourney(trx, shopId, {
        reference: 'CK-ING-1',
        destinationCountry: 'DE',
        destinationCity: 'Berlin',
        serviceName: 'YunExpress DE',
        promisedDays: 10,
        shippedAt: daysAgo(12),
        legs: [
          { kind: 'line_haul', mode: 'air', carrier: 'yunexpress', trackingNumber: 'YT2400000000000001' },
          { kind: 'last_mile', mode: 'postal', carrier: 'dhl', trackingNumber: '00340434161234567890' },
        ],
      });
      return j.journeyId;
    });
  });
  afterAll(() => t?.close());

  it('a customs hold from the carrier shows up, is resolved, and the next hold event reopens it', async () => {
    await ingest([
      {
        carrier: 'yunexpress',
        trackingNumber: 'YT2400000000000001',
        occurredAt: daysAgo(11),
        description: 'Departed from origin',
        status: 'InTransit',
        milestone: 'departed_origin',
      },
      {
        carrier: 'dhl',
        trackingNumber: '00340434161234567890',
        occurredAt: daysAgo(2),
        description: 'Held by customs',
        status: 'Exception',
        subStatus: 'customs_hold',
        milestone: 'import_customs',
      },
    ]);
    expect(await exceptionOf()).toMatchObject({ kind: 'customs_hold', state: 'open' });
    const resolved = await owner.request('POST', `${S}/tracking/exceptions/${journeyId}/actions`, {
      action: 'resolve',
      note: 'EORI sent to DHL',
    });
    expect(resolved.statusCode, resolved.body).toBe(201);
    expect(await exceptionOf()).toBeUndefined();
    await ingest([
      {
        carrier: 'dhl',
        trackingNumber: '00340434161234567890',
        occurredAt: new Date(Date.now() - DAY / 2),
        description: 'Still held by customs: documents missing',
        status: 'Exception',
        subStatus: 'customs_hold',
      },
    ]);
    expect(await exceptionOf()).toMatchObject({ kind: 'customs_hold', state: 'open' });
  });

  it('delivery takes it off the list and into the transit statistics', async () => {
    await ingest([
      {
        carrier: 'dhl',
        trackingNumber: '00340434161234567890',
        occurredAt: new Date(Date.now() - DAY / 4),
        description: 'Delivered',
        status: 'Delivered',
        milestone: 'delivered',
      },
    ]);
    expect(await exceptionOf('all')).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    const perf = (await owner.request('GET', `${S}/tracking/performance?to=${today}`)).json();
    expect(perf.total).toMatchObject({ count: 1, judged: 1, onTime: 0, onTimeRate: 0 });
    expect(perf.groups[0]).toMatchObject({ key: 'YunExpress DE', count: 1 });
    expect(perf.total.p50).toBeGreaterThan(11.5);
    const detail = (await owner.request('GET', `${S}/tracking/journeys/CK-ING-1`)).json();
    expect(detail.status).toBe('Delivered');
    expect(detail.events).toHaveLength(4);
    expect(detail.actions).toHaveLength(1);
    expect(
      detail.milestones.find((m: { milestone: string }) => m.milestone === 'delivered').reachedAt,
    ).not.toBeNull();
  });
});
