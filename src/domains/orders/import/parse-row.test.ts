import { describe, expect, it } from 'vitest';
import { amazonAllOrdersHeaders, amazonLine } from '../../../../test/fixtures/orders/files.ts';
import { dateStyleFor } from '../core/dates.ts';
import { buildOrder } from './build-order.ts';
import { detectProfile, profileOf } from './formats/index.ts';
import { type ParseContext, parseRow, resolveColumns } from './parse-row.ts';

const headers = [...amazonAllOrdersHeaders];
const profile = profileOf('amazon');
const ctx: ParseContext = {
  profile,
  index: resolveColumns(profile, headers).index,
  headers,
  currency: 'USD',
  country: 'US',
  dateStyle: dateStyleFor('US'),
  decimalComma: false,
};
const row = (n: number, r: Parameters<typeof amazonLine>[0]) =>
  parseRow(ctx, { row: n, values: headers.map((h) => amazonLine(r)[h] ?? '') });

describe('channel detection', () => {
  it.each([
    [headers, 'amazon'],
    [
      [
        'order-id',
        'order-item-id',
        'purchase-date',
        'payments-date',
        'sku',
        'recipient-name',
        'ship-address-1',
      ],
      'amazon-unshipped',
    ],
    [
      ['ID do pedido', 'Status do pedido', 'Número de referência SKU', 'Preço acordado', 'Quantidade'],
      'shopee',
    ],
    [['Order ID', 'Order Status', 'SKU Reference No.', 'Deal Price', 'Return / Refund Status'], 'shopee'],
    [
      [
        'Order ID',
        'Order Status',
        'Order Substatus',
        'Seller SKU',
        'Buyer Username',
        'Phone #',
        'Detail Address',
      ],
      'tiktok',
    ],
    [['Order No.', 'Buyer Name', 'Logistics Amount', 'Product Information', 'Receiver Name'], 'aliexpress'],
    [['Bestellnummer', 'Datum', 'Artikel'], null],
  ])('%j → %s', (h, format) => {
    expect(detectProfile(h)?.format ?? null).toBe(format);
  });

  it('lists the required columns a file lacks', () => {
    expect(resolveColumns(profile, ['amazon-order-id', 'sku']).missing).toEqual([
      'purchasedAt',
      'status',
      'quantity',
      'currency',
    ]);
  });
});

describe('Amazon rows → orders', () => {
  it('groups line rows into one order with summed amounts', () => {
    const built = buildOrder([
      row(2, {
        'amazon-order-id': 'A',
        sku: 'X',
        quantity: '2',
        'item-price': '20.00',
        'item-promotion-discount': '-1.00',
      }),
      row(3, { 'amazon-order-id': 'A', sku: 'Y', 'fulfillment-channel': 'Amazon' }),
    ]);
    if (!('order' in built)) throw new Error(JSON.stringify(built.issues));
    const o = built.order;
    expect(o).toMatchObject({
      status: 'shipped',
      currency: 'USD',
      itemTotal: 3299,
      shipping: 998,
      tax: 208,
      discount: 100,
      shipCountry: 'US',
    });
    expect(o.total).toBe(3299 + 998 + 208 - 100);
    expect(o.lines.map((l) => [l.channelSku, l.quantity, l.unitPrice])).toEqual([
      ['X', 2, 1000],
      ['Y', 1, 1299],
    ]);
  });

  it('fails the whole order when one of its rows is bad, naming row and column', () => {
    const built = buildOrder([
      row(2, { 'amazon-order-id': 'A', sku: 'X' }),
      row(3, { 'amazon-order-id': 'A', sku: 'Y', 'item-price': '12,345.678' }),
    ]);
    expect('issues' in built && built.issues).toEqual([
      expect.objectContaining({ row: 3, field: 'item-price' }),
    ]);
  });

  it.each([
    [{ quantity: '-2' }, 'quantity', 'negative'],
    [{ quantity: '1.5' }, 'quantity', 'whole number'],
    [{ currency: 'RMB' }, 'currency', 'ISO 4217'],
    [{ 'purchase-date': 'Nov 20th 2026' }, 'purchase-date', 'not a date'],
    [{ 'order-status': 'Teleported' }, 'order-status', 'not an order status'],
    [{ 'ship-country': 'Atlantis' }, 'ship-country', 'not a country'],
  ])('%j → %s: %s', (cells, field, text) => {
    const r = row(7, { 'amazon-order-id': 'A', sku: 'X', ...cells });
    expect(r.issues).toEqual([expect.objectContaining({ row: 7, field })]);
    expect(r.issues[0]!.message).toContain(text);
  });
});
