import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, importFile, shopeeHeaders, tiktokHeaders, xlsx } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('orders: Shopee, TikTok and generic files', () => {
  let t: TestApp;
  let client: Client;
  const slug = 'ord-ch';
  const get = async (path: string) => (await client.request('GET', `/api/shops/${slug}${path}`)).json();
  const account = async (channel: string, name: string, marketplace: string) => {
    const res = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel,
      name,
      marketplace,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const find = async (externalId: string) => {
    const list = await get(`/orders?q=${encodeURIComponent(externalId)}`);
    expect(list.items).toHaveLength(1);
    return get(`/orders/${list.items[0].id}`);
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ client } = await seedShop(t, slug));
    await client.request('POST', `/api/shops/${slug}/products`, productPayload('VELA-LAV'));
  });
  afterAll(async () => t?.close());

  it('imports a Shopee Brasil export with pt-BR headers, decimal commas and local times', async () => {
    const id = await account('shopee', 'Shopee BR', 'BR');
    const h = shopeeHeaders.ptBR;
    const row = (o: Record<string, string | number>) =>
      Object.fromEntries(
        h.map((k, i) => [
          k,
          o[k] ??
            [
              '',
              'A enviar',
              '',
              '',
              'Shopee Xpress',
              '20/11/2026 08:15',
              'VELA',
              'VELA-LAV',
              'Vela aromática',
              'Lavanda',
              '29,90',
              '2',
              '1.059,80',
              '5,98',
              '2,00',
              '0,00',
              '20,00',
              'ana.s',
              'Ana Souza',
              '(11) 98765-4321',
              'Rua Augusta, 1500, apto 12',
              'São Paulo',
              'SP',
              '01304-001',
              'BR',
            ][i]!,
        ]),
      );
    const file = await xlsx(h, [
      row({ 'ID do pedido': '241120ABCD1234' }),
      row({
        'ID do pedido': '241120ABCD1234',
        'Número de referência SKU': 'VELA-BAU',
        'Nome da variação': 'Baunilha',
        Quantidade: '30',
        'Preço acordado': '33,30',
      }),
    ]);
    const res = await importFile(
      client,
      slug,
      { channelAccountId: id, format: 'shopee' },
      'Order.all.20261120_20261121.xlsx',
      file,
    );
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0, errors: [] });
    const o = await find('241120ABCD1234');
    expect(o).toMatchObject({
      status: 'paid',
      currency: 'BRL',
      purchasedAt: '2026-11-20T11:15:00.000Z',
      channel: 'shopee',
    });
    expect(o.amounts).toMatchObject({
      itemTotalMinor: 2 * 2990 + 30 * 3330,
      totalMinor: 105980,
      feesMinor: 798,
      shippingMinor: 2000,
    });
    expect(o.buyer.phone).toBe('+5511987654321');
    expect(o.holds).toEqual(['unmapped_sku']);
    expect(o.lines[0].components).toEqual([expect.objectContaining({ sku: 'VELA-LAV', quantity: 1 })]);

    // The same shop exporting in English: same fields, same order → unchanged only if equal; here a status move.
    const en = shopeeHeaders.en;
    const enRow = Object.fromEntries(
      en.map((k, i) => [
        k,
        [
          '241120ABCD1234',
          'Shipping',
          '',
          'BR2611200001',
          'Shopee Xpress',
          '2026-11-20 08:15',
          'VELA',
          'VELA-LAV',
          'Vela aromática',
          'Lavanda',
          '29.90',
          '2',
          '1059.80',
          '5.98',
          '2.00',
          '0.00',
          '20.00',
          'ana.s',
          'Ana Souza',
          '(11) 98765-4321',
          'Rua Augusta, 1500, apto 12',
          'São Paulo',
          'SP',
          '01304-001',
          'BR',
        ][i]!,
      ]),
    );
    const res2 = await importFile(
      client,
      slug,
      { channelAccountId: id, format: 'shopee' },
      'Order.all.en.xlsx',
      await xlsx(en, [enRow]),
    );
    expect(res2.json()).toMatchObject({ updated: 1, failed: 0 });
    const o2 = await find('241120ABCD1234');
    expect(o2).toMatchObject({ status: 'shipped', trackingNumber: 'BR2611200001' });
    expect(o2.lines).toHaveLength(2); // the English file listed one line: the other is kept, never dropped
  });

  it('imports a TikTok Shop CSV with US times and states', async () => {
    const id = await account('tiktok', 'TikTok US', 'US');
    const base = {
      'Order ID': '576461413038785752',
      'Order Status': 'Awaiting Shipment',
      'Order Substatus': 'Awaiting Shipment',
      'Seller SKU': 'VELA-LAV',
      'Product Name': 'Lavender candle',
      Variation: 'Lavender',
      Quantity: '3',
      'SKU Unit Original Price': '9.99',
      'SKU Subtotal After Discount': '26.97',
      'Shipping Fee After Discount': '0',
      'Order Amount': '26.97',
      'Created Time': '11/20/2026 08:15:30 AM',
      'Paid Time': '11/20/2026 08:16:02 AM',
      'Buyer Username': 'candlefan',
      Recipient: 'Sam Lee',
      'Phone #': '(415) 555-0199',
      Zipcode: '94103',
      Country: 'United States',
      Province: 'California',
      District: 'San Francisco',
      'Detail Address': '1 Market St',
      'Payment Method': 'Credit card',
      'Weight(kg)': '0.9',
    };
    const res = await importFile(
      client,
      slug,
      { channelAccountId: id, format: 'tiktok' },
      'orders.csv',
      csv(tiktokHeaders, [base]),
    );
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0, errors: [] });
    const o = await find('576461413038785752');
    expect(o).toMatchObject({
      status: 'paid',
      currency: 'USD',
      purchasedAt: '2026-11-20T16:15:30.000Z',
      holds: [],
    });
    expect(o.shipTo).toMatchObject({ country: 'US', city: 'San Francisco', line1: '1 Market St' });
    expect(o.amounts.totalMinor).toBe(2697);
    const wrong = await importFile(
      client,
      slug,
      { channelAccountId: id, format: 'tiktok' },
      'o.csv',
      csv(tiktokHeaders, [{ ...base, 'Order Status': 'Teleported' }]),
    );
    expect(wrong.json().errors[0]).toMatchObject({ row: 2, field: 'Order Status' });
  });

  it('imports any platform through a saved generic column mapping', async () => {
    const id = await account('temu', 'Temu', 'DE');
    const saved = await client.request('POST', `/api/shops/${slug}/order-import-mappings`, {
      name: 'temu-de',
      columns: {
        orderId: 'Bestellnummer',
        purchasedAt: 'Datum',
        sku: 'Artikel',
        quantity: 'Menge',
        unitPrice: 'Preis',
        status: 'Status',
        shipCountry: 'Land',
      },
      settings: {
        dayFirst: true,
        decimalComma: true,
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        statuses: { versandt: 'shipped' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const file = csv(
      ['Bestellnummer', 'Datum', 'Artikel', 'Menge', 'Preis', 'Status', 'Land'],
      [
        {
          Bestellnummer: 'PO-1',
          Datum: '05.03.2026 10:00',
          Artikel: 'VELA-LAV',
          Menge: '2',
          Preis: '1.234,50',
          Status: 'versandt',
          Land: 'DE',
        },
      ],
    );
    const res = await importFile(
      client,
      slug,
      { channelAccountId: id, format: 'generic', mappingName: 'temu-de' },
      'temu.csv',
      file,
    );
    expect(res.json()).toMatchObject({ created: 1, failed: 0 });
    const o = await find('PO-1');
    expect(o).toMatchObject({ status: 'shipped', currency: 'EUR', purchasedAt: '2026-03-05T09:00:00.000Z' });
    expect(o.amounts.itemTotalMinor).toBe(246900);
  });
});
