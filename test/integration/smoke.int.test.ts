import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('server smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('creates a product and finds it by Chinese and Latin search', async () => {
    const { client } = await seedShop(t, 'smoke');
    const created = await client.request(
      'POST',
      '/api/shops/smoke/products',
      productPayload('CDL-LAV-1', { brand: 'Lumière' }),
    );
    expect(created.statusCode).toBe(201);
    const zh = await client.request('GET', `/api/shops/smoke/products?q=${encodeURIComponent('蜡烛')}`);
    expect(zh.json().items.map((p: { skus: string[] }) => p.skus[0])).toEqual(['CDL-LAV-1']);
    const latin = await client.request('GET', '/api/shops/smoke/products?q=lumi');
    expect(latin.json().items).toHaveLength(1);
    const none = await client.request('GET', '/api/shops/smoke/products?q=vanilla');
    expect(none.json().items).toHaveLength(0);
  });
});
