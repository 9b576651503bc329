import { describe, expect, it } from 'vitest';
import { mapAmazonOrder } from './amazon/map-order.ts';
import { backoffDelay, retryAfterMs } from './backoff.ts';
import { mapShopeeOrder, shopeeStatuses } from './shopee/map-order.ts';

describe('Shopee order mapping', () => {
  const base = {
    order_sn: 'SN1',
    order_status: 'READY_TO_SHIP',
    create_time: 1_700_000_000,
    update_time: 1_700_000_100,
    item_list: [
      {
        item_id: 1,
        model_id: 2,
        item_name: 'Candle',
        model_name: 'Blue',
        model_sku: 'C-B',
        model_quantity_purchased: 3,
        model_discounted_price: 1500,
      },
    ],
  };

  it('uses the currency decimals (IDR has 2, VND and JPY none)', () => {
    const vnd = mapShopeeOrder({ ...base, currency: 'VND', region: 'VN', total_amount: 45000 }, null);
    expect(vnd.lines[0]).toMatchObject({
      unitPrice: 1500,
      lineTotal: 4500,
      quantity: 3,
      channelSku: 'C-B',
      title: 'Candle — Blue',
    });
    expect(vnd.total).toBe(45000);
    const brl = mapShopeeOrder(
      {
        ...base,
        currency: 'BRL',
        total_amount: 45.1,
        item_list: [{ ...base.item_list[0]!, model_discounted_price: 15.03 }],
      },
      'BR',
    );
    expect(brl.lines[0]!.unitPrice).toBe(1503);
    expect(brl.total).toBe(4510);
    expect(brl.shipCountry).toBe('BR');
  });

  it('maps every documented status and refuses unknown ones', () => {
    expect(shopeeStatuses).toMatchObject({
      UNPAID: 'pending',
      READY_TO_SHIP: 'paid',
      PROCESSED: 'ready_to_ship',
      SHIPPED: 'shipped',
      TO_CONFIRM_RECEIVE: 'delivered',
      COMPLETED: 'completed',
      CANCELLED: 'cancelled',
      IN_CANCEL: 'paid',
      TO_RETURN: 'return_requested',
    });
    expect(() => mapShopeeOrder({ ...base, currency: 'BRL', order_status: 'WHATEVER' }, 'BR')).toThrow(
      /status/,
    );
    expect(() => mapShopeeOrder({ ...base, currency: 'XXX' }, null)).toThrow(/currency/);
  });

  it('marks cash on delivery', () => {
    expect(
      mapShopeeOrder({ ...base, currency: 'PHP', cod: true, payment_method: 'Cash on Delivery' }, 'PH')
        .paymentMethod,
    ).toBe('COD');
  });
});

describe('Amazon order mapping', () => {
  it('maps AFN to marketplace fulfilment and sums Money amounts exactly', () => {
    const o = mapAmazonOrder(
      {
        AmazonOrderId: '250-1',
        PurchaseDate: '2026-11-20T10:00:00Z',
        OrderStatus: 'PartiallyShipped',
        FulfillmentChannel: 'AFN',
        OrderTotal: { CurrencyCode: 'JPY', Amount: '3300' },
      },
      [
        {
          OrderItemId: 'i1',
          SellerSKU: 'S1',
          QuantityOrdered: 2,
          ItemPrice: { CurrencyCode: 'JPY', Amount: '3000' },
          ItemTax: { CurrencyCode: 'JPY', Amount: '300' },
        },
      ],
      'JP',
    );
    expect(o).toMatchObject({
      status: 'partially_shipped',
      fulfillment: 'marketplace',
      currency: 'JPY',
      total: 3300,
      tax: 300,
    });
    expect(o.lines[0]).toMatchObject({ unitPrice: 1500, lineTotal: 3000 });
  });

  it('maps Canceled and Unfulfillable to cancelled', () => {
    for (const s of ['Canceled', 'Unfulfillable'])
      expect(
        mapAmazonOrder(
          {
            AmazonOrderId: 'x',
            PurchaseDate: '2026-11-20T10:00:00Z',
            OrderStatus: s,
            OrderTotal: { CurrencyCode: 'EUR', Amount: '0.00' },
          },
          [],
          'DE',
        ).status,
      ).toBe('cancelled');
  });
});

describe('backoff', () => {
  const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it('grows exponentially with jitter and honours a server hint, capped', () => {
    for (let n = 1; n <= 6; n++) {
      const d = backoffDelay(policy, n);
      const ceiling = Math.min(1000, 100 * 2 ** (n - 1));
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    expect(backoffDelay(policy, 1, 250)).toBe(250);
    expect(backoffDelay(policy, 1, 60_000)).toBe(1000);
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
