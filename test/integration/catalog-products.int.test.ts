import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { type ApiError, issueFields, upload } from './catalog-helpers.ts';

const skip = await skipEngine();

interface Variant {
  id: string;
  sku: string;
  optionValues: Record<string, string>;
  gtin: string | null;
  hsCode: string | null;
}
interface Product {
  id: string;
  title: string;
  version: number;
  status: string;
  descriptionHtml: string;
  variants: Variant[];
  images: { id: string; url: string; thumbUrl: string; width: number; height: number }[];
}

describe.skipIf(skip)('catalog products', () => {
  let t: TestApp;
  let client: Client;
  let email: string;
  const base = '/api/shops/prod/products';

  beforeAll(async () => {
    t = await createTestApp();
    ({ client, email } = await seedShop(t, 'prod'));
  });
  afterAll(async () => t?.close());

  const create = async (body: unknown) => {
    const res = await client.request('POST', base, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Product;
  };
  const get = async (id: string) => (await client.request('GET', `${base}/${id}`)).json() as Product;
  const count = async () => (await client.request('GET', `${base}?limit=200`)).json().items.length as number;

  it('creates, reads, updates and archives a product; hard delete only for drafts', async () => {
    const created = await create(
      productPayload('LIFE-1', { tags: ['gift'], bulletPoints: ['燃烧时间 40 小时'] }),
    );
    expect(created).toMatchObject({ title: '香薰蜡烛 LIFE-1', status: 'active', version: 1, tags: ['gift'] });
    expect(created.variants[0]).toMatchObject({ sku: 'LIFE-1', gtin: '6901234567892', hsCode: '340600' });
    expect(created.variants[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await get(created.id)).toEqual(created);

    const put = await client.request('PUT', `${base}/${created.id}`, {
      ...productPayload('LIFE-1', { title: '香薰蜡烛 新版' }),
      variants: [{ ...created.variants[0], weightG: 320 }],
      version: 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ title: '香薰蜡烛 新版', version: 2 });
    expect(put.json().variants[0]).toMatchObject({ id: created.variants[0]!.id, weightG: 320 });

    const del = await client.request('DELETE', `${base}/${created.id}`);
    expect(del.json()).toEqual({ ok: true });
    expect((await get(created.id)).status).toBe('archived');
    const hard = await client.request('DELETE', `${base}/${created.id}?hard=true`);
    expect(hard.statusCode).toBe(409);

    const draft = await create(productPayload('DRAFT-1', { status: 'draft' }));
    expect((await client.request('DELETE', `${base}/${draft.id}?hard=true`)).statusCode).toBe(200);
    expect((await client.request('GET', `${base}/${draft.id}`)).statusCode).toBe(404);
    // The SKU of a deleted draft is free again.
    await create(productPayload('DRAFT-1'));
  });

  it('adds, removes and renames variants, keeping the ids of kept variants', async () => {
    const p = await create({
      title: '玻璃罐蜡烛',
      options: [{ name: '颜色', values: ['红', '蓝'] }],
      variants: [
        { sku: 'JAR-RED', optionValues: { 颜色: '红' } },
        { sku: 'JAR-BLUE', optionValues: { 颜色: '蓝' } },
      ],
    });
    const [red, blue] = p.variants;
    const res = await client.request('PUT', `${base}/${p.id}`, {
      title: '玻璃罐蜡烛',
      options: [{ name: '颜色', values: ['红', '绿'] }],
      variants: [
        { id: red!.id, sku: 'JAR-RED-2', optionValues: { 颜色: '红' } },
        { sku: 'JAR-GREEN', optionValues: { 颜色: '绿' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Product;
    expect(after.variants.map((v) => v.sku)).toEqual(['JAR-RED-2', 'JAR-GREEN']);
    expect(after.variants[0]!.id).toBe(red!.id);
    expect(after.variants.map((v) => v.id)).not.toContain(blue!.id);
    // The removed and the renamed-away SKUs can be used by another product.
    await create({ title: 'Other', variants: [{ sku: 'JAR-BLUE' }, { sku: 'JAR-RED' }] });

    // Swapping two SKUs inside one product does not trip the unique index.
    const swap = await client.request('PUT', `${base}/${p.id}`, {
      title: '玻璃罐蜡烛',
      variants: [
        { id: after.variants[0]!.id, sku: 'JAR-GREEN' },
        { id: after.variants[1]!.id, sku: 'JAR-RED-2' },
      ],
    });
    expect(swap.statusCode, swap.body).toBe(200);
    expect((swap.json() as Product).variants.map((v) => [v.id, v.sku])).toEqual([
      [after.variants[0]!.id, 'JAR-GREEN'],
      [after.variants[1]!.id, 'JAR-RED-2'],
    ]);
  });

  it('rejects duplicate SKUs within a product and across products with 409 DUPLICATE_SKU', async () => {
    const before = await count();
    const within = await client.request('POST', base, {
      title: 'Twice',
      variants: [{ sku: 'TWICE-1' }, { sku: 'TWICE-2' }, { sku: 'TWICE-1' }],
    });
    expect(within.statusCode).toBe(409);
    expect((within.json() as ApiError).error.code).toBe('DUPLICATE_SKU');
    expect(issueFields(within)).toEqual(['variants.2.sku']);

    const owner = await create(productPayload('TAKEN-1'));
    const across = await client.request('POST', base, {
      title: 'Thief',
      variants: [{ sku: 'FREE-1' }, { sku: 'TAKEN-1' }],
    });
    expect(across.statusCode).toBe(409);
    expect((across.json() as ApiError).error.code).toBe('DUPLICATE_SKU');
    expect(issueFields(across)).toEqual(['variants.1.sku']);
    expect((across.json() as ApiError).error.message).toContain('香薰蜡烛 TAKEN-1');
    expect(await count()).toBe(before + 1);

    // Also on update: another product's SKU cannot be taken over.
    const other = await create(productPayload('OTHER-1'));
    const put = await client.request('PUT', `${base}/${other.id}`, productPayload('TAKEN-1'));
    expect(put.statusCode).toBe(409);
    expect((await get(other.id)).variants[0]!.sku).toBe('OTHER-1');
    expect((await get(owner.id)).variants[0]!.sku).toBe('TAKEN-1');
  });

  it('rejects a bad GTIN check digit, HS code and country, naming each field, and writes nothing', async () => {
    const before = await count();
    const bad = productPayload('BAD-1', {
      variants: [{ sku: 'BAD-1', gtin: '6901234567893', hsCode: '99.01', originCountry: 'XX' }],
    });
    const res = await client.request('POST', base, bad);
    expect(res.statusCode).toBe(400);
    expect((res.json() as ApiError).error.code).toBe('VALIDATION_FAILED');
    expect(issueFields(res).sort()).toEqual([
      'variants.0.gtin',
      'variants.0.hsCode',
      'variants.0.originCountry',
    ]);
    expect((res.json() as ApiError).error.message).toContain('check digit should be 2');
    expect(await count()).toBe(before);
    expect((await client.request('GET', `${base}?q=BAD-1`)).json().items).toEqual([]);

    // The same checks on update leave the stored product untouched.
    const p = await create(productPayload('GOOD-1'));
    const put = await client.request('PUT', `${base}/${p.id}`, {
      ...productPayload('GOOD-1', { title: 'changed' }),
      variants: [{ id: p.variants[0]!.id, sku: 'GOOD-1', gtin: '12345' }],
    });
    expect(put.statusCode).toBe(400);
    expect(issueFields(put)).toEqual(['variants.0.gtin']);
    const stored = await get(p.id);
    expect(stored).toMatchObject({ title: '香薰蜡烛 GOOD-1', version: 1 });
    expect(stored.variants[0]!.gtin).toBe('6901234567892');
  });

  it('refuses a stale version with 409 and keeps the newer save', async () => {
    const p = await create(productPayload('LOCK-1'));
    const first = await client.request('PUT', `${base}/${p.id}`, {
      ...productPayload('LOCK-1', { title: 'A' }),
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const stale = await client.request('PUT', `${base}/${p.id}`, {
      ...productPayload('LOCK-1', { title: 'B' }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ApiError).error.code).toBe('CONFLICT');
    expect(await get(p.id)).toMatchObject({ title: 'A', version: 2 });
  });

  it('sanitises description HTML', async () => {
    const p = await create(
      productPayload('HTML-1', {
        descriptionHtml:
          '<p onclick="x()">天然<strong>大豆蜡</strong></p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><span translate="no">Lumière</span>',
      }),
    );
    const stored = (await get(p.id)).descriptionHtml;
    expect(stored).toContain('<strong>大豆蜡</strong>');
    expect(stored).toContain('<span translate="no">Lumière</span>');
    for (const bad of ['<script', 'alert(1)', 'onerror', 'onclick', 'javascript:', '<img'])
      expect(stored).not.toContain(bad);
  });

  it('searches Chinese bigrams inside a longer title, Latin prefixes and SKUs', async () => {
    const { client: c2 } = await seedShop(t, 'search');
    const url = '/api/shops/search/products';
    for (const body of [
      productPayload('SOY-GIFT-01', { title: '大豆香薰蜡烛礼盒', brand: 'Lumière' }),
      productPayload('LAV-77', { title: 'Lavender Dream 薰衣草', brand: 'Northwind' }),
      productPayload('ROSE-3', { title: '玫瑰精油' }),
    ]) {
      expect((await c2.request('POST', url, body)).statusCode).toBe(201);
    }
    const skusFor = async (q: string) =>
      ((await c2.request('GET', `${url}?q=${encodeURIComponent(q)}`)).json().items as { skus: string[] }[])
        .flatMap((p) => p.skus)
        .sort();
    expect(await skusFor('香薰蜡烛')).toEqual(['SOY-GIFT-01']);
    expect(await skusFor('蜡烛礼')).toEqual(['SOY-GIFT-01']);
    expect(await skusFor('礼蜡')).toEqual([]);
    expect(await skusFor('lav')).toEqual(['LAV-77']);
    expect(await skusFor('LUMI')).toEqual(['SOY-GIFT-01']);
    expect(await skusFor('dream lav')).toEqual(['LAV-77']);
    expect(await skusFor('SOY-GIFT-01')).toEqual(['SOY-GIFT-01']);
    expect(await skusFor('rose-3')).toEqual(['ROSE-3']);
    expect(await skusFor('vanilla')).toEqual([]);
  });

  it('audits creates and updates with the changed fields and the actor email', async () => {
    const p = await create(productPayload('AUD-1'));
    await client.request('PUT', `${base}/${p.id}`, {
      ...productPayload('AUD-1', { title: '新标题', brand: 'Acme' }),
      variants: [{ id: p.variants[0]!.id, ...productPayload('AUD-1').variants[0] }],
    });
    const res = await client.request('GET', `/api/shops/prod/audit?entityId=${p.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { actor: string; action: string; changes: Record<string, unknown> }[];
    expect(items.map((i) => i.action)).toEqual(['product.updated', 'product.created']);
    expect(items.every((i) => i.actor === email)).toBe(true);
    expect(items[1]!.changes).toEqual({ created: { title: '香薰蜡烛 AUD-1', skus: ['AUD-1'] } });
    expect(items[0]!.changes).toEqual({
      title: { from: '香薰蜡烛 AUD-1', to: '新标题' },
      brand: { from: null, to: 'Acme' },
    });
  });

  describe('images', () => {
    let productId: string;
    beforeAll(async () => {
      productId = (await create(productPayload('IMG-1'))).id;
    });

    it('stores a PNG as WebP renditions served from /media', async () => {
      const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c96' } })
        .png()
        .toBuffer();
      const res = await upload(client, `${base}/${productId}/images`, 'candle.png', png, 'image/png');
      expect(res.statusCode, res.body).toBe(201);
      const image = res.json() as Product['images'][number];
      expect(image).toMatchObject({ width: 900, height: 600, position: 0 });
      for (const [url, width] of [
        [image.url, 900],
        [image.thumbUrl, 320],
      ] as const) {
        const file = await t.app.inject({ method: 'GET', url }); // public: no session
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toBe('image/webp');
        const meta = await sharp(file.rawPayload).metadata();
        expect(meta.format).toBe('webp');
        expect(meta.width).toBe(width);
      }
      expect((await get(productId)).images.map((i) => i.id)).toEqual([image.id]);
      const list = await client.request('GET', `${base}?q=IMG-1`);
      expect(list.json().items[0].thumbnailUrl).toBe(image.thumbUrl);

      const del = await client.request('DELETE', `${base}/${productId}/images/${image.id}`);
      expect(del.statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: image.url })).statusCode).toBe(404);
      expect((await get(productId)).images).toEqual([]);
    });

    it('refuses a text file named .jpg with 415', async () => {
      const res = await upload(
        client,
        `${base}/${productId}/images`,
        'photo.jpg',
        'just some text\n',
        'image/jpeg',
      );
      expect(res.statusCode).toBe(415);
      expect((res.json() as ApiError).error.code).toBe('UNSUPPORTED_FILE_TYPE');
      expect((res.json() as ApiError).error.message).toContain('photo.jpg');
      expect((await get(productId)).images).toEqual([]);
    });

    it('refuses a file over 10 MB with 413', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 0);
      big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const res = await upload(client, `${base}/${productId}/images`, 'huge.png', big, 'image/png');
      expect(res.statusCode).toBe(413);
      expect((res.json() as ApiError).error.code).toBe('FILE_TOO_LARGE');
      expect((await get(productId)).images).toEqual([]);
    });
  });
});
