import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordShipmentConfirmations } from '../../src/domains/connectors/index.ts';
import type { Channel } from '../../src/domains/orders/tables.ts';
import { newId } from '../../src/kernel/ids.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { memberClient } from './connectors-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('connectors: shipment confirmations as channel upload files', () => {
  let t: TestApp;
  let client: Client;
  let shopId: string;
  let amazonId: string;
  let shopeeId: string;
  let offlineId: string;
  const slug = 'confirm-files';
  const acc = (id: string, p = '') => `/api/shops/${slug}/channel-accounts/${id}/shipment-confirmations${p}`;

  /** An order as a channel import would leave it: channel line ids on its lines. */
  const insertOrder = (
    accountId: string,
    channel: Channel,
    externalId: string,
    lines: [string | null, string, number][],
  ) =>
    withShop(t.deps.database.db, shopId, async (trx) => {
      const id = newId();
      // Only the columns a channel import sets; the rest keep their defaults.
      await sql`INSERT INTO orders (shop_id, id, channel_account_id, channel, external_id, status, purchased_at, currency)
        VALUES (${shopId}, ${id}, ${accountId}, ${channel}, ${externalId}, 'paid', now(), 'USD')`.execute(
        trx,
      );
      const lineIds: string[] = [];
      for (const [i, [ext, sku, quantity]] of lines.entries()) {
        const lineId = newId();
        lineIds.push(lineId);
        await trx
          .insertInto('order_lines')
          .values({
            shop_id: shopId,
            order_id: id,
            id: lineId,
            position: i,
            external_line_id: ext,
            channel_sku: sku,
            quantity,
            title: null,
            unit_price_minor: 0,
            line_total_minor: 0,
            tax_minor: 0,
            discount_minor: 0,
            components: JSON.stringify(null),
          })
          .execute();
      }
      return { id, lineIds };
    });
  const record = (items: Parameters<typeof recordShipmentConfirmations>[2]) =>
    withShop(t.deps.database.db, shopId, (trx) => recordShipmentConfirmations(trx, shopId, items));

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    const account = async (channel: string, name: string) =>
      (
        await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
          channel,
          name,
          marketplace: channel === 'amazon' ? 'US' : null,
        })
      ).json().id as string;
    amazonId = await account('amazon', 'Amazon US file');
    shopeeId = await account('shopee', 'Shopee MY file');
    offlineId = await account('offline', 'Market stall');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the Amazon ship-confirm flat file with the exact header, one row per item, formulas neutralised', async () => {
    const a = await insertOrder(amazonId, 'amazon', '114-1111111-0000001', [
      ['12345678901234', 'TOY-CAR', 2],
      ['12345678901235', 'TOY-BUS', 1],
    ]);
    const b = await insertOrder(amazonId, 'amazon', '114-1111111-0000002', [[null, 'TOY-CAR', 1]]);
    expect(
      await record([
        {
          orderId: a.id,
          carrier: 'yanwen',
          carrierName: 'Yanwen',
          trackingNumber: 'UG123456789YP',
          shippedAt: new Date('2026-11-23T23:30:00Z'),
          shipMethod: '@SUM(A1)',
          lines: [
            { orderLineId: a.lineIds[0]!, quantity: 2 },
            { orderLineId: a.lineIds[1]!, quantity: 1 },
          ],
        },
        {
          orderId: b.id,
          carrier: 'sea',
          carrierName: '=HYPERLINK("http://x")',
          trackingNumber: 'SEA-77',
          shippedAt: new Date('2026-11-24T01:00:00Z'),
          lines: [],
        },
      ]),
    ).toEqual({ recorded: 2 });
    // Without a connected API, push says to use the file.
    const push = await client.request('POST', acc(amazonId, '/push'));
    expect(push.statusCode).toBe(409);
    expect(push.json().error.message).toContain('download the upload file');

    const exp = await client.request('POST', acc(amazonId, '/export'));
    expect(exp.statusCode, exp.body).toBe(201);
    expect(exp.json()).toMatchObject({ format: 'amazon', count: 2 });
    const file = await client.request('GET', exp.json().downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/plain');
    expect(file.headers['content-disposition']).toContain('amazon-ship-confirm-');
    const lines = file.body.split('\r\n');
    expect(lines[0]).toBe(
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
    );
    expect(lines.slice(1, 4)).toEqual([
      "114-1111111-0000001\t12345678901234\t2\t2026-11-23\tYanwen\t\tUG123456789YP\t'@SUM(A1)",
      "114-1111111-0000001\t12345678901235\t1\t2026-11-23\tYanwen\t\tUG123456789YP\t'@SUM(A1)",
      '114-1111111-0000002\t\t\t2026-11-24\tOther\t\'=HYPERLINK("http://x")\tSEA-77\t',
    ]);
    const list = (await client.request('GET', acc(amazonId))).json();
    expect(list.counts).toMatchObject({ file_exported: 2, pending: 0 });
    expect(list.account).toMatchObject({ connected: false, channel: 'amazon' });

    // Nothing new: a second export takes the not-yet-uploaded rows again (the seller lost the file).
    const again = await client.request('POST', acc(amazonId, '/export'));
    expect(again.json()).toMatchObject({ count: 2 });
    // The old batch is empty now; the new one is marked uploaded, twice changes nothing.
    expect((await client.request('GET', exp.json().downloadUrl)).statusCode).toBe(404);
    const mark = await client.request('POST', `${again.json().downloadUrl}/uploaded`);
    expect(mark.statusCode, mark.body).toBe(200);
    expect(mark.json()).toMatchObject({ marked: 2 });
    expect((await client.request('POST', `${again.json().downloadUrl}/uploaded`)).json()).toMatchObject({
      marked: 0,
    });
    expect((await client.request('GET', acc(amazonId, '?status=uploaded'))).json().items).toHaveLength(2);
    // The uploaded file can still be downloaded; a new export has nothing to take.
    expect((await client.request('GET', again.json().downloadUrl)).statusCode).toBe(200);
    const none = await client.request('POST', acc(amazonId, '/export'));
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain('No pending or failed shipment confirmations');
  });

  it('writes the Shopee mass-ship sheet with formulas neutralised', async () => {
    const o = await insertOrder(shopeeId, 'shopee', '=1+2', [['300:3001', 'TOY-CAR', 1]]);
    const p = await insertOrder(shopeeId, 'shopee', '241124ABCDEF', [['300:3001', 'TOY-CAR', 1]]);
    await record([
      {
        orderId: o.id,
        carrier: 'jtexpress',
        carrierName: '',
        trackingNumber: 'JT0001',
        shippedAt: new Date(),
        lines: [],
      },
      {
        orderId: p.id,
        carrier: 'cainiao',
        carrierName: 'Cainiao',
        trackingNumber: 'LP00123456789012',
        shippedAt: new Date(),
        lines: [],
      },
    ]);
    const exp = (await client.request('POST', acc(shopeeId, '/export'))).json();
    expect(exp).toMatchObject({ format: 'shopee', count: 2 });
    const file = await client.request('GET', exp.downloadUrl);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Order ID', 'Tracking Number'],
      ['241124ABCDEF', 'LP00123456789012'],
      ["'=1+2", 'JT0001'],
    ]);
  });

  it('refuses channels without an upload file, guards permissions and shops', async () => {
    const o = await insertOrder(offlineId, 'offline', 'STALL-1', [[null, 'TOY-CAR', 1]]);
    // Orders of channels without write-back are not queued.
    expect(
      await record([
        {
          orderId: o.id,
          carrier: 'other',
          carrierName: 'Courier',
          trackingNumber: 'C1',
          shippedAt: new Date(),
          lines: [],
        },
      ]),
    ).toEqual({ recorded: 0 });
    const off = await client.request('POST', acc(offlineId, '/export'));
    expect(off.statusCode).toBe(400);
    const finance = await memberClient(t, shopId, slug, 'finance');
    expect((await finance.request('GET', acc(shopeeId))).statusCode).toBe(200);
    expect((await finance.request('POST', acc(shopeeId, '/export'))).statusCode).toBe(403);
    const other = await seedShop(t, 'confirm-files-other');
    const foreign = (p: string) => p.replace(`/shops/${slug}/`, '/shops/confirm-files-other/');
    expect((await other.client.request('GET', foreign(acc(shopeeId)))).statusCode).toBe(404);
    expect((await other.client.request('POST', foreign(acc(shopeeId, '/export')))).statusCode).toBe(404);
    const batch = (await client.request('GET', acc(shopeeId))).json().items[0].exportBatch as string;
    expect((await other.client.request('GET', foreign(acc(shopeeId, `/files/${batch}`)))).statusCode).toBe(
      404,
    );
    expect(
      (await other.client.request('POST', foreign(acc(shopeeId, `/files/${batch}/uploaded`)))).statusCode,
    ).toBe(404);
    // Recording another shop's order fails as not found.
    await expect(
      withShop(t.deps.database.db, other.shop.id, (trx) =>
        recordShipmentConfirmations(trx, other.shop.id, [
          {
            orderId: o.id,
            carrier: 'ups',
            carrierName: 'UPS',
            trackingNumber: 'Z',
            shippedAt: new Date(),
            lines: [],
          },
        ]),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
