import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrders } from '../../src/domains/orders/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import {
  amazonAllOrdersHeaders,
  amazonLine,
  amazonUnshippedHeaders,
  importFile,
  tsv,
} from '../fixtures/orders/files.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('orders: Amazon imports, re-imports, mapping queue', () => {
  let t: TestApp;
  let client: Client;
  let amazon: string;
  const slug = 'ord-amz';
  const get = async (path: string) => (await client.request('GET', `/api/shops/${slug}${path}`)).json();
  const find = async (externalId: string) => {
    const list = await get(`/orders?q=${externalId}`);
    expect(list.items).toHaveLength(1);
    return get(`/orders/${list.items[0].id}`);
  };
  const amazonImport = (name: string, body: string | Buffer, format = 'amazon') =>
    importFile(client, slug, { channelAccountId: amazon, format }, name, body);

  const first = tsv(amazonAllOrdersHeaders, [
    amazonLine({
      'amazon-order-id': '111-0000001-0000001',
      sku: 'MUG-RED',
      quantity: '2',
      'item-price': '25.98',
      'item-tax': '2.08',
    }),
    amazonLine({
      'amazon-order-id': '111-0000001-0000001',
      sku: 'MUG-BLUE',
      'item-price': '12.99',
      'shipping-price': '0.00',
    }),
    amazonLine({ 'amazon-order-id': '111-0000002-0000002', sku: 'MUG-RED', 'fulfillment-channel': 'Amazon' }),
    amazonLine({
      'amazon-order-id': '111-0000003-0000003',
      sku: 'AMZ-KIT-3',
      'order-status': 'Unshipped',
      'item-status': 'Unshipped',
      'last-updated-date': '2026-11-20T09:00:00+00:00',
    }),
  ]);

  beforeAll(async () => {
    t = await createTestApp();
    ({ client } = await seedShop(t, slug));
    for (const sku of ['MUG-RED', 'MUG-BLUE'])
      expect(
        (await client.request('POST', `/api/shops/${slug}/products`, productPayload(sku))).statusCode,
      ).toBe(201);
    const res = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'amazon',
      name: 'Amazon US',
      marketplace: 'ATVPDKIKX0DER',
    });
    expect(res.statusCode).toBe(201);
    amazon = res.json().id;
  });
  afterAll(async () => t?.close());

  it('imports the All Orders flat file, grouping lines into orders', async () => {
    const res = await amazonImport('All Orders.txt', first);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 0, errors: [] });
    const o1 = await find('111-0000001-0000001');
    expect(o1.lines.map((l: { channelSku: string; quantity: number }) => [l.channelSku, l.quantity])).toEqual(
      [
        ['MUG-RED', 2],
        ['MUG-BLUE', 1],
      ],
    );
    expect(o1.lines[0].unitPriceMinor).toBe(1299);
    expect(o1.amounts).toMatchObject({
      itemTotalMinor: 3897,
      shippingMinor: 499,
      taxMinor: 312,
      totalMinor: 4708,
    });
    expect(o1.status).toBe('shipped');
    expect(o1.purchasedAt).toBe('2026-11-20T08:15:30.000Z');
    expect(o1.holds).toEqual([]);
    expect((await find('111-0000002-0000002')).fulfillment).toBe('marketplace');
    const o3 = await find('111-0000003-0000003');
    expect(o3.status).toBe('paid');
    expect(o3.holds).toEqual(['unmapped_sku', 'incomplete_address']);
    expect(o3.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
  });

  it('reports the same file again as unchanged and writes nothing', async () => {
    const res = await amazonImport('All Orders.txt', first);
    expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 0, errors: [] });
    const all = await get('/orders?channel=amazon');
    expect(all.items).toHaveLength(3);
  });

  it('updates an overlapping newer file (status, tracking of time) with events, adds new orders', async () => {
    const overlap = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '111-0000003-0000003',
        sku: 'AMZ-KIT-3',
        'order-status': 'Shipped',
        'last-updated-date': '2026-11-22T09:00:00+00:00',
      }),
      amazonLine({
        'amazon-order-id': '111-0000004-0000004',
        sku: 'MUG-BLUE',
        'order-status': 'Pending',
        'item-price': '',
      }),
    ]);
    const res = await amazonImport('All Orders 2.txt', overlap);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 0, failed: 0, errors: [] });
    const o3 = await find('111-0000003-0000003');
    expect(o3.status).toBe('shipped');
    expect(o3.holds).toEqual(['unmapped_sku']); // shipped: the address no longer blocks it
    const change = o3.timeline.find((e: { type: string }) => e.type === 'status_changed');
    expect(change).toMatchObject({ fromStatus: 'paid', toStatus: 'shipped' });
    expect(o3.timeline.map((e: { type: string }) => e.type)).toContain('hold_released');
  });

  it('never moves an order back when an older file is imported later', async () => {
    const older = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '111-0000003-0000003',
        sku: 'AMZ-KIT-3',
        'order-status': 'Unshipped',
        'last-updated-date': '2026-11-20T09:00:00+00:00',
      }),
    ]);
    expect((await amazonImport('old.txt', older)).json()).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await find('111-0000003-0000003')).status).toBe('shipped');
  });

  it('queues the unmapped SKU and a bundle mapping lifts the hold with multiplied components', async () => {
    const queue = await get('/sku-mappings/queue');
    expect(queue.items).toEqual([
      expect.objectContaining({ channelSku: 'AMZ-KIT-3', orders: 1, units: 1, accountName: 'Amazon US' }),
    ]);
    const res = await client.request('POST', `/api/shops/${slug}/sku-mappings`, {
      channelSku: 'AMZ-KIT-3',
      components: [
        { sku: 'MUG-RED', quantity: 2 },
        { sku: 'MUG-BLUE', quantity: 1 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ resolvedOrders: 1, releasedOrders: 1 });
    const o3 = await find('111-0000003-0000003');
    expect(o3.holds).toEqual([]);
    expect(o3.lines[0].components).toEqual([
      expect.objectContaining({ sku: 'MUG-RED', quantity: 2 }),
      expect.objectContaining({ sku: 'MUG-BLUE', quantity: 1 }),
    ]);
    expect((await get('/sku-mappings/queue')).items).toEqual([]);
    // The next import of that SKU resolves through the mapping at once.
    const again = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '111-0000009-0000009', sku: 'AMZ-KIT-3' }),
    ]);
    expect((await amazonImport('kit.txt', again)).json()).toMatchObject({ created: 1 });
    expect((await find('111-0000009-0000009')).holds).toEqual([]);
  });

  it('fills buyer, phone and street from the unshipped report and lifts incomplete_address', async () => {
    const allOrders = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '111-0000005-0000005', sku: 'MUG-RED', 'order-status': 'Unshipped' }),
    ]);
    await amazonImport('all.txt', allOrders);
    expect((await find('111-0000005-0000005')).holds).toEqual(['incomplete_address']);
    const unshipped = tsv(amazonUnshippedHeaders, [
      {
        'order-id': '111-0000005-0000005',
        'order-item-id': '12345678901234',
        'purchase-date': '2026-11-20T08:15:30+00:00',
        'payments-date': '2026-11-20T08:16:00+00:00',
        'buyer-email': 'Jane@Marketplace.Amazon.com',
        'buyer-name': 'Jane Doe',
        sku: 'MUG-RED',
        'product-name': 'Ceramic mug, red',
        'quantity-purchased': '1',
        currency: 'USD',
        'item-price': '12.99',
        'item-tax': '1.04',
        'shipping-price': '4.99',
        'shipping-tax': '0.00',
        'recipient-name': 'Jane Doe',
        'ship-address-1': '410 Terry Ave N',
        'ship-city': 'Seattle',
        'ship-state': 'WA',
        'ship-postal-code': '98109',
        'ship-country': 'US',
        'ship-phone-number': '(206) 555-0100',
        'sales-channel': 'Amazon.com',
      },
    ]);
    const res = await amazonImport('unshipped.txt', unshipped, 'amazon-unshipped');
    expect(res.json()).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const o = await find('111-0000005-0000005');
    expect(o.holds).toEqual([]);
    expect(o.buyer).toMatchObject({
      name: 'Jane Doe',
      email: 'jane@marketplace.amazon.com',
      phone: '+12065550100',
      phoneRaw: '(206) 555-0100',
    });
    expect(o.shipTo.line1).toBe('410 Terry Ave N');
    expect(o.lines).toHaveLength(1);
    expect(o.lines[0].externalLineId).toBe('12345678901234');
  });

  it('refuses a file of another channel and names what it looks like', async () => {
    const shopee = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'shopee',
      name: 'Shopee BR',
      marketplace: 'BR',
    });
    const res = await importFile(
      client,
      slug,
      { channelAccountId: shopee.json().id, format: 'shopee' },
      'orders.txt',
      first,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('looks like the Amazon All Orders report');
    expect(res.json().error.message).toContain('"amazon"');
  });

  it('rejects bad rows by row and column and never writes half an order', async () => {
    const bad = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '222-0000001-0000001', sku: 'MUG-RED' }),
      amazonLine({ 'amazon-order-id': '222-0000002-0000002', sku: 'MUG-RED' }),
      amazonLine({ 'amazon-order-id': '222-0000002-0000002', sku: 'MUG-BLUE', quantity: '-1' }),
      amazonLine({ 'amazon-order-id': '222-0000003-0000003', sku: 'MUG-RED', currency: 'XYZ' }),
      amazonLine({
        'amazon-order-id': '222-0000004-0000004',
        sku: 'MUG-RED',
        'purchase-date': '2026-13-45 25:00',
      }),
    ]);
    // The last line is cut off after a few columns, as a download that stopped.
    const truncated = `${bad}222-0000005-0000005\t\t2026-11-20T08:15:30+00:00\t2026-11-20T08:15:30+00:00\tShipped\tMerchant\n`;
    const res = await amazonImport('bad.txt', truncated);
    const body = res.json();
    expect(body).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: 4 });
    const at = (row: number) =>
      body.errors.filter((e: { row: number }) => e.row === row).map((e: { field: string }) => e.field);
    expect(at(4)).toEqual(['quantity']);
    expect(at(5)).toEqual(['currency']);
    expect(at(6)).toEqual(['purchase-date']);
    expect(at(7)).toEqual(expect.arrayContaining(['sku', 'quantity', 'currency']));
    expect(body.errors.find((e: { row: number }) => e.row === 6).message).toContain(
      '2026-11-20T08:15:30+00:00',
    );
    expect(body.errors.find((e: { row: number }) => e.row === 5).message).toContain('ISO 4217');
    expect(body.errors.find((e: { row: number }) => e.row === 4).message).toContain('negative');
    expect((await get('/orders?q=222-0000002')).items).toEqual([]);
    expect((await get('/orders?q=222-')).items).toHaveLength(1);
    // Fixed and re-run: the good order is unchanged, nothing duplicated.
    const again = await amazonImport('bad.txt', truncated);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1, failed: 4 });
  });

  it('completes an import killed halfway without duplicating anything', async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      amazonLine({ 'amazon-order-id': `444-${String(i).padStart(7, '0')}`, sku: 'MUG-RED' }),
    );
    const path = join(t.dataDir, 'All Orders big.txt');
    await writeFile(path, tsv(amazonAllOrdersHeaders, rows));
    const shopId = (
      await t.deps.database.db
        .selectFrom('shops')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
    const input = {
      shopId,
      actor: systemActor,
      channelAccountId: amazon,
      file: { path, fileName: 'big.txt' },
      format: 'amazon' as const,
      batchRows: 10,
    };
    let batches = 0;
    const killed = importOrders(t.deps.database.db, {
      ...input,
      onProgress: () => {
        if (++batches === 2) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    const before = (await get('/orders?q=444-&limit=200')).items.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(40);
    const rerun = await importOrders(t.deps.database.db, input);
    expect(rerun).toMatchObject({ created: 40 - before, unchanged: before, updated: 0, failed: 0 });
    expect((await get('/orders?q=444-&limit=200')).items).toHaveLength(40);
  });

  it('previews an import: exact counts, row errors and a sample, nothing written', async () => {
    const file = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '555-0000001-0000001', sku: 'MUG-RED', quantity: '3' }),
      amazonLine({ 'amazon-order-id': '555-0000002-0000002', sku: 'MUG-BLUE', quantity: '-1' }),
      amazonLine({ 'amazon-order-id': '111-0000001-0000001', sku: 'MUG-RED', quantity: '2' }),
    ]);
    const res = await importFile(
      client,
      slug,
      { channelAccountId: amazon, format: 'amazon', preview: 'true' },
      'preview.txt',
      file,
    );
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ created: 1, failed: 1 });
    expect(body.updated + body.unchanged).toBe(1);
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, field: 'quantity' })]);
    expect(body.sample.map((o: { externalId: string }) => o.externalId)).toEqual([
      '555-0000001-0000001',
      '111-0000001-0000001',
    ]);
    expect(body.sample[0].lines).toEqual([{ channelSku: 'MUG-RED', quantity: 3, title: expect.any(String) }]);
    expect((await get('/orders?q=555-')).items).toEqual([]);
  });

  it('names the row and column of text in another encoding and keeps that order out', async () => {
    // More than the 64 KB the encoding is guessed from, all UTF-8 (with non-ASCII text) ...
    const good = tsv(
      amazonAllOrdersHeaders,
      Array.from({ length: 300 }, (_, i) =>
        amazonLine({
          'amazon-order-id': `666-0000001-${String(i).padStart(7, '0')}`,
          sku: 'MUG-RED',
          'product-name': 'Tasse – rot, Größe L',
        }),
      ),
    );
    expect(Buffer.byteLength(good)).toBeGreaterThan(64 * 1024);
    // ... then one order whose product name was pasted from a GBK sheet.
    const [before, after] = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '666-0000002-0000002',
        sku: 'MUG-BLUE',
        'product-name': 'PLACEHOLDER',
      }),
    ])
      .split('\n')[1]!
      .split('PLACEHOLDER');
    const data = Buffer.concat([
      Buffer.from(good.endsWith('\n') ? good : `${good}\n`, 'utf8'),
      Buffer.from(before!, 'utf8'),
      iconv.encode('香薰蜡烛杯', 'gbk'),
      Buffer.from(`${after}\n`, 'utf8'),
    ]);
    const res = await amazonImport('mixed.txt', data);
    const body = res.json();
    expect(body).toMatchObject({ created: 300, failed: 1 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        row: 302,
        field: 'product-name',
        message: expect.stringContaining('CSV UTF-8'),
      }),
    ]);
    expect((await get('/orders?q=666-0000002')).items).toEqual([]);
    const kept = await find('666-0000001-0000007');
    expect(kept.lines[0].title).toBe('Tasse – rot, Größe L');
  });

  it('imports nothing in all-or-nothing mode when an order fails', async () => {
    const bad = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '333-0000001-0000001', sku: 'MUG-RED' }),
      amazonLine({ 'amazon-order-id': '333-0000002-0000002', sku: 'MUG-RED', quantity: 'two' }),
    ]);
    const res = await importFile(
      client,
      slug,
      { channelAccountId: amazon, format: 'amazon', allOrNothing: 'true' },
      'x.txt',
      bad,
    );
    expect(res.json()).toMatchObject({ created: 0, failed: 1 });
    expect((await get('/orders?q=333-')).items).toEqual([]);
  });
});
