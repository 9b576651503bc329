import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/domains/shops/index.ts';
import { getJourneyTimeline, registerJourney } from '../../src/domains/tracking/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { multipart } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, login, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('tracking events from CSV files', () => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let shopId: string;
  const slug = 'trk-csv';
  const upload = (
    client: Client,
    fileName: string,
    data: Buffer | string,
    fields: Record<string, string> = {},
  ) => {
    const m = multipart(fields, fileName, data);
    return client.request('POST', `/api/shops/${slug}/tracking/events/import`, m.payload, m.headers);
  };
  const timeline = (ref: string) =>
    withShop(t.deps.database.db, shopId, (trx) => getJourneyTimeline(trx, shopId, ref));

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await addMember(t.deps.database.db, {
      shopId,
      email: 'finance@trk-csv.test',
      role: 'finance',
      password: 'correct-horse-1',
      locale: 'en',
    });
    viewer = await login(t.app, 'finance@trk-csv.test', 'correct-horse-1');
    await withShop(t.deps.database.db, shopId, (trx) =>
      registerJourney(trx, shopId, {
        reference: 'CK-CSV-1',
        destinationCountry: 'FR',
        legs: [
          { kind: 'line_haul', mode: 'air', carrier: 'yunexpress', trackingNumber: 'YT2412345678901234' },
          { kind: 'last_mile', mode: 'postal', carrier: 'laposte', trackingNumber: 'LA123456785FR' },
        ],
      }),
    );
  });
  afterAll(async () => t?.close());

  const english = [
    'Tracking Number,Carrier,Time,Timezone,Status,Description,Location,City,Country',
    'YT2412345678901234,yunexpress,2026-11-02 09:30,,,Picked up by courier,Shenzhen,Shenzhen,CN',
    'YT2412345678901234,yunexpress,2026-11-03T18:00:00Z,,InTransit_Departure,Flight departed,,,',
    'LA123456785FR,laposte,2026-11-09 08:15,Europe/Paris,,Colis livré,Paris,Paris,FR',
    ',yunexpress,2026-11-04 10:00,,,no number,,,',
    'YT2412345678901234,dpd,2026-11-04 10:00,,,unknown carrier,,,',
    'YT2412345678901234,yunexpress,yesterday,,,bad time,,,',
    'YT2412345678901234,yunexpress,2026-11-04 10:00,Mars/Base,,bad zone,,,',
    'YT2412345678901234,yunexpress,2026-11-04 10:00,,,bad country,,,France',
  ].join('\n');

  it('stores valid rows, reports each failed row with file, row and column, and is idempotent', async () => {
    const res = await upload(owner, 'events.csv', english);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 8, inserted: 3, failed: 5, defaultTimeZone: 'Asia/Shanghai' });
    expect(body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, 'Tracking Number'],
      [6, 'Carrier'],
      [7, 'Time'],
      [8, 'Timezone'],
      [9, 'Country'],
    ]);
    expect(body.errors[2].message).toContain('events.csv');
    expect(body.errors[2].message).toContain('yesterday');
    const tl = await timeline('CK-CSV-1');
    expect(tl!.status).toBe('Delivered');
    // 09:30 in Asia/Shanghai (no zone given) and 08:15 in Europe/Paris (winter, UTC+1).
    expect(tl!.events.map((e) => e.occurredAt)).toEqual([
      '2026-11-09T07:15:00.000Z',
      '2026-11-03T18:00:00.000Z',
      '2026-11-02T01:30:00.000Z',
    ]);
    expect(tl!.events[1]!.milestone).toBe('departed_origin');
    const again = await upload(owner, 'events.csv', english);
    expect(again.json()).toMatchObject({ inserted: 0, duplicates: 3, failed: 5 });
  });

  it('reads a GBK file with Chinese headers, and a carrier for the whole file', async () => {
    const chinese = [
      '运单号,时间,状态,描述,地点,国家',
      'LP00123456789012,2026-11-01 10:00,已揽收,菜鸟仓库已收件,义乌,CN',
      'LP00123456789012,2026-11-02 20:00,清关中,进口清关处理中,马德里,ES',
      'LP00123456789012,2026-11-05 12:00,已签收,已签收，感谢使用,马德里,ES',
    ].join('\r\n');
    const gbk = iconv.encode(chinese, 'gbk');
    const res = await upload(owner, '轨迹.csv', gbk, { carrier: 'cainiao' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, inserted: 3, failed: 0 });
    const rows = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('tracking_events')
        .select(['carrier', 'status', 'milestone', 'description', 'raw_status', 'country'])
        .where('shop_id', '=', shopId)
        .where('tracking_number', '=', 'LP00123456789012')
        .orderBy('occurred_at')
        .execute(),
    );
    expect(rows.map((r) => [r.carrier, r.status, r.milestone, r.raw_status])).toEqual([
      ['cainiao', 'InTransit', 'picked_up', '已揽收'],
      ['cainiao', 'InTransit', 'import_customs', '清关中'],
      ['cainiao', 'Delivered', 'delivered', '已签收'],
    ]);
    expect(rows[0]!.description).toBe('菜鸟仓库已收件');
  });

  it('names the missing required columns', async () => {
    const res = await upload(owner, 'bad.csv', 'Number,When\nX,Y\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('bad.csv');
    expect(res.json().error.message).toContain('运单号');
  });

  it('needs shipping:write', async () => {
    const res = await viewer.request(
      'POST',
      `/api/shops/${slug}/tracking/events/import`,
      ...(() => {
        const m = multipart({}, 'events.csv', english);
        return [m.payload, m.headers] as const;
      })(),
    );
    expect(res.statusCode).toBe(403);
  });
});
