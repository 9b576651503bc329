import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../src/domains/shops/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type RegisteredRoute, registeredRoutes } from '../../src/platform/http/app.ts';
import { ePacketSheet } from '../fixtures/logistics/sheets.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

/** A multipart/form-data body with one file in the field `file`. */
function multipart(fileName: string, contentType: string, data: Buffer) {
  const boundary = `----cunkou${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();

const csv = Buffer.from('sku,title\nA-IMPORT-SKU-1,Imported alpha secret\n', 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const alphaRateSheet = ePacketSheet;

/** Routes every build must have; proves the enumeration is not silently empty or partial. */
const knownRoutes = [
  'GET /api/shops/:shop',
  'GET /api/shops/:shop/products',
  'POST /api/shops/:shop/products',
  'GET /api/shops/:shop/products/:id',
  'PUT /api/shops/:shop/products/:id',
  'DELETE /api/shops/:shop/products/:id',
  'POST /api/shops/:shop/products/:id/images',
  'DELETE /api/shops/:shop/products/:id/images/:imageId',
  'GET /api/shops/:shop/categories',
  'POST /api/shops/:shop/categories',
  'GET /api/shops/:shop/products/:id/translations',
  'PUT /api/shops/:shop/products/:id/translations/:locale',
  'POST /api/shops/:shop/products/:id/translations/:locale/machine',
  'GET /api/shops/:shop/translations/gaps',
  'GET /api/shops/:shop/glossary',
  'POST /api/shops/:shop/glossary',
  'DELETE /api/shops/:shop/glossary/:id',
  'POST /api/shops/:shop/imports',
  'POST /api/shops/:shop/imports/:id/preview',
  'POST /api/shops/:shop/imports/:id/commit',
  'GET /api/shops/:shop/imports/:id',
  'GET /api/shops/:shop/imports/:id/errors',
  'GET /api/shops/:shop/import-mappings',
  'POST /api/shops/:shop/import-mappings',
  'GET /api/shops/:shop/products/export',
  'GET /api/shops/:shop/members',
  'POST /api/shops/:shop/members',
  'PATCH /api/shops/:shop/members/:userId',
  'DELETE /api/shops/:shop/members/:userId',
  'POST /api/shops/:shop/members/:userId/reset-password',
  'GET /api/shops/:shop/tokens',
  'POST /api/shops/:shop/tokens',
  'DELETE /api/shops/:shop/tokens/:id',
  'GET /api/shops/:shop/audit',
  'GET /api/shops/:shop/warehouses',
  'PATCH /api/shops/:shop/warehouses/:id',
  'GET /api/shops/:shop/stock',
  'GET /api/shops/:shop/stock/movements',
  'POST /api/shops/:shop/stock/adjustments',
  'POST /api/shops/:shop/transfers/:id/receive',
  'POST /api/shops/:shop/stocktakes/:id/apply',
  'GET /api/shops/:shop/channel-accounts',
  'PATCH /api/shops/:shop/channel-accounts/:id',
  'GET /api/shops/:shop/orders',
  'GET /api/shops/:shop/orders/:id',
  'POST /api/shops/:shop/orders/:id/status',
  'POST /api/shops/:shop/orders/bulk',
  'POST /api/shops/:shop/orders/holds',
  'POST /api/shops/:shop/order-imports',
  'GET /api/shops/:shop/sku-mappings/queue',
  'PUT /api/shops/:shop/channel-accounts/:id/credentials',
  'POST /api/shops/:shop/channel-accounts/:id/sync',
  'GET /api/shops/:shop/channel-accounts/:id/sync-runs',
  'PUT /api/shops/:shop/channel-accounts/:id/stock-rules',
  'GET /api/shops/:shop/channel-accounts/:id/available-stock',
  'POST /api/shops/:shop/channel-accounts/:id/stock-pushes',
  'POST /api/shops/:shop/channel-stock-files/:id/uploaded',
  'GET /api/shops/:shop/stock/ageing',
  'GET /api/shops/:shop/stock/clearance',
  'POST /api/shops/:shop/orders/:id/returns',
  'GET /api/shops/:shop/returns/:id',
  'POST /api/shops/:shop/returns/:id/receipts',
  'POST /api/shops/:shop/returns/:id/refund',
  'POST /api/shops/:shop/logistics/services',
  'PATCH /api/shops/:shop/logistics/services/:id',
  'POST /api/shops/:shop/logistics/services/:id/rate-cards',
  'POST /api/shops/:shop/logistics/quote',
  'POST /api/shops/:shop/logistics/rules',
  'GET /api/shops/:shop/shipments',
  'POST /api/shops/:shop/shipments',
  'POST /api/shops/:shop/shipments/:id/ship',
  'GET /api/shops/:shop/shipments/:id/documents/:kind.pdf',
  'POST /api/shops/:shop/shipments/documents/labels',
  'POST /api/shops/:shop/shipments/scan',
  'GET /api/shops/:shop/carrier-accounts',
  'PATCH /api/shops/:shop/carrier-accounts/:id',
  'GET /api/shops/:shop/tracking/journeys/:key',
  'GET /api/shops/:shop/tracking/timeline/:number',
  'POST /api/shops/:shop/tracking/events/import',
  'GET /api/shops/:shop/tracking/exceptions',
  'POST /api/shops/:shop/tracking/exceptions/:journeyId/actions',
  'GET /api/shops/:shop/channel-accounts/:id/shipment-confirmations',
  'POST /api/shops/:shop/channel-accounts/:id/shipment-confirmations/export',
];

/** Public routes that name a shop but need no session: the tracking page and verified webhooks. */
const publicShopRoutes = [
  '/s/:shop',
  '/track/:shop',
  '/track/:shop/:number',
  '/api/track/:shop/:number',
  '/api/webhooks/tracking/:shop/:carrier',
  '/api/webhooks/17track/:shop',
];

describe.skipIf(skip)('tenancy: a second shop can neither read nor change the first', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedShop>>;
  let b: Awaited<ReturnType<typeof seedShop>>;
  const ids = {} as {
    product: string;
    variants: string[];
    category: string;
    image: string;
    glossary: string;
    importJob: string;
    member: string;
    token: string;
    warehouse: string;
    warehouse2: string;
    transfer: string;
    stocktake: string;
    channelAccount: string;
    order: string;
    orderLine: string;
    rma: string;
    rmaLine: string;
    stockFile: string;
    amazonAccount: string;
    order2: string;
    service: string;
    rule: string;
    sender: string;
    shipment: string;
    shipmentNumber: string;
    journey: string;
    carrierAccount: string;
    exceptionRule: string;
    rateCard: string;
  };
  let aToken: string;
  let bToken: string;
  /** Strings that must never appear in anything shop B gets back. */
  let secrets: string[];

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedShop(t, 'shop-alpha');
    b = await seedShop(t, 'shop-beta');
    const A = a.client;

    const category = await A.request('POST', '/api/shops/shop-alpha/categories', {
      name: 'Alphasecretcategory',
    });
    expect(category.statusCode).toBe(201);
    ids.category = category.json().id;

    const product = await A.request(
      'POST',
      '/api/shops/shop-alpha/products',
      productPayload('ALPHA-SECRET-SKU-1', {
        title: 'Alphasecret lavender candle',
        categoryId: ids.category,
        descriptionHtml: '<p>Alphasecret description</p>',
        options: [{ name: 'Size', values: ['S', 'L'] }],
        variants: [
          { sku: 'ALPHA-SECRET-SKU-1', optionValues: { Size: 'S' }, costPriceMinor: 1250 },
          { sku: 'ALPHA-SECRET-SKU-2', optionValues: { Size: 'L' }, costPriceMinor: 1850 },
        ],
      }),
    );
    expect(product.statusCode).toBe(201);
    ids.product = product.json().id;
    ids.variants = product.json().variants.map((v: { id: string }) => v.id);

    const upload = multipart('alpha.png', 'image/png', await png());
    const image = await A.request(
      'POST',
      `/api/shops/shop-alpha/products/${ids.product}/images`,
      upload.payload,
      upload.headers,
    );
    expect(image.statusCode, image.body).toBe(201);
    ids.image = image.json().id;

    const tr = await A.request('PUT', `/api/shops/shop-alpha/products/${ids.product}/translations/de`, {
      fields: [
        { entityType: 'product', entityId: ids.product, field: 'title', value: 'Alphasecret Lavendelkerze' },
      ],
    });
    expect(tr.statusCode, tr.body).toBe(200);

    const term = await A.request('POST', '/api/shops/shop-alpha/glossary', {
      term: 'Alphasecretterm',
      doNotTranslate: true,
    });
    expect(term.statusCode, term.body).toBe(201);
    ids.glossary = term.json().id;

    const sheet = multipart('alpha-import.csv', 'text/csv', csv);
    const job = await A.request('POST', '/api/shops/shop-alpha/imports', sheet.payload, sheet.headers);
    expect(job.statusCode, job.body).toBe(201);
    ids.importJob = job.json().id;

    const mapping = await A.request('POST', '/api/shops/shop-alpha/import-mappings', {
      name: 'Alphasecret mapping',
      columns: { sku: 'sku' },
    });
    expect(mapping.statusCode, mapping.body).toBe(201);

    const member = await A.request('POST', '/api/shops/shop-alpha/members', {
      email: 'staff@shop-alpha.test',
      name: 'Alphasecret Staff',
      role: 'operator',
      password: 'staff-password-1',
    });
    expect(member.statusCode, member.body).toBe(201);
    ids.member = member.json().userId;

    const token = await A.request('POST', '/api/shops/shop-alpha/tokens', {
      name: 'Alphasecret integration',
      scopes: [...permissions],
    });
    expect(token.statusCode, token.body).toBe(201);
    ids.token = token.json().id;
    aToken = token.json().token;

    // Orders and stock of shop A: a warehouse with stock, a transfer in transit, a stocktake,
    // a channel account and an order.
    const wh = async (code: string, country: string) => {
      const res = await A.request('POST', '/api/shops/shop-alpha/warehouses', {
        code,
        name: `Alphasecret ${code}`,
        kind: 'factory',
        country,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.warehouse = await wh('ALPHA-FAC', 'CN');
    ids.warehouse2 = await wh('ALPHA-US', 'US');
    const receipt = await A.request('POST', '/api/shops/shop-alpha/stock/receipts', {
      warehouseId: ids.warehouse,
      lines: [{ variantId: ids.variants[0], quantity: 40 }],
    });
    expect(receipt.statusCode, receipt.body).toBeLessThan(300);
    const transfer = await A.request('POST', '/api/shops/shop-alpha/transfers', {
      fromWarehouseId: ids.warehouse,
      toWarehouseId: ids.warehouse2,
      reference: 'Alphasecret FBA shipment',
      lines: [{ variantId: ids.variants[0], quantity: 5 }],
    });
    expect(transfer.statusCode, transfer.body).toBeLessThan(300);
    ids.transfer = transfer.json().id;
    const stocktake = await A.request('POST', '/api/shops/shop-alpha/stocktakes', {
      warehouseId: ids.warehouse,
      counted: [{ variantId: ids.variants[0], quantity: 30 }],
    });
    expect(stocktake.statusCode, stocktake.body).toBeLessThan(300);
    ids.stocktake = stocktake.json().id;
    const account = await A.request('POST', '/api/shops/shop-alpha/channel-accounts', {
      channel: 'facebook',
      name: 'Alphasecret FB group',
    });
    expect(account.statusCode, account.body).toBe(201);
    ids.channelAccount = account.json().id;
    const order = await A.request('POST', '/api/shops/shop-alpha/orders', {
      channelAccountId: ids.channelAccount,
      externalId: 'ALPHASECRET-ORDER-1',
      paymentMethod: 'cod',
      currency: 'USD',
      buyer: { name: 'Alphasecret Buyer', phone: '+12025550123' },
      shipTo: { line1: '1 Alphasecret Rd', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
      lines: [{ sku: 'ALPHA-SECRET-SKU-1', quantity: 1, unitPriceMinor: 2599 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    ids.order = order.json().id;
    ids.orderLine = order.json().lines[0].id;
    // Ship it, then open a return (RMA) for it.
    for (const status of ['paid', 'ready_to_ship', 'shipped']) {
      const moved = await A.request('POST', `/api/shops/shop-alpha/orders/${ids.order}/status`, { status });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const rma = await A.request('POST', `/api/shops/shop-alpha/orders/${ids.order}/returns`, {
      reason: 'defective',
      note: 'Alphasecret return note',
      lines: [{ orderLineId: ids.orderLine, quantity: 1 }],
    });
    expect(rma.statusCode, rma.body).toBe(201);
    ids.rma = rma.json().id;
    ids.rmaLine = rma.json().lines[0].id;
    // Channel stock: rules, and an upload file waiting to be marked uploaded.
    const amazon = await A.request('POST', '/api/shops/shop-alpha/channel-accounts', {
      channel: 'amazon',
      name: 'Alphasecret Amazon US',
      marketplace: 'US',
    });
    expect(amazon.statusCode, amazon.body).toBe(201);
    ids.amazonAccount = amazon.json().id;
    const rules = await A.request(
      'PUT',
      `/api/shops/shop-alpha/channel-accounts/${ids.amazonAccount}/stock-rules`,
      {
        bufferUnits: 2,
        overrides: [{ channelSku: 'ALPHA-SECRET-SKU-1', cap: 7 }],
      },
    );
    expect(rules.statusCode, rules.body).toBe(200);
    const stockFile = await A.request(
      'GET',
      `/api/shops/shop-alpha/channel-accounts/${ids.amazonAccount}/stock-file?format=amazon&full=true`,
    );
    expect(stockFile.statusCode, stockFile.body).toBe(200);
    ids.stockFile = String(stockFile.headers['x-stock-file-id']);

    // Shipping of shop A: a logistics service with an imported card, a rule, a sender, a carrier
    // account, and a second order packed, labelled and shipped (which registers its journey).
    const service = await A.request('POST', '/api/shops/shop-alpha/logistics/services', {
      code: 'ALPHA-EXP',
      name: 'Alphasecret Express',
      carrier: 'chinapost',
      mode: 'postal',
      promisedDays: 12,
    });
    expect(service.statusCode, service.body).toBe(201);
    ids.service = service.json().id;
    const rateSheet = multipart('alpha-rates.xlsx', XLSX, await alphaRateSheet());
    const card = await A.request(
      'POST',
      `/api/shops/shop-alpha/logistics/services/${ids.service}/rate-cards`,
      rateSheet.payload,
      rateSheet.headers,
    );
    expect(card.statusCode, card.body).toBe(201);
    const cards = await A.request(
      'GET',
      `/api/shops/shop-alpha/logistics/services/${ids.service}/rate-cards`,
    );
    ids.rateCard = cards.json().items[0].id;
    const rule = await A.request('POST', '/api/shops/shop-alpha/logistics/rules', {
      name: 'Alphasecret rule',
      priority: 10,
      conditions: { countries: ['US'] },
      strategy: 'cheapest',
    });
    expect(rule.statusCode, rule.body).toBe(201);
    ids.rule = rule.json().id;
    const sender = await A.request('POST', '/api/shops/shop-alpha/shipping/senders', {
      name: 'Alphasecret Sender',
      line1: '1 Alphasecret Road',
      city: 'Yiwu',
      postcode: '322000',
      country: 'CN',
    });
    expect(sender.statusCode, sender.body).toBe(201);
    ids.sender = sender.json().id;
    const carrier = await A.request('POST', '/api/shops/shop-alpha/carrier-accounts', {
      carrier: '4px',
      name: 'Alphasecret 4PX',
      environment: 'sandbox',
      productCode: 'PX',
      credentials: { appKey: 'alpha-app-key', appSecret: 'alpha-app-secret-value' },
    });
    expect(carrier.statusCode, carrier.body).toBe(201);
    ids.carrierAccount = carrier.json().id;
    const order2 = await A.request('POST', '/api/shops/shop-alpha/orders', {
      channelAccountId: ids.channelAccount,
      externalId: 'ALPHASECRET-ORDER-2',
      paymentMethod: 'cod',
      currency: 'USD',
      buyer: { name: 'Alphasecret Buyer', phone: '+12025550123' },
      shipTo: { line1: '1 Alphasecret Rd', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
      lines: [{ sku: 'ALPHA-SECRET-SKU-1', quantity: 1, unitPriceMinor: 2599 }],
    });
    expect(order2.statusCode, order2.body).toBe(201);
    ids.order2 = order2.json().id;
    const paid = await A.request('POST', `/api/shops/shop-alpha/orders/${ids.order2}/status`, {
      status: 'paid',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const shipment = await A.request('POST', '/api/shops/shop-alpha/shipments', {
      orderIds: [ids.order2],
      serviceId: ids.service,
      parcels: [{ lines: [{ orderLineId: order2.json().lines[0].id, quantity: 1 }], weightG: 300 }],
    });
    expect(shipment.statusCode, shipment.body).toBe(201);
    ids.shipment = shipment.json().id;
    ids.shipmentNumber = shipment.json().number;
    const labelled = await A.request('POST', `/api/shops/shop-alpha/shipments/${ids.shipment}/label`, {
      trackingNumbers: [{ parcelNo: 1, trackingNumber: 'RR123456785CN' }],
    });
    expect(labelled.statusCode, labelled.body).toBe(200);
    const shipped = await A.request('POST', `/api/shops/shop-alpha/shipments/${ids.shipment}/ship`, {});
    expect(shipped.statusCode, shipped.body).toBe(200);
    const journey = await A.request('GET', `/api/shops/shop-alpha/tracking/journeys/${ids.shipmentNumber}`);
    expect(journey.statusCode, journey.body).toBe(200);
    ids.journey = journey.json().id;
    const exceptionRule = await A.request('POST', '/api/shops/shop-alpha/tracking/exception-rules', {
      kind: 'stuck',
      destinationCountry: 'US',
      mode: 'postal',
      days: 4,
      source: 'Alphasecret SLA',
    });
    expect(exceptionRule.statusCode, exceptionRule.body).toBe(201);
    ids.exceptionRule = exceptionRule.json().id;

    const bt = await b.client.request('POST', '/api/shops/shop-beta/tokens', {
      name: 'Beta all scopes',
      scopes: [...permissions],
    });
    expect(bt.statusCode).toBe(201);
    bToken = bt.json().token;

    secrets = [
      a.shop.id,
      a.shop.name,
      a.userId,
      a.email,
      // (The shipment number is left out: "not found" answers echo the number that was asked for.)
      ...Object.values(ids)
        .flat()
        .filter((v) => v !== ids.shipmentNumber),
      aToken,
      'Alphasecret',
      'ALPHA-SECRET-SKU',
      'staff@shop-alpha.test',
      'alpha-import.csv',
      'Alphasecret return note',
      'alpha-app-secret-value',
      'alpha-rates.xlsx',
    ];
  });
  afterAll(async () => t?.close());

  /** Everything of shop A that a request could change, read straight from the tables. */
  async function snapshotA() {
    const db = t.deps.database.db;
    const shopId = a.shop.id;
    const tenant = await withShop(db, shopId, async (trx) => ({
      products: await trx
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      variants: await trx
        .selectFrom('variants')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      images: await trx
        .selectFrom('product_images')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      categories: await trx
        .selectFrom('categories')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      translations: await trx
        .selectFrom('translations')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('field')
        .orderBy('locale')
        .execute(),
      glossary: await trx
        .selectFrom('glossary_terms')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      importJobs: await trx
        .selectFrom('import_jobs')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      ...Object.fromEntries(
        await Promise.all(
          (
            [
              'warehouses',
              'stock_levels',
              'stock_movements',
              'stock_reservations',
              'transfers',
              'stocktakes',
              'channel_accounts',
              'orders',
              'order_lines',
              'order_events',
              'sku_mappings',
              'rmas',
              'rma_lines',
              'rma_receipts',
              'rma_holds',
              'rma_events',
              'rma_counters',
              'channel_connections',
              'channel_sync_runs',
              'connector_oauth_states',
              'shopee_sku_models',
              'channel_stock_rules',
              'channel_stock_overrides',
              'channel_stock_pushes',
              'channel_stock_files',
              'logistics_services',
              'logistics_rate_cards',
              'logistics_assignment_rules',
              'shipping_senders',
              'shipment_counters',
              'shipments',
              'shipment_orders',
              'shipment_parcels',
              'shipment_lines',
              'carrier_accounts',
              'carrier_labels',
              'tracking_journeys',
              'tracking_legs',
              'tracking_events',
              'tracking_exception_rules',
              'tracking_exception_actions',
              'channel_shipment_confirmations',
            ] as const
          ).map(async (table) => [
            table,
            // Rows as sorted JSON: these tables have different keys, and order is not the point.
            (await trx.selectFrom(table).selectAll().where('shop_id', '=', shopId).execute())
              .map((row) => JSON.stringify(row))
              .sort(),
          ]),
        ),
      ),
      importMappings: await trx
        .selectFrom('import_mappings')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      audit: await trx
        .selectFrom('audit_log')
        .select(['id', 'action', 'entity_id'])
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
    }));
    const userIds = [a.userId, ids.member];
    return {
      ...tenant,
      shop: await db.selectFrom('shops').selectAll().where('id', '=', shopId).execute(),
      memberships: await db
        .selectFrom('memberships')
        .selectAll()
        .where('shop_id', '=', shopId)
        .orderBy('user_id')
        .execute(),
      apiTokens: await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'scopes', 'revoked_at', 'token_hash'])
        .where('shop_id', '=', shopId)
        .orderBy('id')
        .execute(),
      users: await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'password_hash', 'failed_logins', 'locked_until', 'locale'])
        .where('id', 'in', userIds)
        .orderBy('id')
        .execute(),
      sessions: await db
        .selectFrom('sessions')
        .select(['id_hash', 'user_id'])
        .where('user_id', 'in', userIds)
        .orderBy('id_hash')
        .execute(),
    };
  }

  /** Bodies that would do real damage if a guard were missing; unknown routes get `{}`. */
  function bodyFor(
    route: RegisteredRoute,
    path: string,
    version: number,
  ): { payload?: string | Buffer | object; headers?: Record<string, string> } {
    if (route.consumes.includes('multipart/form-data')) {
      return path.endsWith('/imports')
        ? multipart('beta.csv', 'text/csv', csv)
        : { ...multipart('beta.png', 'image/png', pngBytes) };
    }
    if (route.method === 'GET' || route.method === 'HEAD') return {};
    const key = `${route.method} ${route.url}`;
    const variants = ids.variants.map((id, i) => ({ id, sku: `HIJACK-${i}` }));
    const bodies: Record<string, object> = {
      'POST /api/shops/:shop/products': { title: 'Hijack', categoryId: ids.category, variants },
      'PUT /api/shops/:shop/products/:id': { title: 'Hijack', version, variants },
      'PUT /api/shops/:shop/products/:id/translations/:locale': {
        fields: [{ entityType: 'product', entityId: ids.product, field: 'title', value: 'Hijack' }],
      },
      'POST /api/shops/:shop/categories': { name: 'Hijack', parentId: ids.category },
      'POST /api/shops/:shop/glossary': { term: 'Hijack', doNotTranslate: true },
      'POST /api/shops/:shop/imports/:id/preview': { columns: { sku: 'sku', title: 'title' } },
      'POST /api/shops/:shop/imports/:id/commit': {
        columns: { sku: 'sku', title: 'title' },
        mode: 'valid_rows',
      },
      'POST /api/shops/:shop/import-mappings': { name: 'Alphasecret mapping', columns: { sku: 'title' } },
      // In A: would demote A's owner. In B: a new person (adding an existing account of another
      // shop is allowed by design and answers with that account's id, see the report).
      'POST /api/shops/:shop/members': path.startsWith('/api/shops/shop-alpha/')
        ? { email: a.email, role: 'service', password: 'hijack-password-1' }
        : {
            email: `newcomer-${Math.random().toString(16).slice(2)}@shop-beta.test`,
            role: 'service',
            password: 'hijack-password-1',
          },
      'PATCH /api/shops/:shop/members/:userId': { role: 'service' },
      'POST /api/shops/:shop/members/:userId/reset-password': { password: 'hijack-password-1' },
      'POST /api/shops/:shop/tokens': { name: 'Hijack', scopes: ['catalog:read'] },
      'PATCH /api/shops/:shop/warehouses/:id': { name: 'Hijack', active: false },
      'PATCH /api/shops/:shop/channel-accounts/:id': { name: 'Hijack' },
      'POST /api/shops/:shop/orders/:id/status': { status: 'cancelled' },
      'POST /api/shops/:shop/transfers/:id/receive': {},
      'POST /api/shops/:shop/stock/adjustments': {
        variantId: ids.variants[0],
        warehouseId: ids.warehouse,
        delta: -40,
        reason: 'Hijack',
      },
      'POST /api/shops/:shop/orders/bulk': { ids: [ids.order], action: 'status', status: 'cancelled' },
      'PUT /api/shops/:shop/channel-accounts/:id/credentials': {
        credentials: { partnerId: '2001', partnerKey: 'hijack-partner-key' },
      },
      'POST /api/shops/:shop/orders/holds': { ids: [ids.order], hold: 'compliance' },
      'PUT /api/shops/:shop/channel-accounts/:id/stock-rules': { bufferUnits: 0, cap: 0 },
      'POST /api/shops/:shop/channel-accounts/:id/stock-pushes': { full: true },
      'POST /api/shops/:shop/orders/:id/returns': {
        reason: 'defective',
        lines: [{ orderLineId: ids.orderLine, quantity: 1 }],
      },
      'POST /api/shops/:shop/returns/:id/receipts': {
        lines: [{ lineId: ids.rmaLine, quantity: 1, warehouseId: ids.warehouse, disposition: 'sellable' }],
      },
      'POST /api/shops/:shop/returns/:id/refund': { amountMinor: 100 },
      'POST /api/shops/:shop/returns/:id/quarantine-release': { holdId: ids.rmaLine, to: 'sellable' },
      'PATCH /api/shops/:shop/logistics/services/:id': { name: 'Hijack', active: false },
      'POST /api/shops/:shop/logistics/rules': {
        name: 'Hijack',
        priority: 1,
        conditions: {},
        strategy: 'fixed',
        serviceId: ids.service,
      },
      'PUT /api/shops/:shop/logistics/rules/:id': {
        name: 'Hijack',
        priority: 1,
        conditions: {},
        strategy: 'fastest',
      },
      'POST /api/shops/:shop/shipping/senders': {
        name: 'Hijack',
        line1: 'x',
        city: 'x',
        country: 'CN',
        warehouseId: ids.warehouse,
        isDefault: true,
      },
      'PUT /api/shops/:shop/shipping/senders/:id': { name: 'Hijack', line1: 'x', city: 'x', country: 'CN' },
      'POST /api/shops/:shop/shipments': { orderIds: [ids.order2], serviceId: ids.service },
      'POST /api/shops/:shop/shipments/preview': { orderIds: [ids.order2] },
      'PATCH /api/shops/:shop/shipments/:id': {
        serviceId: ids.service,
        parcels: [{ parcelNo: 1, weightG: 1 }],
      },
      'POST /api/shops/:shop/shipments/:id/label': {
        trackingNumbers: [{ parcelNo: 1, trackingNumber: 'RR123456785CN' }],
      },
      'POST /api/shops/:shop/shipments/ship': { ids: [ids.shipment] },
      'POST /api/shops/:shop/shipments/scan': { code: ids.shipmentNumber },
      'POST /api/shops/:shop/shipments/documents/labels': { ids: [ids.shipment, ids.shipmentNumber] },
      'POST /api/shops/:shop/shipments/documents/pick-list': { ids: [ids.shipment, ids.shipmentNumber] },
      'PATCH /api/shops/:shop/carrier-accounts/:id': {
        name: 'Hijack',
        baseUrl: 'https://open-test.4px.com',
        credentials: { appSecret: 'hijack' },
      },
      'POST /api/shops/:shop/carrier-labels/tracking/pull': { days: 60 },
      'POST /api/shops/:shop/tracking/exceptions/:journeyId/actions': { action: 'resolve', note: 'Hijack' },
      'POST /api/shops/:shop/tracking/exception-rules': {
        kind: 'stuck',
        destinationCountry: 'US',
        mode: 'postal',
        days: 1,
        source: 'Hijack',
      },
      'PUT /api/shops/:shop/tracking/exception-rules/:id': {
        kind: 'stuck',
        destinationCountry: 'DE',
        mode: '*',
        days: 99,
        source: 'Hijack',
      },
      'POST /api/shops/:shop/logistics/rules/:id/test': {
        channel: 'facebook',
        destinationCountry: 'US',
        weightG: 100,
        valueMinor: 100,
        currency: 'USD',
        skus: ['ALPHA-SECRET-SKU-1'],
      },
      'POST /api/shops/:shop/logistics/assign': {
        channel: 'facebook',
        destinationCountry: 'US',
        weightG: 100,
        valueMinor: 100,
        currency: 'USD',
        skus: ['ALPHA-SECRET-SKU-1'],
      },
    };
    return { payload: bodies[key] ?? {} };
  }
  let pngBytes: Buffer;

  /** Every concrete URL to try for a route: A's real ids in its params (each candidate for ambiguous ones). */
  function urlsFor(route: RegisteredRoute, slug: string): string[] {
    let urls = [route.url];
    const fill = (param: string, values: string[]) => {
      urls = urls.flatMap((u) =>
        u.includes(`:${param}`) ? values.map((v) => u.replace(`:${param}`, v)) : [u],
      );
    };
    fill('shop', [slug]);
    const segments = route.url.split('/');
    const idOwner = segments[segments.indexOf(':id') - 1];
    const idByResource: Record<string, string[]> = {
      products: [ids.product],
      imports: [ids.importJob],
      tokens: [ids.token],
      glossary: [ids.glossary],
      warehouses: [ids.warehouse, ids.warehouse2],
      transfers: [ids.transfer],
      stocktakes: [ids.stocktake],
      'channel-accounts': [ids.channelAccount, ids.amazonAccount],
      orders: [ids.order],
      returns: [ids.rma],
      'channel-stock-files': [ids.stockFile],
      services: [ids.service],
      rules: [ids.rule],
      senders: [ids.sender],
      shipments: [ids.shipment],
      'carrier-accounts': [ids.carrierAccount],
      'exception-rules': [ids.exceptionRule],
    };
    // An :id under a resource this test does not know yet gets every id of shop A.
    fill(
      'id',
      (idOwner && idByResource[idOwner]) || [
        ids.product,
        ids.importJob,
        ids.token,
        ids.glossary,
        ids.category,
        ids.image,
        ...ids.variants,
      ],
    );
    fill('userId', [ids.member, a.userId]);
    fill('imageId', [ids.image]);
    fill('locale', ['de']);
    fill('cardId', [ids.rateCard]);
    fill('journeyId', [ids.journey]);
    fill('key', [ids.journey, ids.shipmentNumber, 'RR123456785CN']);
    fill('number', [ids.shipmentNumber, 'RR123456785CN']);
    // (Not the uuid: the not-found answer echoes the reference asked for; :id routes cover it.)
    fill('ref', [ids.shipmentNumber, 'RR123456785CN']);
    fill('kind', ['label', 'commercial-invoice']);
    fill('confirmationId', [ids.order2]);
    fill('batch', [ids.order2]);
    for (const u of urls) {
      const unknown = u.match(/:[A-Za-z]+|\*/);
      if (unknown)
        throw new Error(
          `Route ${route.method} ${route.url} has a parameter (${unknown[0]}) this test does not fill: add it to urlsFor.`,
        );
    }
    // Channel stock files come in the channel's own formats; product exports in csv/xlsx.
    const format = route.url.endsWith('/stock-file') ? 'amazon' : 'csv';
    return urls.map(
      (u) => `${u}?locale=de&format=${format}&entityId=${ids.product}&categoryId=${ids.category}`,
    );
  }

  function callAs(
    who: 'cookie' | 'bearer',
    client: Client,
    method: string,
    url: string,
    body: ReturnType<typeof bodyFor>,
  ) {
    const headers: Record<string, string> =
      who === 'cookie'
        ? { cookie: client.cookie, 'x-csrf-token': client.csrf, ...body.headers }
        : { authorization: `Bearer ${bToken}`, ...body.headers };
    return t.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body.payload === undefined ? {} : { payload: body.payload }),
    });
  }

  function expectNoSecrets(res: LightMyRequestResponse, label: string, echoed: string[] = []) {
    const text = res.body;
    for (const s of secrets.filter((x) => !echoed.includes(x)))
      expect(text.includes(s), `${label} leaked "${s}": ${text.slice(0, 300)}`).toBe(false);
  }

  it("walks every shop route with shop B's session and token: 404/403, nothing leaks, nothing changes", async () => {
    pngBytes = await png();
    const all = registeredRoutes(t.app);
    const shopRoutes = all.filter(
      (r) => r.url === '/api/shops/:shop' || r.url.startsWith('/api/shops/:shop/'),
    );
    const listed = new Set(shopRoutes.map((r) => `${r.method} ${r.url}`));
    for (const known of knownRoutes) expect(listed.has(known), `route ${known} not enumerated`).toBe(true);
    // Nothing shop-scoped may live outside /api/shops/:shop, where the guard could not apply,
    // except the public pages and signed webhooks (their own tests cover them; see below).
    expect(
      [
        ...new Set(all.filter((r) => r.url.includes(':shop') && !shopRoutes.includes(r)).map((r) => r.url)),
      ].sort(),
    ).toEqual([...publicShopRoutes].sort());
    // The public tracking of shop B does not find shop A's parcels by number or reference.
    for (const n of [ids.shipmentNumber, 'RR123456785CN']) {
      for (const url of [`/api/track/shop-beta/${n}`, `/track/shop-beta/${n}`]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBe(404);
        // The page may echo the number the visitor typed, nothing else of shop A.
        for (const secret of secrets.filter((x) => x !== n))
          expect(res.body.includes(secret), `${url} leaked "${secret}"`).toBe(false);
        expect(res.body).not.toContain('Austin');
      }
    }

    const before = await snapshotA();
    const beforeProduct = (
      await a.client.request('GET', `/api/shops/shop-alpha/products/${ids.product}`)
    ).json();
    let calls = 0;

    // 1. Shop A's slug with shop B's credentials: the guard must refuse before anything runs.
    for (const route of shopRoutes) {
      for (const url of urlsFor(route, 'shop-alpha')) {
        for (const who of ['cookie', 'bearer'] as const) {
          const res = await callAs(
            who,
            b.client,
            route.method,
            url,
            bodyFor(route, url.split('?')[0]!, beforeProduct.version),
          );
          const label = `${who} ${route.method} ${url}`;
          expect([403, 404], `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
            res.statusCode,
          );
          expectNoSecrets(res, label);
          calls++;
        }
      }
    }

    // 2. Shop B's own slug with shop A's ids (IDOR): B may work in its own shop, but A's ids
    //    resolve to nothing there and nothing of A comes back.
    for (const route of shopRoutes) {
      const refersToA = /:(id|userId|imageId)\b/.test(route.url);
      for (const url of urlsFor(route, 'shop-beta')) {
        for (const who of ['cookie', 'bearer'] as const) {
          const res = await callAs(
            who,
            b.client,
            route.method,
            url,
            bodyFor(route, url.split('?')[0]!, beforeProduct.version),
          );
          const label = `${who} ${route.method} ${url}`;
          if (refersToA)
            expect([403, 404], `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
              res.statusCode,
            );
          else expect(res.statusCode, `${label} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          // A refusal may repeat what the caller sent ("no shipment CK…"), and bulk answers name
          // each id they were given with its own refusal; nothing else of A may come back.
          const bulk = route.url.endsWith('/shipments/ship');
          if (bulk) expect(res.body).not.toContain('"ok":true');
          const body = bodyFor(route, url.split('?')[0]!, beforeProduct.version);
          const sent = `${url} ${typeof body.payload === 'object' && !Buffer.isBuffer(body.payload) ? JSON.stringify(body.payload) : ''}`;
          const echoed = res.statusCode >= 400 || bulk ? secrets.filter((x) => sent.includes(x)) : [];
          expectNoSecrets(res, label, echoed);
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThan(knownRoutes.length * 4);

    // Shop A is exactly as it was: rows, files, and the product as A sees it.
    expect(await snapshotA()).toEqual(before);
    const afterProduct = await a.client.request('GET', `/api/shops/shop-alpha/products/${ids.product}`);
    expect(afterProduct.statusCode).toBe(200);
    const p = afterProduct.json();
    expect(p.version).toBe(beforeProduct.version);
    expect(p.title).toBe('Alphasecret lavender candle');
    expect(p.variants.map((v: { sku: string }) => v.sku).sort()).toEqual([
      'ALPHA-SECRET-SKU-1',
      'ALPHA-SECRET-SKU-2',
    ]);
    expect(p.images).toHaveLength(1);
    const file = await t.app.inject({ method: 'GET', url: p.images[0].url });
    expect(file.statusCode).toBe(200);
    // A's own token and A's people still work.
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/shops/shop-alpha/tokens',
      headers: { authorization: `Bearer ${aToken}` },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().items.every((tk: { revokedAt: unknown }) => tk.revokedAt === null)).toBe(true);
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'staff@shop-alpha.test', password: 'staff-password-1' },
    });
    expect(staff.statusCode).toBe(200);
  });

  it("an owner cannot take over another shop's operator by adding them and resetting their password", async () => {
    // b's operator is a real account; a's owner knows their email.
    const victim = await b.client.request('POST', '/api/shops/shop-beta/members', {
      email: 'operator@shop-beta.test',
      role: 'operator',
      password: 'victim-password-1',
    });
    expect(victim.statusCode).toBe(201);
    const victimId = victim.json().userId;
    const added = await a.client.request('POST', '/api/shops/shop-alpha/members', {
      email: 'operator@shop-beta.test',
      role: 'service',
    });
    expect(added.statusCode).toBe(201);
    const reset = await a.client.request('POST', `/api/shops/shop-alpha/members/${victimId}/reset-password`, {
      password: 'taken-over-1',
    });
    expect(reset.statusCode).toBe(403);
    const hijack = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'operator@shop-beta.test', password: 'taken-over-1' },
    });
    expect(hijack.statusCode).toBe(401);
    const stillMine = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'operator@shop-beta.test', password: 'victim-password-1' },
    });
    expect(stillMine.statusCode).toBe(200);
  });

  describe('row-level security is the second wall', () => {
    it("a tenant transaction of shop B sees none of shop A's rows, even when asked for them", async () => {
      const db = t.deps.database.db;
      for (const table of [
        'products',
        'variants',
        'categories',
        'product_images',
        'translations',
        'glossary_terms',
        'import_jobs',
        'import_mappings',
        'audit_log',
      ] as const) {
        const rows = await withShop(db, b.shop.id, (trx) =>
          trx.selectFrom(table).select('shop_id').where('shop_id', '=', a.shop.id).execute(),
        );
        expect(rows, table).toEqual([]);
        // Without the filter too: only B's own rows.
        const unfiltered = await withShop(db, b.shop.id, (trx) =>
          trx.selectFrom(table).select('shop_id').execute(),
        );
        expect(
          unfiltered.every((r) => r.shop_id === b.shop.id),
          table,
        ).toBe(true);
      }
      // The check is not vacuous: the same query in A's transaction finds A's product.
      const own = await withShop(db, a.shop.id, (trx) =>
        trx.selectFrom('products').select('id').where('shop_id', '=', a.shop.id).execute(),
      );
      expect(own.map((r) => r.id)).toContain(ids.product);
    });

    it("writes with shop A's id inside shop B's transaction are rejected or touch nothing", async () => {
      const db = t.deps.database.db;
      await expect(
        withShop(db, b.shop.id, (trx) =>
          trx
            .insertInto('products')
            .values({
              shop_id: a.shop.id,
              id: crypto.randomUUID(),
              title: 'Planted by B',
              options: '[]',
              search_tokens: [],
            })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/i);
      await expect(
        withShop(db, b.shop.id, (trx) =>
          trx
            .insertInto('glossary_terms')
            .values({ shop_id: a.shop.id, id: crypto.randomUUID(), term: 'Planted', do_not_translate: true })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/i);
      const updated = await withShop(db, b.shop.id, (trx) =>
        trx
          .updateTable('products')
          .set({ title: 'Defaced' })
          .where('shop_id', '=', a.shop.id)
          .executeTakeFirst(),
      );
      expect(Number(updated.numUpdatedRows)).toBe(0);
      const deleted = await withShop(db, b.shop.id, (trx) =>
        trx.deleteFrom('glossary_terms').where('id', '=', ids.glossary).executeTakeFirst(),
      );
      expect(Number(deleted.numDeletedRows)).toBe(0);
      // Moving one of B's rows into A is a write with A's id too.
      await withShop(db, b.shop.id, (trx) =>
        trx
          .insertInto('glossary_terms')
          .values({ shop_id: b.shop.id, id: crypto.randomUUID(), term: 'Beta term', do_not_translate: true })
          .execute(),
      );
      await expect(
        withShop(db, b.shop.id, (trx) =>
          trx
            .updateTable('glossary_terms')
            .set({ shop_id: a.shop.id })
            .where('shop_id', '=', b.shop.id)
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/i);
      const aProduct = await withShop(db, a.shop.id, (trx) =>
        trx.selectFrom('products').select('title').where('id', '=', ids.product).executeTakeFirstOrThrow(),
      );
      expect(aProduct.title).toBe('Alphasecret lavender candle');
      const aTerms = await withShop(db, a.shop.id, (trx) =>
        trx.selectFrom('glossary_terms').select('term').execute(),
      );
      expect(aTerms.map((r) => r.term)).toEqual(['Alphasecretterm']);
    });
  });
});
