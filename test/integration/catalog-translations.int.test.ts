import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeepLSimulator } from '../simulators/deepl.ts';
import { startLibreTranslateSimulator } from '../simulators/libretranslate.ts';
import type { RunningSimulator } from '../simulators/machine-translation-kit.ts';
import { type Client, createTestApp, seedShop } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import type { ApiError } from './catalog-helpers.ts';

const skip = await skipEngine();

type Status = 'machine' | 'reviewed' | 'stale';
interface View {
  sourceLocale: string;
  locales: string[];
  fields: {
    entityType: 'product' | 'variant';
    entityId: string;
    field: string;
    source: string;
    translations: Record<string, { value: string; status: Status }>;
  }[];
}

const candle = (title: string, sku: string) => ({
  title,
  status: 'active',
  descriptionHtml: '<p>天然大豆蜡，燃烧时间 40 小时</p>',
  bulletPoints: ['无烟', '棉芯'],
  options: [{ name: '香味', values: ['玫瑰'] }],
  variants: [{ sku, optionValues: { 香味: '玫瑰' }, declaredNameEn: 'Candle' }],
});

/** Every text the simulator was asked to translate (LibreTranslate `q` or DeepL `text`). */
const sentTexts = (sim: RunningSimulator): string[] =>
  sim.requests.flatMap((r) => {
    const body = (r.body ?? {}) as { q?: string | string[]; text?: string[] };
    return [body.q ?? [], body.text ?? []].flat();
  });

