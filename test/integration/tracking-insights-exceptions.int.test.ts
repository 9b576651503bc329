import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { addEvent, DAY, daysAgo, type SeedJourney, seedJourney } from './tracking-insights-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('tracking exceptions worklist', () => {
  let t: TestApp;
  let owner: Client;
  let warehouse: Client;
  let other: Client;
  let shopId: string;
  const slug = 'trk-exc';
  const S = `/api/shops/${slug}`;
  const ids: Record<string, string> = {};

  // One journey per kind; each name says what the worklist should make of it.
  const journeys: Record<string, SeedJourney> = {
    railQuiet8: {
      reference: 'CK-RAIL-8',
      destination: 'DE',
      serviceName: 'Rail DE',
      orderId: '00000000-0000-4000-8000-000000000001',
      shippedAt: daysAgo(20),
      legs: [
        { kind: 'first_mile', mode: 'courier', carrier: 'sfexpress', number: 'SF1000000001' },
        { kind: 'line_haul', mode: 'rail', carrier: 'railway', number: 'RW-0001' },
      ],
      events: [
        { at: daysAgo(19), status: 'InTransit', milestone: 'picked_up', leg: 0 },
        {
          at: daysAgo(8),
          status: 'InTransit',
          milestone: 'departed_origin',
          city: 'Alashankou',
          country: 'CN',
        },
      ],
    },
    expressQuiet4: {
      reference: 'CK-EXP-4',
      destination: 'US',
      serviceName: 'DHL Express',
      shippedAt: daysAgo(6),
      legs: [{ kind: 'last_mile', mode: 'express', carrier: 'dhl', number: '1234567890' }],
      events: [{ at: daysAgo(4), status: 'InTransit', milestone: 'departed_origin' }],
    },
    customs: {
      reference: 'CK-CUSTOMS',
      destination: 'GB',
      serviceName: 'YunExpress',
      shippedAt: daysAgo(9),
      legs: [{ kind: 'line_haul', mode: 'air', carrier: 'yunexpress', number: 'YT0000000000000001' }],
      events: [
        { at: daysAgo(8), status: 'InTransit', milestone: 'departed_origin' },
        { at: daysAgo(1), status: 'Exception', subStatus: 'customs_hold', milestone: 'import_customs' },
      ],
    },
    returned: {
      reference: 'CK-RTS',
      destination: 'FR',
      serviceName: 'YunExpress',
      shippedAt: daysAgo(30),
      legs: [{ kind: 'line_haul', mode: 'postal', carrier: 'chinapost', number: 'RR123456785CN' }],
      events: [{ at: daysAgo(2), status: 'Exception', subStatus: 'returned_to_sender' }],
    },
    failed: {
      reference: 'CK-FAILED',
      destination: 'US',
      serviceName: 'DHL Express',
      shippedAt: daysAgo(5),
      legs: [{ kind: 'last_mile', mode: 'express', carrier: 'usps', number: '9400100000000000000000' }],
      events: [{ at: daysAgo(0.5), status: 'AttemptFail', description: 'No access to delivery location' }],
    },
    lost: {
      reference: 'CK-LOST',
      destination: 'ES',
      serviceName: 'Correos',
      shippedAt: daysAgo(25),
      legs: [{ kind: 'last_mile', mode: 'postal', carrier: 'correos', number: 'PQ4F000000000000' }],
      events: [
        { at: daysAgo(3), status: 'Exception', subStatus: 'lost', description: 'Parcel reported lost' },
      ],
    },
    expired: {
      reference: 'CK-EXPIRED',
      destination: 'BR',
      shippedAt: daysAgo(90),
      legs: [{ kind: 'line_haul', mode: 'postal', carrier: 'chinapost', number: 'LX000000000CN' }],
      events: [{ at: daysAgo(40), status: 'Expired' }],
    },
    neverScanned: {
      reference: 'CK-NOSCAN',
      destination: 'US',
      shippedAt: daysAgo(6),
      legs: [{ kind: 'line_haul', mode: 'air', carrier: '4px', number: '4PX3000000000001' }],
    },
    justShipped: {
      reference: 'CK-FRESH',
      destination: 'US',
      shippedAt: daysAgo(2),
      legs: [{ kind: 'line_haul', mode: 'air', carrier: '4px', number: '4PX3000000000002' }],
    },
    delivered: {
      reference: 'CK-DONE',
      destination: 'US',
      shippedAt: daysAgo(40),
      legs: [{ kind: 'last_mile', mode: 'express', carrier: 'ups', number: '1Z999AA10123456784' }],
      events: [{ at: daysAgo(30), status: 'Delivered', milestone: 'delivered' }],
    },
  };

  const list = async (query = '', client = owner) => {
    const res = await client.request('GET', `${S}/tracking/exceptions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { reference: string; kind: string; state: string; [k: string]: unknown }[];
      counts: Record<string, number>;
      nextCursor: string | null;
    };
  };
  const kindOf = async (reference: string, query = '?state=all') =>
    (await list(query)).items.find((i) => i.reference === reference)?.kind;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    warehouse = (await seedShop(t, 'trk-exc-wh', 'warehouse')).client;
    other = (await seedShop(t, 'trk-exc-b')).client;
    for (const [name, j] of Object.entries(journeys)) ids[name] = await seedJourney(t, shopId, j);
  });
  afterAll(() => t?.close());

  it('finds each kind: stuck by the route threshold, customs hold, return to sender, failed delivery, never scanned', async () => {
    const body = await list();
    const byRef = Object.fromEntries(body.items.map((i) => [i.reference, i]));
    expect(Object.keys(byRef).sort()).toEqual([
      'CK-CUSTOMS',
      'CK-EXP-4',
      'CK-EXPIRED',
      'CK-FAILED',
      'CK-LOST',
      'CK-NOSCAN',
      'CK-RTS',
    ]);
    expect(byRef['CK-LOST']).toMatchObject({ kind: 'exception', lastEvent: { subStatus: 'lost' } });
    expect(byRef['CK-EXPIRED']).toMatchObject({ kind: 'expired', daysStuck: 40 });
    expect(byRef['CK-EXP-4']).toMatchObject({
      kind: 'stuck',
      state: 'open',
      daysStuck: 4,
      thresholdDays: 3,
      route: { origin: 'CN', destination: 'US', mode: 'express' },
      service: { name: 'DHL Express' },
      lastEvent: { status: 'InTransit' },
    });
    expect(byRef['CK-CUSTOMS']).toMatchObject({ kind: 'customs_hold', daysStuck: 1 });
    expect(byRef['CK-RTS']).toMatchObject({ kind: 'returned_to_sender' });
    expect(byRef['CK-FAILED']).toMatchObject({
      kind: 'attempt_failed',
      lastEvent: { description: 'No access to delivery location' },
    });
    expect(byRef['CK-NOSCAN']).toMatchObject({
      kind: 'not_found',
      daysStuck: 6,
      thresholdDays: 5,
      lastEvent: null,
    });
    // Rail is allowed 10 quiet days by default: 8 days is not stuck yet.
    expect(byRef['CK-RAIL-8']).toBeUndefined();
    expect(body.counts).toEqual({
      stuck: 1,
      customs_hold: 1,
      returned_to_sender: 1,
      attempt_failed: 1,
      not_found: 1,
      exception: 1,
      expired: 1,
    });
    // Oldest first: the longest silence on top, the fresh failed delivery last.
    expect(body.items.map((i) => i.reference)).toEqual([
      'CK-EXPIRED',
      'CK-NOSCAN',
      'CK-EXP-4',
      'CK-LOST',
      'CK-RTS',
      'CK-CUSTOMS',
      'CK-FAILED',
    ]);
  });

  it('a shop rule for the route makes the quiet rail parcel stuck; a warehouse member cannot set rules', async () => {
    const denied = await warehouse.request('POST', `/api/shops/trk-exc-wh/tracking/exception-rules`, {
      kind: 'stuck',
      destinationCountry: 'DE',
      mode: 'rail',
      days: 5,
    });
    expect(denied.statusCode).toBe(403);
    const bad = await owner.request('POST', `${S}/tracking/exception-rules`, {
      destinationCountry: 'XX',
      days: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('destinationCountry');
    const res = await owner.request('POST', `${S}/tracking/exception-rules`, {
      kind: 'stuck',
      destinationCountry: 'de',
      mode: 'rail',
      days: 5,
      source: 'Forwarder SLA 2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ destinationCountry: 'DE', mode: 'rail', days: 5 });
    const dup = await owner.request('POST', `${S}/tracking/exception-rules`, {
      destinationCountry: 'DE',
      mode: 'rail',
      days: 6,
    });
    expect(dup.statusCode).toBe(409);
    const rail = (await list('?kind=stuck')).items.find((i) => i.reference === 'CK-RAIL-8');
    expect(rail).toMatchObject({
      kind: 'stuck',
      thresholdDays: 5,
      daysStuck: 8,
      orderId: '00000000-0000-4000-8000-000000000001',
    });
    // A country-wide rule is less specific than the country+mode rule: the rail parcel keeps 5 days.
    const wide = await owner.request('POST', `${S}/tracking/exception-rules`, {
      destinationCountry: 'DE',
      days: 30,
    });
    expect(wide.statusCode).toBe(201);
    expect((await list('?kind=stuck')).items.find((i) => i.reference === 'CK-RAIL-8')?.thresholdDays).toBe(5);
    // Loosening the specific rule takes the parcel off the list again.
    const put = await owner.request('PUT', `${S}/tracking/exception-rules/${res.json().id}`, {
      destinationCountry: 'DE',
      mode: 'rail',
      days: 9,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await kindOf('CK-RAIL-8')).toBeUndefined();
    const rules = (await owner.request('GET', `${S}/tracking/exception-rules`)).json();
    expect(rules.rules).toHaveLength(2);
    expect(rules.defaults.length).toBeGreaterThan(0);
    expect(
      (await owner.request('DELETE', `${S}/tracking/exception-rules/${wide.json().id}`)).statusCode,
    ).toBe(204);
  });

  it('filters by kind, destination, service and age, and pages with a cursor', async () => {
    expect((await list('?kind=customs_hold')).items.map((i) => i.reference)).toEqual(['CK-CUSTOMS']);
    expect((await list('?destination=fr')).items.map((i) => i.reference)).toEqual(['CK-RTS']);
    expect((await list('?service=DHL%20Express')).items.map((i) => i.reference).sort()).toEqual([
      'CK-EXP-4',
      'CK-FAILED',
    ]);
    expect((await list('?minDays=3')).items.map((i) => i.reference).sort()).toEqual([
      'CK-EXP-4',
      'CK-EXPIRED',
      'CK-LOST',
      'CK-NOSCAN',
    ]);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('resolve needs a note, takes the exception off the list, and a new event reopens it', async () => {
    const act = (id: string, body: unknown, client = owner) =>
      client.request('POST', `${S}/tracking/exceptions/${id}/actions`, body);
    expect((await act(ids.customs!, { action: 'resolve' })).statusCode).toBe(400);
    const resolved = await act(ids.customs!, { action: 'resolve', note: 'Invoice sent to the broker' });
    expect(resolved.statusCode, resolved.body).toBe(201);
    expect(resolved.json()).toMatchObject({
      state: 'resolved',
      action: { action: 'resolve', note: 'Invoice sent to the broker' },
    });
    expect(await kindOf('CK-CUSTOMS', '')).toBeUndefined();
    expect(await kindOf('CK-CUSTOMS', '?state=resolved')).toBe('customs_hold');
    const audit = (await owner.request('GET', `${S}/audit?entityId=${ids.customs}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'tracking_exception.resolve' });
    // The carrier reports the parcel still held: the exception is open again.
    await addEvent(t, shopId, journeys.customs!, {
      at: new Date(Date.now() - DAY / 4),
      status: 'Exception',
      subStatus: 'customs_hold',
      description: 'Held by customs: awaiting documents',
    });
    const reopened = (await list()).items.find((i) => i.reference === 'CK-CUSTOMS');
    expect(reopened).toMatchObject({ kind: 'customs_hold', state: 'open', action: null });

    // A stuck parcel resolved, then an old scan arrives late: still silent, so it is stuck and open again.
    expect((await act(ids.expressQuiet4!, { action: 'resolve', note: 'Asked DHL' })).statusCode).toBe(201);
    expect(await kindOf('CK-EXP-4', '')).toBeUndefined();
    await addEvent(t, shopId, journeys.expressQuiet4!, { at: daysAgo(5), status: 'InTransit' });
    expect((await list()).items.find((i) => i.reference === 'CK-EXP-4')).toMatchObject({
      kind: 'stuck',
      state: 'open',
    });
  });

  it('acknowledge keeps it listed, snooze hides it until the date; a journey without an exception is refused', async () => {
    const act = (id: string, body: unknown, client = owner) =>
      client.request('POST', `${S}/tracking/exceptions/${id}/actions`, body);
    expect((await act(ids.failed!, { action: 'acknowledge' })).json()).toMatchObject({
      state: 'acknowledged',
    });
    expect((await list()).items.find((i) => i.reference === 'CK-FAILED')?.state).toBe('acknowledged');
    expect(
      (await act(ids.returned!, { action: 'snooze', snoozeUntil: daysAgo(1).toISOString() })).statusCode,
    ).toBe(400);
    const snoozed = await act(ids.returned!, { action: 'snooze', snoozeUntil: daysAgo(-3).toISOString() });
    expect(snoozed.json()).toMatchObject({ state: 'snoozed' });
    expect(await kindOf('CK-RTS', '')).toBeUndefined();
    expect(await kindOf('CK-RTS', '?state=snoozed')).toBe('returned_to_sender');
    expect((await act(ids.delivered!, { action: 'acknowledge' })).statusCode).toBe(409);
    // Warehouse staff work the list too (shipping:write), in their own shop only.
    expect((await act(ids.failed!, { action: 'acknowledge' }, warehouse)).statusCode).toBe(404);
  });

  it("shop B sees none of shop A's exceptions and cannot act on them", async () => {
    const b = await other.request('GET', '/api/shops/trk-exc-b/tracking/exceptions?state=all');
    expect(b.statusCode).toBe(200);
    expect(b.json().items).toEqual([]);
    const act = await other.request(
      'POST',
      `/api/shops/trk-exc-b/tracking/exceptions/${ids.customs}/actions`,
      {
        action: 'acknowledge',
      },
    );
    expect(act.statusCode).toBe(404);
    expect((await other.request('GET', `${S}/tracking/exceptions`)).statusCode).toBe(404);
  });
});
