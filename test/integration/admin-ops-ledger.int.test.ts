import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

/** What the admin's movements ledger and transfer list need: filters and readable labels. */
describe.skipIf(skip)('ledger and transfers for the admin', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedShop>>;
  let other: Awaited<ReturnType<typeof seedShop>>;
  let factory: string;
  let overseas: string;
  const url = (path: string) => `/api/shops/ops/${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    s = await seedShop(t, 'ops');
    other = await seedShop(t, 'ops-other');
    await seedSkus(s.client, 'ops', ['OPS-1', 'OPS-2']);
    factory = await seedWarehouse(s.client, 'ops', 'FAC', { kind: 'factory' });
    overseas = await seedWarehouse(s.client, 'ops', 'US-3PL', { kind: 'overseas_3pl', country: 'US' });
    const receipt = await s.client.request('POST', url('stock/receipts'), {
      warehouseId: factory,
      lines: [
        { sku: 'OPS-1', quantity: 30, lot: 'LOT-A' },
        { sku: 'OPS-2', quantity: 5 },
      ],
      reference: 'PO-7',
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const adjust = await s.client.request('POST', url('stock/adjustments'), {
      sku: 'OPS-1',
      warehouseId: factory,
      delta: -2,
      reason: 'broken in packing',
    });
    expect(adjust.statusCode, adjust.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('labels movements with SKU, warehouse code and the member who booked them', async () => {
    const res = await s.client.request('GET', url('stock/movements?sku=OPS-1'));
    expect(res.statusCode, res.body).toBe(200);
    const [adjusted, received] = res.json().items;
    expect(adjusted).toMatchObject({
      kind: 'adjustment',
      sku: 'OPS-1',
      warehouseCode: 'FAC',
      reason: 'broken in packing',
      actorEmail: s.email,
    });
    expect(received).toMatchObject({ kind: 'receipt', lot: 'LOT-A', sku: 'OPS-1', refType: 'receipt' });
  });

  it('filters movements by kind, warehouse and date range', async () => {
    const kinds = await s.client.request(
      'GET',
      url(`stock/movements?kind=adjustment&warehouseId=${factory}`),
    );
    expect(kinds.json().items.map((m: { kind: string }) => m.kind)).toEqual(['adjustment']);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const none = await s.client.request('GET', url(`stock/movements?from=${encodeURIComponent(future)}`));
    expect(none.json().items).toEqual([]);
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const all = await s.client.request(
      'GET',
      url(`stock/movements?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`),
    );
    expect(all.json().items).toHaveLength(3);
    const bad = await s.client.request('GET', url('stock/movements?kind=teleport'));
    expect(bad.statusCode).toBe(400);
  });

  it('lists transfers with warehouse codes and line SKUs, and short receipts', async () => {
    const created = await s.client.request('POST', url('transfers'), {
      fromWarehouseId: factory,
      toWarehouseId: overseas,
      reference: 'HEAD-HAUL-1',
      lines: [
        { sku: 'OPS-1', quantity: 10 },
        { sku: 'OPS-2', quantity: 4 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const ops2 = created.json().lines[1].variantId;
    const received = await s.client.request('POST', url(`transfers/${id}/receive`), {
      lines: [{ variantId: ops2, received: 3 }],
    });
    expect(received.statusCode, received.body).toBe(200);
    const list = await s.client.request('GET', url('transfers'));
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      id,
      status: 'received',
      fromWarehouseCode: 'FAC',
      toWarehouseCode: 'US-3PL',
      reference: 'HEAD-HAUL-1',
      lines: [
        { sku: 'OPS-1', quantity: 10, received: 10, shortfall: 0 },
        { sku: 'OPS-2', quantity: 4, received: 3, shortfall: 1 },
      ],
    });
  });

  it('shows another shop none of it', async () => {
    const moves = await other.client.request('GET', '/api/shops/ops-other/stock/movements');
    expect(moves.json().items).toEqual([]);
    const transfers = await other.client.request('GET', '/api/shops/ops-other/transfers');
    expect(transfers.json().items).toEqual([]);
    const foreign = await other.client.request('GET', url('transfers'));
    expect(foreign.statusCode).toBe(404);
  });
});
