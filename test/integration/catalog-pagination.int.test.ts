import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { allPages, type ListItem } from './catalog-helpers.ts';

const skip = await skipEngine();

interface Made {
  id: string;
  title: string;
  status: string;
  brand: string;
  tags: string[];
  categoryId: string | null;
}

const N = 120;
const statuses = ['draft', 'active', 'archived'] as const;

describe.skipIf(skip)('catalog list pagination', () => {
  let t: TestApp;
  let client: Client;
  let shopId: string;
  let categoryId: string;
  const made: Made[] = [];
  const base = '/api/shops/pages/products';

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, 'pages');
    client = seeded.client;
    shopId = seeded.shop.id;
    const cat = await client.request('POST', '/api/shops/pages/categories', { name: '蜡烛' });
    expect(cat.statusCode, cat.body).toBe(201);
    categoryId = cat.json().id;
    for (let i = 0; i < N; i++) {
      // Titles repeat (two products per title) and do not follow creation order, so ties and
      // out-of-order keys are both exercised.
      const title = `Candle ${String((i * 37) % 60).padStart(3, '0')}`;
      const body = {
        title,
        status: statuses[i % 3],
        brand: i % 2 ? 'Lumière' : 'Northwind',
        tags: i % 4 === 0 ? ['sale', 'gift'] : ['gift'],
        categoryId: i % 5 === 0 ? categoryId : null,
        variants: [{ sku: `PG-${i}` }],
      };
      const res = await client.request('POST', base, body);
      expect(res.statusCode, res.body).toBe(201);
      made.push({
        id: res.json().id,
        title,
        status: body.status!,
        brand: body.brand,
        tags: body.tags,
        categoryId: body.categoryId,
      });
    }
    // Touch a few products so updated order differs from created order.
    for (const i of [5, 77, 0, 119, 42]) {
      const p = made[i]!;
      const res = await client.request('PUT', `${base}/${p.id}`, {
        title: p.title,
        status: p.status,
        brand: p.brand,
        tags: p.tags,
        categoryId: p.categoryId,
        variants: [{ sku: `PG-${i}` }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  /** The expected order, computed from the stored sort keys (read straight from the database). */
  async function expectedOrder(sort: string, keep: (m: Made) => boolean): Promise<string[]> {
    const rows = await t.deps.database.db
      .selectFrom('products')
      .select(['id', 'title', 'created_at', 'updated_at'])
      .where('shop_id', '=', shopId)
      .execute();
    const wanted = new Set(made.filter(keep).map((m) => m.id));
    const list = rows.filter((r) => wanted.has(r.id));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    if (sort === 'title_asc')
      list.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : byId(a, b)));
    else {
      const key = sort === 'created_desc' ? 'created_at' : 'updated_at';
      list.sort((a, b) => b[key].getTime() - a[key].getTime() || byId(b, a));
    }
    return list.map((r) => r.id);
  }

  const filters: [string, (m: Made) => boolean][] = [
    ['', () => true],
    ['status=active', (m) => m.status === 'active'],
    ['tag=sale', (m) => m.tags.includes('sale')],
    ['brand=Lumi%C3%A8re', (m) => m.brand === 'Lumière'],
    ['categoryId=CAT', (m) => m.categoryId !== null],
    ['status=draft&brand=Northwind&tag=gift', (m) => m.status === 'draft' && m.brand === 'Northwind'],
  ];

  for (const sort of ['updated_desc', 'created_desc', 'title_asc']) {
    for (const [filter, keep] of filters) {
      it(`${sort} ${filter || '(no filter)'}: every product exactly once, in order`, async () => {
        const query = [filter.replace('CAT', categoryId), `sort=${sort}`].filter(Boolean).join('&');
        const items: ListItem[] = await allPages(client, `${base}?${query}`, 7);
        const ids = items.map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(await expectedOrder(sort, keep));
        expect(ids.length).toBe(made.filter(keep).length);
        for (const item of items) {
          const m = made.find((x) => x.id === item.id)!;
          expect(keep(m)).toBe(true);
          expect(item).toMatchObject({
            title: m.title,
            status: m.status,
            brand: m.brand,
            categoryId: m.categoryId,
          });
        }
      });
    }
  }

  it('a page of 200 equals the walked pages, and the updated products come first', async () => {
    const one = (await client.request('GET', `${base}?limit=200`)).json();
    expect(one.nextCursor).toBeNull();
    expect(one.items.map((i: ListItem) => i.id)).toEqual((await allPages(client, base, 11)).map((i) => i.id));
    expect(one.items.slice(0, 5).map((i: ListItem) => i.id)).toEqual(
      [42, 119, 0, 77, 5].map((i) => made[i]!.id),
    );
    expect(one.items.find((i: ListItem) => i.id === made[0]!.id).categoryName).toBe('蜡烛');
  });

  it('rejects a forged cursor with 400', async () => {
    const res = await client.request('GET', `${base}?cursor=not-a-cursor`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('cursor');
  });
});
