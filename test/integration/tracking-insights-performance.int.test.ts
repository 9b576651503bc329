import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile } from '../../src/domains/tracking/insights/stats.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { DAY, seedJourney } from './tracking-insights-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('tracking performance and journeys for the admin', () => {
  let t: TestApp;
  let owner: Client;
  let other: Client;
  let shopId: string;
  const slug = 'trk-perf';
  const S = `/api/shops/${slug}`;
  // Fixed days so the series and groups are exact: shipped at noon UTC, transit in hours.
  const ship = (day: string) => new Date(`${day}T12:00:00Z`);
  const parcels = [
    // service, destination, shipped, transit days, promised days
    ['YunExpress', 'DE', '2026-10-01', 5, 7],
    ['YunExpress', 'DE', '2026-10-01', 6.5, 7],
    ['YunExpress', 'FR', '2026-10-02', 8, 7],
    ['YunExpress', 'FR', '2026-10-03', 12, 7],
    ['DHL Express', 'US', '2026-10-04', 2, 3],
    ['DHL Express', 'US', '2026-10-04', 3, 3],
    ['DHL Express', 'DE', '2026-10-05', 4, null],
  ] as const;

  beforeAll(async () => {
    t = await createTestApp();
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
    other = (await seedShop(t, 'trk-perf-b')).client;
    for (const [i, [service, dest, shipped, transit, promised]] of parcels.entries()) {
      const shippedAt = ship(shipped);
      await seedJourney(t, shopId, {
        reference: `CK-P${i}`,
        destination: dest,
        serviceName: service,
        promisedDays: promised,
        shippedAt,
        legs: [{ kind: 'line_haul', mode: 'air', carrier: 'yunexpress', number: `YT000000000000010${i}` }],
        events: [
          {
            at: new Date(shippedAt.getTime() + DAY / 4),
            status: 'InTransit',
            milestone: 'picked_up',
            city: 'Shenzhen',
            country: 'CN',
          },
          {
            at: new Date(shippedAt.getTime() + transit * DAY),
            status: 'Delivered',
            milestone: 'delivered',
            rawStatus: '已签收',
            city: 'Berlin',
            country: dest,
          },
        ],
      });
    }
    // Not delivered: never part of the statistics.
    await seedJourney(t, shopId, {
      reference: 'CK-OPEN',
      destination: 'DE',
      serviceName: 'YunExpress',
      orderId: '00000000-0000-4000-8000-0000000000aa',
      shippedAt: ship('2026-10-06'),
      legs: [
        { kind: 'first_mile', mode: 'courier', carrier: 'sfexpress', number: 'SF2000000001' },
        { kind: 'line_haul', mode: 'rail', carrier: 'railway', number: 'RW-7' },
      ],
      events: [
        { at: ship('2026-10-07'), status: 'InTransit', milestone: 'picked_up', leg: 0, rawStatus: '已揽收' },
      ],
    });
  });
  afterAll(() => t?.close());

  it('p50/p90, count and on-time rate per service agree with the pure definitions', async () => {
    const res = await owner.request(
      'GET',
      `${S}/tracking/performance?from=2026-10-01&to=2026-10-31&groupBy=service`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const yun = body.groups.find((g: { key: string }) => g.key === 'YunExpress');
    const dhl = body.groups.find((g: { key: string }) => g.key === 'DHL Express');
    expect(yun).toMatchObject({ count: 4, p50: 7.3, p90: 10.8, judged: 4, onTime: 2, onTimeRate: 0.5 });
    expect(yun.p50).toBeCloseTo(percentile([5, 6.5, 8, 12], 0.5)!, 1);
    expect(yun.p90).toBeCloseTo(percentile([5, 6.5, 8, 12], 0.9)!, 1);
    // The DE parcel without a promise counts for transit but is not judged on time.
    expect(dhl).toMatchObject({ count: 3, p50: 3, p90: 3.8, judged: 2, onTime: 2, onTimeRate: 1 });
    expect(body.total).toMatchObject({ count: 7, judged: 6, onTime: 4 });
    expect(body.total.p50).toBeCloseTo(percentile([5, 6.5, 8, 12, 2, 3, 4], 0.5)!, 1);
    expect(body.daily).toHaveLength(31);
    const oct6 = body.daily.find((d: { day: string }) => d.day === '2026-10-06');
    // Delivered on 6 Oct: DHL to the US shipped 4 Oct + 2 d, and YunExpress shipped 1 Oct + 5 d.
    expect(oct6).toEqual({ day: '2026-10-06', delivered: 2, onTimeRate: 1 });
    expect(body.daily.find((d: { day: string }) => d.day === '2026-10-15')).toEqual({
      day: '2026-10-15',
      delivered: 1,
      onTimeRate: 0,
    });
  });

  it('groups by route and respects the period', async () => {
    const res = await owner.request(
      'GET',
      `${S}/tracking/performance?from=2026-10-01&to=2026-10-31&groupBy=route`,
    );
    const routes = Object.fromEntries(
      res.json().groups.map((g: { key: string; count: number }) => [g.key, g.count]),
    );
    expect(routes).toEqual({ 'CN→DE': 3, 'CN→FR': 2, 'CN→US': 2 });
    const early = (
      await owner.request('GET', `${S}/tracking/performance?from=2026-10-01&to=2026-10-06`)
    ).json();
    expect(early.total.count).toBe(2);
    const bad = await owner.request('GET', `${S}/tracking/performance?from=2026-10-09&to=2026-10-01`);
    expect(bad.statusCode).toBe(400);
    const empty = (
      await other.request('GET', '/api/shops/trk-perf-b/tracking/performance?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(empty.total).toMatchObject({ count: 0, p50: null, onTimeRate: null });
    expect(empty.groups).toEqual([]);
  });

  it('lists and searches journeys by reference, tracking number and order id, and filters', async () => {
    const list = async (q: string) => {
      const r = await owner.request('GET', `${S}/tracking/journeys${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        items: { reference: string; trackingNumbers: string[] }[];
        nextCursor: string | null;
      };
    };
    expect((await list('')).items).toHaveLength(8);
    expect((await list('?q=CK-OP')).items.map((i) => i.reference)).toEqual(['CK-OPEN']);
    expect((await list('?q=rw-7')).items.map((i) => i.reference)).toEqual(['CK-OPEN']);
    expect((await list('?q=00000000-0000-4000-8000-0000000000aa')).items.map((i) => i.reference)).toEqual([
      'CK-OPEN',
    ]);
    expect((await list('?status=InTransit')).items[0]?.trackingNumbers).toEqual(['SF2000000001', 'RW-7']);
    expect((await list('?destination=us&status=Delivered')).items).toHaveLength(2);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(8);
    const b = await other.request('GET', '/api/shops/trk-perf-b/tracking/journeys?q=CK-OPEN');
    expect(b.json().items).toEqual([]);
  });

  it('shows a journey with legs, every event with raw status and source, milestones and the public link', async () => {
    const res = await owner.request('GET', `${S}/tracking/journeys/SF2000000001`);
    expect(res.statusCode, res.body).toBe(200);
    const j = res.json();
    expect(j).toMatchObject({
      reference: 'CK-OPEN',
      publicPath: '/track/trk-perf/CK-OPEN',
      status: 'InTransit',
      legs: [
        { seq: 1, kind: 'first_mile', carrier: 'sfexpress', trackingNumber: 'SF2000000001' },
        { seq: 2, kind: 'line_haul', mode: 'rail', carrier: 'railway', trackingNumber: 'RW-7' },
      ],
      events: [{ rawStatus: '已揽收', source: 'api', legKind: 'first_mile', trackingNumber: 'SF2000000001' }],
    });
    expect(j.milestones[0]).toMatchObject({ milestone: 'picked_up', reachedAt: '2026-10-07T12:00:00.000Z' });
    expect(j.milestones[6]).toEqual({ milestone: 'delivered', reachedAt: null });
    expect(j.exception).toMatchObject({ kind: 'stuck' });
    const byRef = (await owner.request('GET', `${S}/tracking/journeys/${j.id}`)).json();
    expect(byRef.reference).toBe('CK-OPEN');
    expect((await other.request('GET', '/api/shops/trk-perf-b/tracking/journeys/CK-OPEN')).statusCode).toBe(
      404,
    );
  });
});
