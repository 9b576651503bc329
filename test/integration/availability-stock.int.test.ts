import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOutcomes } from '../../src/domains/availability/push-stock.ts';
import { addMember } from '../../src/domains/shops/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { amazonAllOrdersHeaders, amazonLine, multipart, tsv } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, login, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

interface Row {
  channelSku: string;
  status: string;
  mappedBy: string | null;
  pool: number;
  quantity: number | null;
  changed: boolean;
  components: { sku: string; quantity: number; available: number; byWarehouse: Record<string, number> }[];
  lastPushed: { quantity: number; source: string } | null;
  lastAttempt: { outcome: string; message: string | null; quantity: number } | null;
}

describe.skipIf(skip)('available-to-sell per channel account', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  const slug = 'ats-shop';
  const S = `/api/shops/${slug}`;
  let amazon: string;
  let shopee: string;
  const wh: Record<string, string> = {};

  const receive = async (code: string, sku: string, quantity: number) => {
    const res = await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh[code],
      lines: [{ sku, quantity }],
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };
  const available = async (account = amazon, query = '') => {
    const res = await owner.request(
      'GET',
      `${S}/channel-accounts/${account}/available-stock?limit=200${query}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; nextCursor: string | null; warehouses: { code: string }[] };
  };
  const bySku = async (account = amazon) =>
    Object.fromEntries((await available(account)).items.map((r) => [r.channelSku, r])) as Record<string, Row>;
  const putRules = (body: Record<string, unknown>, account = amazon, client = owner) =>
    client.request('PUT', `${S}/channel-accounts/${account}/stock-rules`, body);

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await seedSkus(owner, slug, ['MUG', 'COASTER', 'CANDLE']);
    wh.FAC = await seedWarehouse(owner, slug, 'FAC', { kind: 'factory', priority: 1 });
    wh.US3PL = await seedWarehouse(owner, slug, 'US3PL', {
      kind: 'overseas_3pl',
      country: 'US',
      priority: 2,
    });
    wh.FBA = await seedWarehouse(owner, slug, 'FBA', { kind: 'marketplace', country: 'US', priority: 3 });
    await receive('FAC', 'MUG', 20);
    await receive('US3PL', 'MUG', 5);
    await receive('FBA', 'MUG', 100);
    await receive('FAC', 'COASTER', 30);
    await receive('FAC', 'CANDLE', 10);
    amazon = (
      await owner.request('POST', `${S}/channel-accounts`, {
        channel: 'amazon',
        name: 'Amazon US',
        marketplace: 'US',
      })
    ).json().id;
    shopee = (
      await owner.request('POST', `${S}/channel-accounts`, {
        channel: 'shopee',
        name: 'Shopee BR',
        marketplace: 'BR',
      })
    ).json().id;
    const map = async (
      channelSku: string,
      components: { sku: string; quantity: number }[],
      accountId?: string,
    ) => {
      const res = await owner.request('POST', `${S}/sku-mappings`, {
        channelAccountId: accountId,
        channelSku,
        components,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await map(
      'KIT-1',
      [
        { sku: 'MUG', quantity: 2 },
        { sku: 'COASTER', quantity: 3 },
      ],
      amazon,
    );
    await map('PACK3-MUG', [{ sku: 'MUG', quantity: 3 }]); // shop-wide
  });
  afterAll(async () => t?.close());

  it('lists mapped SKUs with defaults: bundles are min over components, FBA stock never counts', async () => {
    const rows = await bySku();
    expect(Object.keys(rows).sort()).toEqual(['KIT-1', 'PACK3-MUG']);
    // MUG: 20 (FAC) + 5 (US3PL) = 25; the 100 at FBA are Amazon's to sell, not this listing's.
    expect(rows['KIT-1']!.components).toEqual([
      expect.objectContaining({ sku: 'MUG', quantity: 2, available: 25, byWarehouse: { FAC: 20, US3PL: 5 } }),
      expect.objectContaining({ sku: 'COASTER', quantity: 3, available: 30 }),
    ]);
    expect(rows['KIT-1']).toMatchObject({ mappedBy: 'account', pool: 10, quantity: 10, changed: true });
    expect(rows['PACK3-MUG']).toMatchObject({ mappedBy: 'shop', pool: 8, quantity: 8 });
    const res = await available();
    expect(res.warehouses.map((w) => w.code)).toEqual(['FAC', 'US3PL']);
  });

  it('adds SKUs sold through the account (merchant-fulfilled only) and reservations lower ATS', async () => {
    const order = await owner.request('POST', `${S}/orders`, {
      channelAccountId: amazon,
      externalId: 'M-1',
      status: 'paid',
      currency: 'USD',
      buyer: { name: 'Ann Lee' },
      shipTo: { line1: '1 Main St', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
      lines: [{ sku: 'CANDLE', quantity: 2, unitPriceMinor: 1599 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    // An FBA order for COASTER: Amazon ships it from its own stock, so COASTER is no merchant listing.
    const file = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '111-0000009-0000009',
        sku: 'COASTER',
        'fulfillment-channel': 'Amazon',
        'order-status': 'Shipped',
        'item-status': 'Shipped',
      }),
    ]);
    const upload = multipart({ channelAccountId: amazon, format: 'amazon' }, 'All Orders.txt', file);
    const imported = await owner.request('POST', `${S}/order-imports`, upload.payload, upload.headers);
    expect(imported.statusCode, imported.body).toBe(200);
    const rows = await bySku();
    expect(Object.keys(rows).sort()).toEqual(['CANDLE', 'KIT-1', 'PACK3-MUG']);
    expect(rows.CANDLE).toMatchObject({ mappedBy: 'sku', pool: 8, quantity: 8 }); // 10 on hand − 2 reserved
  });

  it('applies buffer percent, buffer units, share, cap and per-SKU overrides with exact numbers', async () => {
    const res = await putRules({
      bufferPercent: 10,
      bufferUnits: 1,
      sharePercent: 50,
      cap: 3,
      overrides: [
        { channelSku: 'PACK3-MUG', bufferUnits: 0, bufferPercent: 0, cap: 100 },
        { channelSku: 'CANDLE', doNotSync: true },
        { channelSku: 'LEGACY-1', fixedQuantity: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      bufferPercent: 10,
      bufferUnits: 1,
      sharePercent: 50,
      cap: 3,
      saved: true,
    });
    expect(res.json().overrides).toHaveLength(3);
    const rows = await bySku();
    // KIT-1: pool 10 → 10 % buffer → 9 → −1 → 8 → 50 % share → 4 → cap 3
    expect(rows['KIT-1']!.quantity).toBe(3);
    // PACK3-MUG: pool 8, own buffer 0 and cap 100 → share 50 % → 4
    expect(rows['PACK3-MUG']!.quantity).toBe(4);
    expect(rows.CANDLE).toMatchObject({ status: 'do_not_sync', quantity: null, changed: false });
    expect(rows['LEGACY-1']).toMatchObject({ status: 'ok', mappedBy: null, quantity: 5 });

    // Only the US warehouse feeds the account: MUG 5 → PACK3 1 → share 50 % → 0
    expect((await putRules({ warehouseIds: [wh.US3PL] })).statusCode).toBe(200);
    const us = await bySku();
    expect(us['PACK3-MUG']).toMatchObject({ pool: 1, quantity: 1 }); // overrides untouched (not sent)
    // A marketplace warehouse can never be chosen
    const fba = await putRules({ warehouseIds: [wh.FBA] });
    expect(fba.statusCode).toBe(400);
    expect(fba.json().error.issues[0]).toMatchObject({ field: 'warehouseIds.0' });
    expect(fba.json().error.issues[0].message).toContain('FBA');
    // PUT replaces the whole rule: back to all non-FBA warehouses, the buffers, no overrides.
    expect(
      (await putRules({ bufferPercent: 10, bufferUnits: 1, sharePercent: 50, cap: 3, overrides: [] }))
        .statusCode,
    ).toBe(200);
    const back = await bySku();
    expect(Object.keys(back).sort()).toEqual(['CANDLE', 'KIT-1', 'PACK3-MUG']);
    // PACK3-MUG 8 → 7 → 6 → 3; CANDLE 8 → 7 → 6 → 3
    expect(Object.values(back).map((r) => r.quantity)).toEqual([3, 3, 3]);
  });

  it('the audit log records rule changes', async () => {
    const res = await owner.request('GET', `${S}/audit?entityId=${amazon}&limit=50`);
    expect(res.statusCode, res.body).toBe(200);
    const actions = (res.json().items as { action: string }[]).map((a) => a.action);
    // Three saves; the refused FBA one left no trace.
    expect(actions.filter((a) => a === 'channel_stock_rules.saved')).toHaveLength(3);
  });

  it('says to use the upload file when the account has no connector', async () => {
    const res = await owner.request('POST', `${S}/channel-accounts/${amazon}/stock-pushes`, {});
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      messageKey: 'availability.push.noConnector',
      details: { useFile: true, formats: ['amazon'], changed: 3 },
    });
    expect(res.json().error.message).toMatch(/upload file/);
  });

  it('writes the Amazon inventory file (exact header, tabs), and only an upload marks it pushed', async () => {
    const res = await owner.request('GET', `${S}/channel-accounts/${amazon}/stock-file?format=amazon`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('amazon-inventory-');
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\tfulfillment-channel',
    );
    const parsed = lines.slice(1).map((l) => l.split('\t'));
    expect(parsed.every((c) => c.length === 7)).toBe(true);
    const qty = Object.fromEntries(parsed.map((c) => [c[0], c[4]]));
    expect(qty).toEqual({ 'KIT-1': '3', 'PACK3-MUG': '3', CANDLE: '3' });
    const fileId = res.headers['x-stock-file-id'] as string;

    // Downloading is not pushing.
    expect((await available(amazon, '&changed=true')).items).toHaveLength(3);
    const marked = await owner.request('POST', `${S}/channel-stock-files/${fileId}/uploaded`);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ marked: 3, alreadyMarked: false });
    expect((await owner.request('POST', `${S}/channel-stock-files/${fileId}/uploaded`)).json()).toMatchObject(
      {
        marked: 0,
        alreadyMarked: true,
      },
    );
    expect((await available(amazon, '&changed=true')).items).toHaveLength(0);
    const rows = await bySku();
    expect(rows['KIT-1']!.lastPushed).toMatchObject({ quantity: 3, source: 'file' });

    // Stock moves for one SKU: only that one is changed, and the next file carries only it.
    await receive('US3PL', 'MUG', 30); // PACK3: 55 → 18 → … → cap 3: unchanged
    const adjust = await owner.request('POST', `${S}/stock/adjustments`, {
      sku: 'CANDLE',
      warehouseId: wh.FAC,
      delta: -6,
      reason: 'damaged',
    });
    expect(adjust.statusCode, adjust.body).toBeLessThan(300); // CANDLE 4 − 2 reserved = 2 → 1 → 0
    const changed = (await available(amazon, '&changed=true')).items.map((r) => r.channelSku);
    expect(changed).toEqual(['CANDLE']);
    const next = await owner.request('GET', `${S}/channel-accounts/${amazon}/stock-file?format=amazon`);
    expect(next.body.split('\r\n').filter(Boolean).slice(1)).toEqual(['CANDLE\t\t\t\t0\t\t']);
    const full = await owner.request(
      'GET',
      `${S}/channel-accounts/${amazon}/stock-file?format=amazon&full=true`,
    );
    expect(full.body.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('records API push outcomes: refusals keep the channel message and stay changed', async () => {
    await withShop(t.deps.database.db, shopId, (trx) =>
      recordOutcomes(
        trx,
        shopId,
        amazon,
        'api',
        [
          { channelSku: 'CANDLE', quantity: 0, ok: false, message: 'SKU is not in your inventory' },
          { channelSku: 'KIT-1', quantity: 3, ok: true, message: null },
        ],
        new Date(),
      ),
    );
    const rows = await bySku();
    expect(rows.CANDLE).toMatchObject({
      quantity: 0,
      changed: true,
      lastPushed: { quantity: 3, source: 'file' },
      lastAttempt: { outcome: 'refused', message: 'SKU is not in your inventory', quantity: 0 },
    });
    expect(rows['KIT-1']).toMatchObject({ changed: false, lastPushed: { quantity: 3, source: 'api' } });
  });

  it('neutralises formula-like SKUs in both files', async () => {
    await owner.request('POST', `${S}/sku-mappings`, {
      channelAccountId: shopee,
      channelSku: '=cmd|calc',
      components: [{ sku: 'COASTER', quantity: 1 }],
    });
    const amz = await owner.request('POST', `${S}/sku-mappings`, {
      channelAccountId: amazon,
      channelSku: '@SUM(A1)',
      components: [{ sku: 'COASTER', quantity: 1 }],
    });
    expect(amz.statusCode).toBe(201);
    const txt = await owner.request('GET', `${S}/channel-accounts/${amazon}/stock-file?format=amazon`);
    expect(txt.body).toContain("\n'@SUM(A1)\t");
    expect(txt.body).not.toMatch(/(^|\n)@SUM/);

    const res = await owner.request('GET', `${S}/channel-accounts/${shopee}/stock-file?format=shopee`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      'et_title_product_id',
      'et_title_product_name',
      'et_title_variation_id',
      'et_title_variation_name',
      'et_title_parent_sku',
      'et_title_variation_sku',
      'et_title_variation_price',
      'ps_gtin_code',
      'et_title_variation_stock',
      'ps_minimum_purchase_quantity',
      'ps_maximum_purchase_quantity',
      'ps_maximum_purchase_quantity_start_date',
      'ps_maximum_purchase_quantity_time_period',
      'ps_maximum_purchase_quantity_end_date',
      'et_title_reason',
    ]);
    expect(row(2)[0]).toBe('sales_info');
    expect(row(3).slice(0, 9)).toEqual([
      'Product ID',
      'Product Name',
      'Variation ID',
      'Variation Name',
      'Parent SKU',
      'SKU',
      'Price',
      'GTIN',
      'Stock',
    ]);
    const data = ws.getRow(7);
    expect(data.getCell(6).value).toBe("'=cmd|calc");
    expect(data.getCell(9).value).toBe(30); // COASTER 30 at FAC, Shopee account on defaults
    expect(ws.getRow(7).getCell(6).formula).toBeUndefined();

    const wrong = await owner.request('GET', `${S}/channel-accounts/${shopee}/stock-file?format=amazon`);
    expect(wrong.statusCode).toBe(400);
  });

  it("fills the seller's own Shopee Sales Info template by SKU, keeping Shopee's IDs", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([
      'et_title_product_id',
      'et_title_product_name',
      'et_title_variation_id',
      'et_title_variation_name',
      'et_title_parent_sku',
      'et_title_variation_sku',
      'et_title_variation_price',
      'ps_gtin_code',
      'et_title_variation_stock',
    ]);
    ws.addRow(['sales_info', 'abc', '0', '123']);
    ws.addRow([
      'Product ID',
      'Product Name',
      'Variation ID',
      'Variation Name',
      'Parent SKU',
      'SKU',
      'Price',
      'GTIN',
      'Stock',
    ]);
    ws.addRow(['', '', '', '', '', '', 'Mandatory', '', 'Mandatory']);
    ws.addRow([]);
    ws.addRow(['', '', '', '', '', '', 'Enter a price', '', '']);
    ws.addRow(['2012345678', 'Coaster', '0', '', 'COASTER', '', '99', '', 7]); // no variations: parent SKU
    ws.addRow(['2012345679', 'Mug', '30111', 'Red', 'MUGS', '=cmd|calc', '99', '', 1]);
    ws.addRow(['2012345680', 'Other', '30112', 'Blue', '', 'NOT-IN-CUNKOU', '99', '', 4]);
    const upload = multipart({}, 'mass_update_sales_info_1.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await owner.request(
      'POST',
      `${S}/channel-accounts/${shopee}/stock-file/shopee-template`,
      upload.payload,
      upload.headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-stock-file-items']).toBe('2');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = back.worksheets[0]!;
    const stock = (n: number) => sheet.getRow(n).getCell(9).value;
    expect(sheet.getRow(7).getCell(1).value).toBe('2012345678');
    expect(stock(7)).toBe(30); // COASTER, same SKU
    expect(stock(8)).toBe(30); // the mapped formula-like SKU (COASTER × 1)
    expect(stock(9)).toBe(4); // unknown to Cunkou: left as Shopee has it
    const bad = multipart({}, 'orders.xlsx', Buffer.from('not a workbook'));
    const refused = await owner.request(
      'POST',
      `${S}/channel-accounts/${shopee}/stock-file/shopee-template`,
      bad.payload,
      bad.headers,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Sales Info');
  });

  it('paginates with a cursor and searches by SKU', async () => {
    const first = await owner.request('GET', `${S}/channel-accounts/${amazon}/available-stock?limit=2`);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (
      await owner.request(
        'GET',
        `${S}/channel-accounts/${amazon}/available-stock?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      )
    ).json();
    const all = [...page1.items, ...page2.items].map((r: Row) => r.channelSku);
    expect(new Set(all).size).toBe(all.length);
    const found = (await available(amazon, '&sku=pack3')).items.map((r) => r.channelSku);
    expect(found).toEqual(['PACK3-MUG']);
  });

  it('roles: the warehouse reads and downloads, finance cannot push or change rules', async () => {
    const db = t.deps.database.db;
    await addMember(db, {
      shopId,
      email: 'wh@ats.test',
      role: 'warehouse',
      password: 'correct-horse-1',
      locale: 'en',
    });
    await addMember(db, {
      shopId,
      email: 'fin@ats.test',
      role: 'finance',
      password: 'correct-horse-1',
      locale: 'en',
    });
    const warehouse = await login(t.app, 'wh@ats.test', 'correct-horse-1');
    const finance = await login(t.app, 'fin@ats.test', 'correct-horse-1');
    expect(
      (await warehouse.request('GET', `${S}/channel-accounts/${amazon}/available-stock`)).statusCode,
    ).toBe(200);
    expect(
      (await warehouse.request('GET', `${S}/channel-accounts/${amazon}/stock-file?format=amazon`)).statusCode,
    ).toBe(200);
    expect((await putRules({ bufferUnits: 0 }, amazon, warehouse)).statusCode).toBe(403);
    expect(
      (await finance.request('POST', `${S}/channel-accounts/${amazon}/stock-pushes`, {})).statusCode,
    ).toBe(403);
    expect((await putRules({ bufferUnits: 0 }, amazon, finance)).statusCode).toBe(403);
    expect((await finance.request('GET', `${S}/channel-accounts/${amazon}/stock-rules`)).statusCode).toBe(
      200,
    );
  });

  it('never shows another shop’s account', async () => {
    const other = await seedShop(t, 'ats-other');
    const res = await other.client.request(
      'GET',
      `/api/shops/ats-other/channel-accounts/${amazon}/available-stock`,
    );
    expect(res.statusCode).toBe(404);
    const file = await other.client.request(
      'POST',
      `/api/shops/ats-other/channel-stock-files/${amazon}/uploaded`,
    );
    expect(file.statusCode).toBe(404);
    const O = `/api/shops/ats-other/channel-accounts/${amazon}`;
    for (const path of ['stock-rules', 'stock-files', 'stock-file?format=amazon'])
      expect((await other.client.request('GET', `${O}/${path}`)).statusCode).toBe(404);
    expect((await other.client.request('PUT', `${O}/stock-rules`, {})).statusCode).toBe(404);
    expect((await other.client.request('POST', `${O}/stock-pushes`, {})).statusCode).toBe(404);
    const upload = multipart({}, 'x.xlsx', Buffer.from('x'));
    const template = `${O}/stock-file/shopee-template`;
    expect((await other.client.request('POST', template, upload.payload, upload.headers)).statusCode).toBe(
      404,
    );
    // Not multipart at all: a client error, never a 500.
    const json = await other.client.request('POST', template, {});
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
  });
});
