import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJourneyTimeline, registerJourney } from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import {
  carrierDelivery,
  type SignedRequest,
  seventeenTrackDelivery,
  seventeenTrackPush,
} from '../simulators/tracking-webhooks.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('tracking webhooks: carrier HMAC and 17TRACK push', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  let secret: string;
  const slug = 'trk-hooks';
  const key17 = '17track-security-key-0001';

  const post = (req: SignedRequest) =>
    t.app.inject({ method: 'POST', url: req.url, headers: req.headers, payload: req.body });
  const eventCount = async (shop = shopId) =>
    withShop(t.deps.database.db, shop, async (trx) =>
      Number(
        (
          await trx
            .selectFrom('tracking_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('shop_id', '=', shop)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  const carrierEvents = [
    {
      trackingNumber: 'YT2412345678901234',
      time: '2026-11-02T10:00:00+08:00',
      status: '已揽收',
      description: '深圳仓已收货',
    },
    {
      trackingNumber: 'YT2412345678901234',
      time: '2026-11-03T22:10:00+08:00',
      status: '航班已起飞',
      description: 'Flight CZ123 departed SZX',
      location: 'Shenzhen',
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    const rotated = await owner.request('POST', `/api/shops/${slug}/tracking/webhook-secrets/carrier/rotate`);
    expect(rotated.statusCode, rotated.body).toBe(201);
    secret = rotated.json().secret;
    const set17 = await owner.request('PUT', `/api/shops/${slug}/tracking/webhook-secrets/17track`, {
      key: key17,
    });
    expect(set17.statusCode, set17.body).toBe(200);
    expect(set17.json().seventeenTrack.configured).toBe(true);
    await withShop(t.deps.database.db, shopId, (trx) =>
      registerJourney(trx, shopId, {
        reference: 'CK-HOOK-1',
        destinationCountry: 'US',
        destinationCity: 'Austin',
        legs: [
          { kind: 'line_haul', mode: 'air', carrier: 'yunexpress', trackingNumber: 'YT2412345678901234' },
        ],
      }),
    );
  });
  afterAll(async () => t?.close());

  it('the secret is sealed at rest and never shown again', async () => {
    const row = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('tracking_webhook_secrets').selectAll().where('shop_id', '=', shopId).execute(),
    );
    expect(row.length).toBe(2);
    for (const r of row) {
      expect(r.sealed_secret).not.toContain(secret);
      expect(r.sealed_secret).not.toContain(key17);
    }
    const status = await owner.request('GET', `/api/shops/${slug}/tracking/webhook-secrets`);
    expect(status.body).not.toContain(secret);
    expect(status.json().carrier.configured).toBe(true);
  });

  it('accepts a correctly signed delivery once and refuses its replay with 409', async () => {
    const req = carrierDelivery({ shop: slug, carrier: 'yunexpress', secret }, carrierEvents);
    const ok = await post(req);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ inserted: 2, duplicates: 0, journeysUpdated: 1 });
    const replay = await post(req);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.details.reason).toBe('replayed');
    // The same events under a new delivery id are accepted but stored once (dedupe).
    const again = await post(carrierDelivery({ shop: slug, carrier: 'yunexpress', secret }, carrierEvents));
    expect(again.json()).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(await eventCount()).toBe(2);
    const tl = await withShop(t.deps.database.db, shopId, (trx) =>
      getJourneyTimeline(trx, shopId, 'CK-HOOK-1'),
    );
    expect(tl!.milestone).toBe('departed_origin');
    expect(tl!.events[0]!.occurredAt).toBe('2026-11-03T14:10:00.000Z');
  });

  it.each([
    ['a wrong secret', { signWith: 'not-the-secret' }, 'signature_mismatch'],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 600 }, 'stale_timestamp'],
    ['a future timestamp', { timestamp: Math.floor(Date.now() / 1000) + 600 }, 'stale_timestamp'],
  ])('refuses %s with 401 and stores nothing', async (_name, overrides, reason) => {
    const before = await eventCount();
    const req = carrierDelivery(
      { shop: slug, carrier: 'yunexpress', secret },
      [
        {
          trackingNumber: 'YT2412345678901234',
          time: '2026-11-05T10:00:00Z',
          description: 'should not be stored',
        },
      ],
      overrides,
    );
    const res = await post(req);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.json().error.details.reason).toBe(reason);
    expect(await eventCount()).toBe(before);
  });

  it('refuses an unsigned delivery and a body changed after signing', async () => {
    const req = carrierDelivery({ shop: slug, carrier: 'yunexpress', secret }, carrierEvents);
    const { 'x-cunkou-signature': _, ...unsigned } = req.headers;
    const res = await post({ ...req, headers: unsigned });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toBe('missing_signature');
    const tampered = await post({ ...req, body: req.body.replace('深圳', '广州') });
    expect(tampered.json().error.details.reason).toBe('signature_mismatch');
  });

  it('a malformed body is a 400 naming the field, and its delivery id stays usable', async () => {
    const bad = carrierDelivery(
      { shop: slug, carrier: 'yunexpress', secret },
      [{ trackingNumber: 'YT2412345678901234', time: '2026-11-05 10:00', description: 'no offset' }],
      { deliveryId: 'd-400' },
    );
    const res = await post(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('events.0.time');
    const notJson = await post(
      carrierDelivery({ shop: slug, carrier: 'yunexpress', secret }, null, { rawBody: '{events:' }),
    );
    expect(notJson.statusCode).toBe(400);
    const fixed = carrierDelivery(
      { shop: slug, carrier: 'yunexpress', secret },
      [
        {
          trackingNumber: 'YT2412345678901234',
          time: '2026-11-05T10:00:00+08:00',
          description: 'Arrived at LAX',
        },
      ],
      { deliveryId: 'd-400' },
    );
    expect((await post(fixed)).statusCode).toBe(200);
  });

  it('an unknown carrier code or shop is 404; a shop without a secret is 401', async () => {
    expect(
      (await post(carrierDelivery({ shop: slug, carrier: 'nosuch', secret }, carrierEvents))).statusCode,
    ).toBe(404);
    expect(
      (await post(carrierDelivery({ shop: 'nosuch-shop', carrier: 'ups', secret }, carrierEvents)))
        .statusCode,
    ).toBe(404);
    await seedShop(t, 'trk-hooks-b');
    const other = await post(
      carrierDelivery({ shop: 'trk-hooks-b', carrier: 'yunexpress', secret }, carrierEvents),
    );
    expect(other.statusCode).toBe(401);
    expect(other.json().error.details.reason).toBe('not_configured');
  });

  it('ingests a 17TRACK push; the last-mile provider becomes a last_mile leg', async () => {
    const payload = seventeenTrackPush({
      number: 'YT2412345678901234',
      carrier: 190008,
      providers: [
        {
          key: 190008,
          name: 'YunExpress',
          events: [
            {
              time_iso: '2026-11-04T08:00:00-08:00',
              time_utc: '2026-11-04T16:00:00Z',
              description: 'Arrived at destination airport',
              location: 'Los Angeles, US',
              stage: 'InTransit',
              sub_status: 'InTransit_Arrival',
              address: { country: 'US', city: 'Los Angeles' },
            },
            {
              time_iso: '2026-11-05T09:00:00-08:00',
              time_utc: '2026-11-05T17:00:00Z',
              description: 'Customs clearance completed',
              stage: 'InTransit',
              sub_status: 'InTransit_CustomsReleased',
            },
          ],
        },
        {
          key: 21051,
          name: 'USPS',
          events: [
            {
              time_iso: '2026-11-08T07:10:00-06:00',
              time_utc: '2026-11-08T13:10:00Z',
              description: 'Out for Delivery',
              sub_status: 'OutForDelivery_Other',
              address: { country: 'US', city: 'Austin' },
            },
            {
              time_iso: '2026-11-08T14:02:00-06:00',
              time_utc: '2026-11-08T20:02:00Z',
              description: 'Delivered, In/At Mailbox',
              stage: 'Delivered',
              sub_status: 'Delivered_Other',
              address: { country: 'US', city: 'Austin' },
            },
          ],
        },
      ],
    });
    const res = await post(seventeenTrackDelivery({ shop: slug, key: key17 }, payload));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 4, lastMileLegs: 1, stopped: false });
    const tl = await withShop(t.deps.database.db, shopId, (trx) =>
      getJourneyTimeline(trx, shopId, 'CK-HOOK-1'),
    );
    expect(tl!.status).toBe('Delivered');
    expect(tl!.legs.map((l) => [l.kind, l.carrier])).toEqual([
      ['line_haul', 'yunexpress'],
      ['last_mile', 'usps'],
    ]);
    expect(tl!.events.slice(0, 2).map((e) => [e.status, e.legKind, e.city])).toEqual([
      ['Delivered', 'last_mile', 'Austin'],
      ['OutForDelivery', 'last_mile', 'Austin'],
    ]);
    expect(tl!.milestones.find((m) => m.milestone === 'import_customs')!.reachedAt).toBe(
      '2026-11-05T17:00:00.000Z',
    );
    // The same push again is a replay.
    expect((await post(seventeenTrackDelivery({ shop: slug, key: key17 }, payload))).statusCode).toBe(409);
  });

  it('refuses a 17TRACK push with a bad or missing sign, and names a malformed field', async () => {
    const payload = seventeenTrackPush({ number: 'LP00123456789012', carrier: 0, providers: [] });
    const before = await eventCount();
    const bad = await post(
      seventeenTrackDelivery({ shop: slug, key: key17 }, payload, { signWith: 'wrong' }),
    );
    expect(bad.statusCode).toBe(401);
    const missing = await post(
      seventeenTrackDelivery({ shop: slug, key: key17 }, payload, { omitSign: true }),
    );
    expect(missing.json().error.details.reason).toBe('missing_signature');
    const malformed = await post(
      seventeenTrackDelivery({ shop: slug, key: key17 }, { event: 'TRACKING_UPDATED', data: {} }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].field).toBe('data.number');
    const stopped = await post(
      seventeenTrackDelivery({ shop: slug, key: key17 }, { ...payload, event: 'TRACKING_STOPPED' }),
    );
    expect(stopped.json()).toMatchObject({ stopped: true, inserted: 0 });
    expect(await eventCount()).toBe(before);
  });
});
