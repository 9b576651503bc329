import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ingestTrackingEvents,
  publicTrackingPath,
  registerJourney,
} from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('public tracking page and JSON', () => {
  let t: TestApp;
  let ownerB: Client;
  let publicToken: string;
  const A = 'trk-pub-a';
  const B = 'trk-pub-b';
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    const a = await seedShop(t, A);
    ownerB = (await seedShop(t, B)).client;
    const shopId = a.shop.id;
    await withShop(t.deps.database.db, shopId, async (trx) => {
      const j = await registerJourney(trx, shopId, {
        reference: 'CK-PUB-1',
        orderId: '00000000-0000-4000-8000-000000000001',
        destinationCountry: 'DE',
        destinationCity: 'Hamburg',
        serviceName: 'Rail DDP',
        legs: [
          { kind: 'first_mile', mode: 'courier', carrier: 'sfexpress', trackingNumber: 'SF1234567890123' },
          { kind: 'last_mile', mode: 'postal', carrier: 'deutschepost', trackingNumber: 'RR123456785DE' },
        ],
      });
      publicToken = j.publicToken;
      await ingestTrackingEvents(trx, shopId, [
        {
          carrier: 'sfexpress',
          trackingNumber: 'SF1234567890123',
          occurredAt: new Date('2026-11-01T02:00:00Z'),
          description: '<script>alert("x")</script> 已揽收',
          source: 'api',
        },
        {
          carrier: 'deutschepost',
          trackingNumber: 'RR123456785DE',
          occurredAt: new Date('2026-11-20T09:00:00Z'),
          description: 'Delivered, signed by JOHN SMITH. Call +49 170 1234567 or john@example.com',
          city: 'Hamburg',
          country: 'DE',
          location: 'Musterstraße 5, 20095 Hamburg',
          source: 'api',
        },
      ]);
    });
  });
  afterAll(async () => t?.close());

  it('shows the merged timeline by reference, escaped, without personal data', async () => {
    const res = await get(publicTrackingPath(A, 'CK-PUB-1'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toContain('max-age');
    const body = res.body;
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('Delivered');
    expect(body).toContain('Hamburg');
    expect(body).toContain('Germany');
    for (const secret of [
      'JOHN SMITH',
      '170 1234567',
      'john@example.com',
      'Musterstraße',
      '00000000-0000-4000',
    ]) {
      expect(body).not.toContain(secret);
    }
    expect(body).toMatch(/<ol class="bar"[^>]*>(<li class="done">[^<]+<\/li>){7}<\/ol>/);
  });

  it('finds the journey by any leg number and by the public token', async () => {
    for (const key of ['SF1234567890123', 'rr123456785de', publicToken]) {
      const res = await get(`/track/${A}/${encodeURIComponent(key)}`);
      expect(res.statusCode, key).toBe(200);
      expect(res.body).toContain('CK-PUB-1');
    }
  });

  it('speaks the buyer’s language: ?lang= first, then Accept-Language; Arabic is right-to-left', async () => {
    const zh = await get(`/track/${A}/CK-PUB-1`, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' });
    expect(zh.body).toContain('lang="zh-CN"');
    expect(zh.body).toContain('已签收');
    const ar = await get(`/track/${A}/CK-PUB-1?lang=ar`, { 'accept-language': 'de' });
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('تم التسليم');
    const de = await get(`/track/${A}/CK-PUB-1`, { 'accept-language': 'de-AT' });
    expect(de.body).toContain('Zugestellt');
    for (const [lang, word] of [
      ['es', 'Entregado'],
      ['fr', 'Livré'],
      ['pt', 'Entregue'],
    ]) {
      expect((await get(`/track/${A}/CK-PUB-1?lang=${lang}`)).body).toContain(word);
    }
  });

  it('answers the same JSON timeline with CORS and cache headers', async () => {
    const res = await get(`/api/track/${A}/CK-PUB-1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toContain('max-age');
    const json = res.json();
    expect(json.reference).toBe('CK-PUB-1');
    expect(json.status).toBe('Delivered');
    expect(json.journeyId).toBeUndefined();
    expect(json.events.map((e: { legKind: string }) => e.legKind)).toEqual(['last_mile', 'first_mile']);
    expect(JSON.stringify(json)).not.toMatch(/JOHN SMITH|Musterstraße|orderId|00000000-0000-4000/);
    const missing = await get(`/api/track/${A}/NOPE-1`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
  });

  it('a number of shop A looks exactly like an unknown number from shop B (public and admin)', async () => {
    const known = await get(`/track/${B}/SF1234567890123`);
    const unknown = await get(`/track/${B}/SF9999999999999`);
    expect(known.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(known.body.replaceAll('SF1234567890123', 'N')).toBe(
      unknown.body.replaceAll('SF9999999999999', 'N'),
    );
    expect((await get(`/api/track/${B}/CK-PUB-1`)).statusCode).toBe(404);
    expect((await get(`/track/no-such-shop/CK-PUB-1`)).statusCode).toBe(404);
    const admin = await ownerB.request('GET', `/api/shops/${B}/tracking/timeline/CK-PUB-1`);
    expect(admin.statusCode).toBe(404);
    const cross = await ownerB.request('GET', `/api/shops/${A}/tracking/timeline/CK-PUB-1`);
    expect([403, 404]).toContain(cross.statusCode);
  });

  it('the search page redirects to the number page and escapes what was typed', async () => {
    const search = await get(`/track/${A}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<form method="get"');
    const redirect = await get(`/track/${A}?n=${encodeURIComponent(' CK-PUB-1 ')}&lang=de`);
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe(`/track/${A}/CK-PUB-1?lang=de`);
    const evil = await get(`/track/${A}/${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(evil.statusCode).toBe(404);
    expect(evil.body).not.toContain('<img src=x');
  });
});