async function setup(slug: string, env: Record<string, string>) {
  const t = await createTestApp(env);
  const { client } = await seedShop(t, slug);
  const base = `/api/shops/${slug}`;
  const create = async (body: unknown) => {
    const res = await client.request('POST', `${base}/products`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; variants: { id: string }[]; version: number };
  };
  const view = async (id: string) => {
    const res = await client.request('GET', `${base}/products/${id}/translations`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const de = async (id: string) =>
    Object.fromEntries((await view(id)).fields.map((f) => [`${f.entityType}.${f.field}`, f.translations.de]));
  const machine = (id: string, locale = 'de') =>
    client.request('POST', `${base}/products/${id}/translations/${locale}/machine`);
  return { t, client, base, create, view, de, machine };
}

describe.skipIf(skip)('catalog translations (LibreTranslate)', () => {
  let sim: RunningSimulator;
  let s: Awaited<ReturnType<typeof setup>>;
  let client: Client;

  beforeAll(async () => {
    sim = await startLibreTranslateSimulator();
    s = await setup('tr', { CUNKOU_TRANSLATE_PROVIDER: 'libretranslate', CUNKOU_TRANSLATE_URL: sim.url });
    client = s.client;
  });
  afterAll(async () => {
    await s?.t.close();
    await sim?.close();
  });

  it('lists translatable fields as missing, saves reviewed, marks stale on source change, machine-fills the rest', async () => {
    const p = await s.create(candle('手工香薰蜡烛 Lumière Candle', 'TR-1'));
    const first = await s.view(p.id);
    expect(first.sourceLocale).toBe('zh-CN');
    expect(first.locales).toEqual(['en', 'de']);
    expect(first.fields.map((f) => `${f.entityType}.${f.field}`)).toEqual([
      'product.title',
      'product.descriptionHtml',
      'product.bulletPoints',
      'variant.title',
    ]);
    expect(first.fields.every((f) => Object.keys(f.translations).length === 0)).toBe(true);
    expect(first.fields.find((f) => f.entityType === 'variant')!.source).toBe('玫瑰');

    const put = await client.request('PUT', `${s.base}/products/${p.id}/translations/de`, {
      fields: [
        { entityType: 'product', entityId: p.id, field: 'title', value: 'Handgemachte Duftkerze' },
        {
          entityType: 'product',
          entityId: p.id,
          field: 'descriptionHtml',
          value: '<p>Von Hand übersetzt</p><script>x()</script>',
        },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ saved: 2 });
    let de = await s.de(p.id);
    expect(de['product.title']).toEqual({ value: 'Handgemachte Duftkerze', status: 'reviewed' });
    expect(de['product.descriptionHtml']).toEqual({ value: '<p>Von Hand übersetzt</p>', status: 'reviewed' });
    expect(de['product.bulletPoints']).toBeUndefined();

    // The seller edits the Chinese title: its German translation is now stale, the rest is not.
    const edited = await client.request(
      'PUT',
      `${s.base}/products/${p.id}`,
      candle('手工香薰蜡烛礼盒 Lumière Candle', 'TR-1'),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    de = await s.de(p.id);
    expect(de['product.title']).toEqual({ value: 'Handgemachte Duftkerze', status: 'stale' });
    expect(de['product.descriptionHtml']!.status).toBe('reviewed');

    // "Candle" is part of the brand: the glossary keeps it, although the service would translate it.
    const term = await client.request('POST', `${s.base}/glossary`, { term: 'Candle', doNotTranslate: true });
    expect(term.statusCode, term.body).toBe(201);
    // One rule per term and language: a second "candle" rule is refused, nothing is added.
    const again = await client.request('POST', `${s.base}/glossary`, {
      term: 'candle',
      doNotTranslate: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].field).toBe('term');
    expect((await client.request('GET', `${s.base}/glossary`)).json().items).toHaveLength(1);
    const res = await s.machine(p.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ locale: 'de', fromMemory: 0, machine: 3, remaining: 0 });
    de = await s.de(p.id);
    expect(de['product.title']).toEqual({
      value: 'handgemacht Duftkerze Geschenkbox Lumière Candle',
      status: 'machine',
    });
    expect(de['product.bulletPoints']).toEqual({
      value: JSON.stringify(['rauchfrei', 'Baumwolldocht']),
      status: 'machine',
    });
    expect(de['variant.title']).toEqual({ value: 'Rose', status: 'machine' });
    // The reviewed, current description was neither sent nor overwritten.
    expect(de['product.descriptionHtml']).toEqual({ value: '<p>Von Hand übersetzt</p>', status: 'reviewed' });
    expect(sentTexts(sim).some((q) => q.includes('天然大豆蜡'))).toBe(false);
    expect(sim.requests.every((r) => (r.body as { source?: string }).source === 'zh')).toBe(true);

    // A second run has nothing left to do and calls nobody.
    const calls = sim.requests.length;
    expect((await s.machine(p.id)).json()).toMatchObject({ fromMemory: 0, machine: 0, remaining: 0 });
    expect(sim.requests.length).toBe(calls);
  });

  it('reuses a reviewed translation from memory for identical source text without calling the service', async () => {
    const a = await s.create(candle('玻璃罐香薰蜡烛', 'TM-1'));
    await client.request('PUT', `${s.base}/products/${a.id}/translations/de`, {
      fields: [
        { entityType: 'product', entityId: a.id, field: 'title', value: 'Duftkerze im Glas (geprüft)' },
      ],
    });
    const b = await s.create({ ...candle('玻璃罐香薰蜡烛', 'TM-2'), descriptionHtml: '<p>暖光</p>' });
    sim.requests.length = 0;
    const res = await s.machine(b.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fromMemory: 1, machine: 3 });
    expect((await s.de(b.id))['product.title']).toEqual({
      value: 'Duftkerze im Glas (geprüft)',
      status: 'machine',
    });
    expect(sentTexts(sim).length).toBeGreaterThan(0);
    expect(sentTexts(sim).some((q) => q.includes('玻璃罐'))).toBe(false);
  });

  it('lists translation gaps with missing and stale counts', async () => {
    const fresh = await s.create(candle('香草蜡烛', 'GAP-1'));
    const res = await client.request('GET', `${s.base}/translations/gaps?locale=de`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { productId: string; title: string; missing: number; stale: number }[];
    expect(items.find((i) => i.productId === fresh.id)).toEqual({
      productId: fresh.id,
      title: '香草蜡烛',
      missing: 4,
      stale: 0,
    });

    const done = await s.create(candle('天然玫瑰蜡烛', 'GAP-2'));
    expect((await s.machine(done.id)).statusCode).toBe(200);
    let gaps = (await client.request('GET', `${s.base}/translations/gaps?locale=de`)).json()
      .items as typeof items;
    expect(gaps.map((i) => i.productId)).not.toContain(done.id);
    const current = (await client.request('GET', `${s.base}/products/${done.id}`)).json();
    await client.request('PUT', `${s.base}/products/${done.id}`, {
      ...current,
      bulletPoints: ['无烟', '暖光'],
    });
    gaps = (await client.request('GET', `${s.base}/translations/gaps?locale=de`)).json().items;
    expect(gaps.find((i) => i.productId === done.id)).toMatchObject({ missing: 0, stale: 1 });
    // English has not been touched at all.
    const en = (await client.request('GET', `${s.base}/translations/gaps?locale=en`)).json()
      .items as typeof items;
    expect(en.find((i) => i.productId === done.id)).toMatchObject({ missing: 4, stale: 0 });
  });

  it('finds a product by the words of its translated title', async () => {
    const p = await s.create(candle('大豆蜡 薰衣草 蜡烛', 'FIND-1'));
    const search = async (q: string) =>
      (
        (await client.request('GET', `${s.base}/products?q=${encodeURIComponent(q)}`)).json().items as {
          id: string;
        }[]
      ).map((i) => i.id);
    expect(await search('lavendel')).toEqual([]);
    expect((await s.machine(p.id)).statusCode).toBe(200);
    expect((await s.de(p.id))['product.title']!.value).toBe('Sojawachs Lavendel Kerze');
    expect(await search('lavendel')).toEqual([p.id]);
    expect(await search('sojaw')).toEqual([p.id]);
    // Saving the product again keeps the translated words searchable.
    const current = (await client.request('GET', `${s.base}/products/${p.id}`)).json();
    await client.request('PUT', `${s.base}/products/${p.id}`, { ...current, tags: ['new'] });
    expect(await search('lavendel')).toEqual([p.id]);
  });
});

describe.skipIf(skip)('catalog translations without a provider, and with DeepL', () => {
  let deepl: RunningSimulator;
  let none: Awaited<ReturnType<typeof setup>>;
  let withDeepl: Awaited<ReturnType<typeof setup>>;

  beforeAll(async () => {
    deepl = await startDeepLSimulator({ authKey: 'test-key:fx' });
    none = await setup('tr-none', {});
    withDeepl = await setup('tr-deepl', {
      CUNKOU_TRANSLATE_PROVIDER: 'deepl',
      CUNKOU_TRANSLATE_KEY: 'test-key:fx',
      CUNKOU_TRANSLATE_URL: deepl.url,
    });
  });
  afterAll(async () => {
    await none?.t.close();
    await withDeepl?.t.close();
    await deepl?.close();
  });

  it('answers 409 PROVIDER_NOT_CONFIGURED with the remaining count, after using the memory', async () => {
    const a = await none.create(candle('香薰蜡烛', 'NP-1'));
    const res = await none.machine(a.id);
    expect(res.statusCode).toBe(409);
    const body = res.json() as ApiError & { error: { details: { remaining: number } } };
    expect(body.error.code).toBe('PROVIDER_NOT_CONFIGURED');
    expect(body.error.details.remaining).toBe(4);
    expect(Object.values(await none.de(a.id)).filter(Boolean)).toEqual([]);

    await none.client.request('PUT', `${none.base}/products/${a.id}/translations/de`, {
      fields: [{ entityType: 'product', entityId: a.id, field: 'title', value: 'Duftkerze' }],
    });
    const b = await none.create(candle('香薰蜡烛', 'NP-2'));
    const again = await none.machine(b.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.remaining).toBe(3);
    expect((await none.de(b.id))['product.title']).toEqual({ value: 'Duftkerze', status: 'machine' });
  });

  it('machine-translates through DeepL, HTML included', async () => {
    const p = await withDeepl.create(candle('香薰蜡烛', 'DL-1'));
    const res = await withDeepl.machine(p.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ locale: 'de', fromMemory: 0, machine: 4, remaining: 0 });
    const de = await withDeepl.de(p.id);
    expect(de['product.title']).toEqual({ value: 'Duftkerze', status: 'machine' });
    expect(de['product.descriptionHtml']).toEqual({
      value: '<p>natürlich Sojawachs, Brenndauer 40 Stunden</p>',
      status: 'machine',
    });
    const translate = deepl.requests.filter((r) => r.path === '/v2/translate');
    expect(translate.length).toBeGreaterThan(0);
    expect(translate.every((r) => r.headers.authorization === 'DeepL-Auth-Key test-key:fx')).toBe(true);
    expect(translate.map((r) => (r.body as { target_lang: string }).target_lang)).toContain('DE');

    const en = await withDeepl.machine(p.id, 'en');
    expect(en.statusCode, en.body).toBe(200);
    const view = await withDeepl.view(p.id);
    expect(view.fields[0]!.translations.en).toEqual({ value: 'scented candle', status: 'machine' });
    expect(deepl.requests.map((r) => (r.body as { target_lang?: string }).target_lang)).toContain('EN-US');
  });
});
