import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addJourneyLeg,
  getJourneyTimeline,
  ingestTrackingEvents,
  type RawTrackingEvent,
  registerJourney,
} from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

const at = (s: string) => new Date(s);
const ev = (
  number: string,
  time: string,
  description: string,
  extra: Partial<RawTrackingEvent> = {},
): RawTrackingEvent => ({
  carrier: 'yunexpress',
  trackingNumber: number,
  occurredAt: at(time),
  description,
  source: 'api',
  ...extra,
});

describe.skipIf(skip)('tracking: journeys, ingestion, dedupe and out-of-order events', () => {
  let t: TestApp;
  let shopId: string;
  let otherShopId: string;
  const tx = <T>(fn: Parameters<typeof withShop<T>>[2], shop = shopId) =>
    withShop(t.deps.database.db, shop, fn);

  beforeAll(async () => {
    t = await createTestApp();
    shopId = (await seedShop(t, 'trk-journeys')).shop.id;
    otherShopId = (await seedShop(t, 'trk-journeys-b')).shop.id;
  });
  afterAll(async () => t?.close());

  it('registers a journey idempotently by reference and stitches three legs into one timeline', async () => {
    const input = {
      reference: 'CK-000001',
      destinationCountry: 'DE',
      destinationCity: 'Berlin',
      serviceName: 'YunExpress Rail DDP',
      promisedDays: 20,
      legs: [
        {
          kind: 'first_mile' as const,
          mode: 'courier',
          carrier: 'sfexpress' as const,
          trackingNumber: 'SF1234567890123',
        },
        {
          kind: 'line_haul' as const,
          mode: 'rail',
          carrier: 'yunexpress' as const,
          trackingNumber: 'yt2412345678901234',
        },
      ],
    };
    const first = await tx((trx) => registerJourney(trx, shopId, input));
    const again = await tx((trx) => registerJourney(trx, shopId, input));
    expect(again).toEqual(first);
    expect(first.publicToken.length).toBeGreaterThan(20);

    // Events arrive before the last-mile leg is known, out of order and duplicated across sources.
    const r = await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev('YT2412345678901234', '2026-11-03T08:00:00Z', 'Departed from Alashankou', {
          rawStatus: '班列已发车',
        }),
        ev('SF1234567890123', '2026-11-01T02:00:00Z', '顺丰已揽收', { carrier: 'sfexpress' }),
        ev('YT2412345678901234', '2026-11-02T10:00:00Z', 'Export customs cleared'),
        ev('YT2412345678901234', '2026-11-02T10:00:00Z', 'Export customs cleared', { source: 'csv' }),
      ]),
    );
    expect(r).toEqual({ inserted: 3, duplicates: 1, journeysUpdated: 1 });

    await tx((trx) =>
      addJourneyLeg(trx, shopId, 'CK-000001', {
        kind: 'last_mile',
        mode: 'postal',
        carrier: 'deutschepost',
        trackingNumber: 'RR123456785DE',
      }),
    );
    await tx((trx) =>
      addJourneyLeg(trx, shopId, 'CK-000001', {
        kind: 'last_mile',
        mode: 'postal',
        carrier: 'deutschepost',
        trackingNumber: 'RR123456785DE',
      }),
    );
    await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev('RR123456785DE', '2026-11-20T09:00:00Z', 'Zugestellt / delivered', {
          carrier: 'deutschepost',
          city: 'Berlin',
          country: 'de',
        }),
        ev('RR123456785DE', '2026-11-19T07:00:00Z', 'Out for delivery', { carrier: 'deutschepost' }),
      ]),
    );
    // A late, older event must not move the status back.
    await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev('RR123456785DE', '2026-11-15T07:00:00Z', 'Import customs clearance', { carrier: 'deutschepost' }),
      ]),
    );

    const timeline = await tx((trx) => getJourneyTimeline(trx, shopId, 'rr 123456785 de'));
    expect(timeline).toBeDefined();
    expect(timeline!.reference).toBe('CK-000001');
    expect(timeline!.status).toBe('Delivered');
    expect(timeline!.milestone).toBe('delivered');
    expect(timeline!.deliveredAt).toBe('2026-11-20T09:00:00.000Z');
    expect(timeline!.legs.map((l) => [l.seq, l.kind, l.trackingNumber])).toEqual([
      [1, 'first_mile', 'SF1234567890123'],
      [2, 'line_haul', 'YT2412345678901234'],
      [3, 'last_mile', 'RR123456785DE'],
    ]);
    const times = timeline!.events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(timeline!.events.map((e) => [e.status, e.milestone, e.legKind])).toEqual([
      ['Delivered', 'delivered', 'last_mile'],
      ['OutForDelivery', 'handed_to_last_mile', 'last_mile'],
      ['InTransit', 'import_customs', 'last_mile'],
      ['InTransit', 'departed_origin', 'line_haul'],
      ['InTransit', 'export_customs_cleared', 'line_haul'],
      ['InTransit', 'picked_up', 'first_mile'],
    ]);
    expect(timeline!.events[0]!.country).toBe('DE');
    const reached = Object.fromEntries(timeline!.milestones.map((m) => [m.milestone, m.reachedAt]));
    expect(reached.picked_up).toBe('2026-11-01T02:00:00.000Z');
    expect(reached.arrived_destination).toBeNull();
    expect(JSON.stringify(timeline)).not.toMatch(/orderId|phone|address/i);
  });

  it('a later event after delivery wins (returned to sender), an equal-time tie keeps the final status', async () => {
    await tx((trx) =>
      registerJourney(trx, shopId, {
        reference: 'CK-000002',
        destinationCountry: 'US',
        legs: [{ kind: 'last_mile', carrier: 'usps', trackingNumber: '9400111201080805483016' }],
      }),
    );
    const n = '9400111201080805483016';
    await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev(n, '2026-11-10T10:00:00Z', 'Delivered, in mailbox', { carrier: 'usps' }),
        ev(n, '2026-11-10T10:00:00Z', 'Arrived at post office', { carrier: 'usps' }),
      ]),
    );
    let tl = await tx((trx) => getJourneyTimeline(trx, shopId, 'CK-000002'));
    expect(tl!.status).toBe('Delivered');
    await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev(n, '2026-11-12T10:00:00Z', 'Return to sender: refused', {
          carrier: 'usps',
          rawStatus: 'Exception_Returning',
        }),
      ]),
    );
    tl = await tx((trx) => getJourneyTimeline(trx, shopId, 'CK-000002'));
    expect(tl!.status).toBe('Exception');
    expect(tl!.events[0]!.subStatus).toBe('returned_to_sender');
    expect(tl!.deliveredAt).toBeNull();
  });

  it('events and journeys of one shop are invisible to another', async () => {
    expect(await tx((trx) => getJourneyTimeline(trx, otherShopId, 'CK-000001'), otherShopId)).toBeUndefined();
    expect(
      await tx((trx) => getJourneyTimeline(trx, otherShopId, 'SF1234567890123'), otherShopId),
    ).toBeUndefined();
    // The same event in shop B is stored separately (dedupe is per shop).
    const r = await tx(
      (trx) =>
        ingestTrackingEvents(trx, otherShopId, [
          ev('SF1234567890123', '2026-11-01T02:00:00Z', '顺丰已揽收', { carrier: 'sfexpress' }),
        ]),
      otherShopId,
    );
    expect(r.inserted).toBe(1);
  });

  it('deduplicates by the source event id as well', async () => {
    const r = await tx((trx) =>
      ingestTrackingEvents(trx, shopId, [
        ev('LP00123456789012', '2026-11-01T00:00:00Z', 'Accepted', { carrier: 'cainiao', externalId: 'e-1' }),
        ev('LP00123456789012', '2026-11-01T00:00:05Z', 'Accepted (corrected time)', {
          carrier: 'cainiao',
          externalId: 'e-1',
        }),
      ]),
    );
    expect(r).toMatchObject({ inserted: 1, duplicates: 1, journeysUpdated: 0 });
  });

  it('concurrent deliveries for one journey end with the latest event, whatever commits first', async () => {
    await tx((trx) =>
      registerJourney(trx, shopId, {
        reference: 'CK-RACE',
        destinationCountry: 'GB',
        legs: [
          { kind: 'line_haul', carrier: 'yunexpress', trackingNumber: 'YT9999000011112222' },
          { kind: 'last_mile', carrier: 'royalmail', trackingNumber: 'RR123456785GB' },
        ],
      }),
    );
    const days = Array.from({ length: 12 }, (_, i) => i + 1);
    await Promise.all(
      days.map((d) =>
        tx((trx) =>
          ingestTrackingEvents(trx, shopId, [
            ev(
              d % 2 ? 'YT9999000011112222' : 'RR123456785GB',
              `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`,
              d === 12 ? 'Out for delivery' : `Scan ${d}`,
              { carrier: d % 2 ? 'yunexpress' : 'royalmail' },
            ),
          ]),
        ),
      ),
    );
    const tl = await tx((trx) => getJourneyTimeline(trx, shopId, 'CK-RACE'));
    expect(tl!.events.length).toBe(12);
    expect(tl!.status).toBe('OutForDelivery');
    expect(tl!.milestone).toBe('handed_to_last_mile');
  });
});
