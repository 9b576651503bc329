import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignService,
  getService,
  quoteRates,
  seedDemoLogistics,
} from '../../src/domains/logistics/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { dhlZoneSheet, ePacketSheet, yunExpressSheet } from '../fixtures/logistics/sheets.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { upload } from './catalog-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('logistics: services, price-sheet import, rate shopping, assignment rules', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof seedShop>>;
  const S = '/api/shops/lg-a/logistics';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    owner = await seedShop(t, 'lg-a');
  }, 60_000);
  afterAll(() => t?.close());

  const create = async (code: string, carrier: string, mode: string, promisedDays: number | null = null) => {
    const res = await owner.client.request('POST', `${S}/services`, {
      code,
      name: `${code} line`,
      carrier,
      mode,
      promisedDays,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[code] = res.json().id;
    return res.json();
  };

  it('creates services and refuses a duplicate code or an unknown carrier', async () => {
    await create('YT', 'yunexpress', 'postal', 14);
    await create('EPK', 'chinapost', 'postal', 20);
    await create('DHL', 'dhl', 'express', 5);
    const dup = await owner.client.request('POST', `${S}/services`, {
      code: 'yt',
      name: 'x',
      carrier: 'yunexpress',
      mode: 'postal',
    });
    expect(dup.statusCode).toBe(409);
    const bad = await owner.client.request('POST', `${S}/services`, {
      code: 'Z',
      name: 'x',
      carrier: 'pigeon',
      mode: 'postal',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Unknown carrier code pigeon/);
    const list = await owner.client.request('GET', `${S}/services`);
    expect(list.json().items.map((s: { code: string }) => s.code)).toEqual(['DHL', 'EPK', 'YT']);
  });

  it('previews, imports once, and reports the same file as unchanged', async () => {
    const url = `${S}/services/${ids.YT}/rate-cards`;
    const sheet = await yunExpressSheet();
    const preview = await upload(owner.client, `${url}?preview=true`, 'yunexpress.xlsx', sheet);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      status: 'preview',
      cardId: null,
      layout: 'bracket_list',
      summary: { countries: 3 },
    });
    expect((await owner.client.request('GET', url)).json().items).toEqual([]);
    const first = await upload(owner.client, url, 'yunexpress.xlsx', sheet);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'created', version: 1 });
    const again = await upload(owner.client, url, 'yunexpress-copy.xlsx', sheet);
    expect(again.json()).toMatchObject({ status: 'unchanged', version: 1, cardId: first.json().cardId });
    const cards = (await owner.client.request('GET', url)).json().items;
    expect(cards).toHaveLength(1);
    expect(cards[0].source).toMatchObject({
      file: 'yunexpress.xlsx',
      sheets: '服务设置, 价格表, 偏远地区',
      note: '云途物流 2026 年 1 月报价',
    });
    const card = (await owner.client.request('GET', `${url}/${cards[0].id}`)).json();
    expect(card.settings.volumetricSharePct).toBe(50);
    expect(card.data.countries.GB[0].zone).toBe('GB');
    expect(
      (
        await upload(
          owner.client,
          `${S}/services/${ids.EPK}/rate-cards`,
          'epacket.xlsx',
          await ePacketSheet(),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await upload(owner.client, `${S}/services/${ids.DHL}/rate-cards`, 'dhl.xlsx', await dhlZoneSheet()))
        .statusCode,
    ).toBe(201);
  });

  it('refuses a bad sheet naming the cells and saves nothing', async () => {
    const bad = await yunExpressSheet({
      rates: [
        ['美国 US', '0-2', 'abc', 16, '7-12'],
        ['火星', '0-2', 10, 1, ''],
      ],
    });
    const res = await upload(owner.client, `${S}/services/${ids.YT}/rate-cards`, 'bad.xlsx', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      '价格表!C3',
      '价格表!A4',
    ]);
    expect(res.json().error.message).toMatch(
      /^bad\.xlsx: 2 problem\(s\) in the price sheet; nothing was imported/,
    );
    const cards = (await owner.client.request('GET', `${S}/services/${ids.YT}/rate-cards`)).json().items;
    expect(cards).toHaveLength(1);
  });

  it('quotes every service with breakdowns, sorted by total, and says why others are excluded', async () => {
    const res = await owner.client.request('POST', `${S}/quote`, {
      destinationCountry: 'US',
      postcode: '99611',
      weightKg: 1.2,
      dimsCm: { l: 20, w: 15, h: 10 },
      at: '2026-03-01T00:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { options, excluded } = res.json();
    // ePacket max 2 kg → ok; YunExpress 85/kg × 1.2 + 16 + remote min 30; DHL 1.5 kg zone 5 + remote + fuel.
    expect(options.map((o: { code: string; totalMinor: number }) => [o.code, o.totalMinor])).toEqual([
      ['EPK', 1200 + 115 * 110],
      ['YT', 10200 + 1600 + 3000],
      ['DHL', 38000 + 17500 + 12488],
    ]);
    const yt = options.find((o: { code: string }) => o.code === 'YT');
    expect(yt.breakdown.map((l: { kind: string }) => l.kind)).toEqual([
      'base',
      'registration',
      'remote_area',
    ]);
    expect(excluded).toEqual([]);
    const heavy = await owner.client.request('POST', `${S}/quote`, {
      destinationCountry: 'US',
      weightG: 31_000,
      dimsMm: { l: 1300, w: 200, h: 200 },
      battery: true,
    });
    const reasons = Object.fromEntries(
      heavy
        .json()
        .excluded.map((e: { code: string; reasons: { code: string }[] }) => [
          e.code,
          e.reasons.map((r) => r.code),
        ]),
    );
    expect(reasons).toEqual({
      DHL: ['over_longest_side'],
      EPK: ['over_max_weight', 'over_longest_side', 'over_sum_of_sides', 'battery_not_accepted'],
      // 130 + 20 + 20 = 170 cm is within YunExpress' 200 cm sum of sides.
      YT: ['over_max_weight', 'over_longest_side'],
    });
    const before = await owner.client.request('POST', `${S}/quote`, {
      destinationCountry: 'US',
      weightG: 500,
      at: '2025-06-01T00:00:00Z',
    });
    expect(before.json().options).toEqual([]);
    expect(before.json().excluded[0].reasons[0].message).toBe('no rate card is valid on 2025-06-01');
  });

  it('assigns by rules: first matching rule, delivery promise, fixed service, fallback to cheapest', async () => {
    const order = {
      channel: 'amazon',
      destinationCountry: 'US',
      weightG: 800,
      valueMinor: 3000,
      currency: 'USD',
      skus: ['TOY-1'],
    };
    const rule = async (body: Record<string, unknown>) => {
      const res = await owner.client.request('POST', `${S}/rules`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const none = await owner.client.request('POST', `${S}/assign`, order);
    // 0.8 kg: YunExpress 85 × 0.8 + 16 = 84.00 beats ePacket 12 + 75 × 1.10 = 94.50.
    expect(none.json()).toMatchObject({ option: { code: 'YT', totalMinor: 8400 }, ruleId: null });
    const fast = await rule({
      name: 'Amazon US within 7 days',
      priority: 10,
      conditions: { channels: ['amazon'], countries: ['US'] },
      strategy: 'cheapest_within_days',
      maxDays: 7,
    });
    await rule({
      name: 'Batteries by DHL',
      priority: 5,
      conditions: { battery: true },
      strategy: 'fixed',
      serviceId: ids.DHL,
    });
    const a = (await owner.client.request('POST', `${S}/assign`, order)).json();
    expect(a).toMatchObject({ option: { code: 'DHL' }, ruleId: fast });
    expect(a.reason).toBe(
      'Rule “Amazon US within 7 days” (priority 10) matched; strategy: cheapest within 7 days',
    );
    const other = (await owner.client.request('POST', `${S}/assign`, { ...order, channel: 'shopee' })).json();
    expect(other.option.code).toBe('YT');
    const tooHeavy = (
      await owner.client.request('POST', `${S}/assign`, { ...order, weightG: 80_000 })
    ).json();
    expect(tooHeavy.option).toBeNull();
    expect(tooHeavy.reason).toMatch(/matched, but no eligible service/);
    const test = (
      await owner.client.request('POST', `${S}/rules/${fast}/test`, { ...order, channel: 'shopee' })
    ).json();
    expect(test).toEqual({ matches: false, failedConditions: ['channels'] });
    // The contract function, as shipments call it.
    const direct = await withShop(t.deps.database.db, owner.shop.id, (trx) =>
      assignService(trx, owner.shop.id, {
        ...order,
        orderId: 'o1',
        channelAccountId: null,
        battery: true,
        dangerousGoods: false,
      }),
    );
    expect(direct.option?.code).toBe('DHL');
    const svc = await withShop(t.deps.database.db, owner.shop.id, (trx) =>
      getService(trx, owner.shop.id, ids.YT!),
    );
    expect(svc).toMatchObject({
      code: 'YT',
      carrier: 'yunexpress',
      promisedDays: 14,
      carrierAccountId: null,
    });
  });

  it('edits and deletes services and rules', async () => {
    const tmp = await create('TMP', 'sea', 'sea');
    const patched = await owner.client.request('PATCH', `${S}/services/${tmp.id}`, {
      name: 'LCL to LA warehouse',
      promisedDays: 35,
      active: false,
    });
    expect(patched.json()).toMatchObject({
      code: 'TMP',
      name: 'LCL to LA warehouse',
      promisedDays: 35,
      active: false,
    });
    const q = (
      await owner.client.request('POST', `${S}/quote`, { destinationCountry: 'US', weightG: 500 })
    ).json();
    expect(q.excluded).toEqual([
      {
        serviceId: tmp.id,
        code: 'TMP',
        name: 'LCL to LA warehouse',
        reasons: [{ code: 'inactive', message: 'the service is inactive' }],
      },
    ]);
    const rule = await owner.client.request('POST', `${S}/rules`, {
      name: 'tmp',
      priority: 1,
      strategy: 'fixed',
      serviceId: tmp.id,
    });
    const put = await owner.client.request('PUT', `${S}/rules/${rule.json().id}`, {
      name: 'tmp2',
      priority: 99,
      strategy: 'fastest',
      conditions: { countries: ['jp'] },
    });
    expect(put.json()).toMatchObject({
      name: 'tmp2',
      priority: 99,
      strategy: 'fastest',
      serviceId: null,
      conditions: { countries: ['JP'] },
    });
    const noDays = await owner.client.request('POST', `${S}/rules`, {
      name: 'x',
      priority: 1,
      strategy: 'cheapest_within_days',
    });
    expect(noDays.statusCode).toBe(400);
    expect((await owner.client.request('DELETE', `${S}/rules/${rule.json().id}`)).statusCode).toBe(204);
    expect((await owner.client.request('DELETE', `${S}/services/${tmp.id}`)).statusCode).toBe(204);
    expect((await owner.client.request('GET', `${S}/services/${tmp.id}`)).statusCode).toBe(404);
  });

  it('keeps shops apart and checks permissions', async () => {
    const other = await seedShop(t, 'lg-b');
    const peek = await other.client.request('GET', `/api/shops/lg-b/logistics/services/${ids.YT}`);
    expect(peek.statusCode).toBe(404);
    const q = await withShop(t.deps.database.db, other.shop.id, (trx) =>
      quoteRates(trx, other.shop.id, { destinationCountry: 'US', weightG: 500 }),
    );
    expect(q).toEqual({ options: [], excluded: [] });
    const finance = await seedShop(t, 'lg-c', 'finance');
    expect((await finance.client.request('GET', '/api/shops/lg-c/logistics/services')).statusCode).toBe(200);
    const denied = await finance.client.request('POST', '/api/shops/lg-c/logistics/services', {
      code: 'X',
      name: 'x',
      carrier: 'other',
      mode: 'postal',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('speaks Chinese to a Chinese reader: import problems and exclusion reasons', async () => {
    const zh = await seedShop(t, 'lg-zh', 'owner', 'correct-horse-1', 'zh-CN');
    const Z = '/api/shops/lg-zh/logistics';
    const svc = await zh.client.request('POST', `${Z}/services`, {
      code: 'YT',
      name: '云途',
      carrier: 'yunexpress',
      mode: 'postal',
    });
    const bad = await yunExpressSheet({ rates: [['火星', '0-2', 10, 1, '']] });
    const res = await upload(zh.client, `${Z}/services/${svc.json().id}/rate-cards`, '报价.xlsx', bad);
    expect(res.json().error.message).toBe('报价.xlsx：价格表有 1 处问题，未导入任何内容。请修改后重新上传');
    expect(res.json().error.issues[0]).toMatchObject({
      field: '价格表!A3',
      row: 3,
      message: '“火星”不是可识别的国家；请填写二字代码（US）或中英文国名（美国 / United States）',
    });
    await upload(zh.client, `${Z}/services/${svc.json().id}/rate-cards`, 'yt.xlsx', await yunExpressSheet());
    const q = await zh.client.request('POST', `${Z}/quote`, { destinationCountry: 'US', weightKg: 31 });
    expect(q.json().excluded[0].reasons[0].message).toBe('重量 31 公斤超过限重 30 公斤');
  });

  it('seeds demo services that quote', async () => {
    const demo = await seedShop(t, 'lg-demo');
    await withShop(t.deps.database.db, demo.shop.id, (trx) => seedDemoLogistics(trx, demo.shop.id));
    const q = await demo.client.request('POST', '/api/shops/lg-demo/logistics/quote', {
      destinationCountry: 'DE',
      weightKg: 2,
    });
    // 2 kg to DE: 60 × 2 + 15 = 135; 75 × 2 + 10 = 160; rail minimum 300; DHL 475 + 22.5% fuel.
    expect(q.json().options.map((o: { code: string; totalMinor: number }) => [o.code, o.totalMinor])).toEqual(
      [
        ['YT-STD', 13500],
        ['EPACKET', 16000],
        ['RAIL-EU', 30000],
        ['DHL-EXP', 47500 + 10688],
      ],
    );
  });
});
