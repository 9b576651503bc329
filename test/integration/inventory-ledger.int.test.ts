import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveStock } from '../../src/domains/inventory/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('stock ledger over HTTP', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedShop>>;
  let v: Record<string, string>;
  let factory: string;
  let fba: string;
  const url = (path: string) => `/api/shops/inv/${path}`;
  const level = async (sku: string, warehouseId: string) => {
    const res = await s.client.request('GET', url(`stock?sku=${sku}&warehouseId=${warehouseId}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    s = await seedShop(t, 'inv');
    v = await seedSkus(s.client, 'inv', ['CDL-1', 'CDL-2']);
    factory = await seedWarehouse(s.client, 'inv', 'FAC', { kind: 'factory' });
    fba = await seedWarehouse(s.client, 'inv', 'FBA-US', { kind: 'marketplace', country: 'US' });
  });
  afterAll(async () => t?.close());

  it('receives by SKU and by variant id, with a lot, and lists levels with product titles', async () => {
    const res = await s.client.request('POST', url('stock/receipts'), {
      warehouseId: factory,
      lines: [
        { sku: 'CDL-1', quantity: 40, lot: 'L-2026-11' },
        { variantId: v['CDL-2'], quantity: 10 },
      ],
      reference: 'PO-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const l = await level('CDL-1', factory);
    expect(l).toMatchObject({ onHand: 40, reserved: 0, inTransit: 0, available: 40, warehouseCode: 'FAC' });
    expect(l.productTitle).toContain('CDL-1');
    const moves = await s.client.request('GET', url('stock/movements?sku=CDL-1'));
    expect(moves.json().items[0]).toMatchObject({ kind: 'receipt', onHandDelta: 40, lot: 'L-2026-11' });
    expect(moves.json().items[0].receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('does not duplicate a retried receipt with the same idempotency key', async () => {
    const body = { warehouseId: factory, lines: [{ sku: 'CDL-2', quantity: 5 }], idempotencyKey: 'rcpt-77' };
    const first = await s.client.request('POST', url('stock/receipts'), body);
    const again = await s.client.request('POST', url('stock/receipts'), body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, movementIds: first.json().movementIds });
    expect((await level('CDL-2', factory)).onHand).toBe(15);
  });

  it('refuses an adjustment below what is reserved, saying how much can go', async () => {
    await withShop(t.deps.database.db, s.shop.id, (trx) =>
      reserveStock(trx, s.shop.id, systemActor, {
        refType: 'order',
        refId: 'A-1',
        lines: [{ variantId: v['CDL-1']!, quantity: 30 }],
      }),
    );
    const res = await s.client.request('POST', url('stock/adjustments'), {
      sku: 'CDL-1',
      warehouseId: factory,
      delta: -15,
      reason: 'damaged',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Cannot take 15 from SKU "CDL-1" in FAC: 40 on hand, 30 reserved for orders. At most 10 can be removed; release or ship the reservations first.',
    );
    expect(res.json().error.messageKey).toBe('stock.belowReserved');
    const ok = await s.client.request('POST', url('stock/adjustments'), {
      sku: 'CDL-1',
      warehouseId: factory,
      delta: -10,
      reason: 'damaged',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await level('CDL-1', factory)).toMatchObject({ onHand: 30, reserved: 30, available: 0 });
    const noReason = await s.client.request('POST', url('stock/adjustments'), {
      sku: 'CDL-1',
      warehouseId: factory,
      delta: 1,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
  });

  it('moves stock in transit to FBA and receives it short, recording the shortfall', async () => {
    const tr = await s.client.request('POST', url('transfers'), {
      fromWarehouseId: factory,
      toWarehouseId: fba,
      reference: 'FBA15XYZ',
      lines: [{ sku: 'CDL-2', quantity: 12 }],
      idempotencyKey: 'tr-1',
    });
    expect(tr.statusCode, tr.body).toBe(201);
    const retry = await s.client.request('POST', url('transfers'), {
      fromWarehouseId: factory,
      toWarehouseId: fba,
      lines: [{ sku: 'CDL-2', quantity: 12 }],
      idempotencyKey: 'tr-1',
    });
    expect(retry.json().id).toBe(tr.json().id);
    expect(await level('CDL-2', factory)).toMatchObject({ onHand: 3, inTransit: 0 });
    expect(await level('CDL-2', fba)).toMatchObject({ onHand: 0, inTransit: 12 });
    const tooMuch = await s.client.request('POST', url('transfers'), {
      fromWarehouseId: factory,
      toWarehouseId: fba,
      lines: [{ sku: 'CDL-2', quantity: 4 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.message).toContain('only 3 available');

    const id = tr.json().id;
    const got = await s.client.request('POST', url(`transfers/${id}/receive`), {
      lines: [{ variantId: v['CDL-2'], received: 11 }],
    });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({
      status: 'received',
      lines: [{ quantity: 12, received: 11, shortfall: 1 }],
    });
    expect(await level('CDL-2', fba)).toMatchObject({ onHand: 11, inTransit: 0 });
    const twice = await s.client.request('POST', url(`transfers/${id}/receive`), {});
    expect(twice.statusCode).toBe(409);
    const list = await s.client.request('GET', url('transfers?status=received'));
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  it('records a stocktake with a variance report and applies it as stocktake movements', async () => {
    const st = await s.client.request('POST', url('stocktakes'), {
      warehouseId: fba,
      counted: [{ sku: 'CDL-2', quantity: 9 }],
    });
    expect(st.statusCode, st.body).toBe(201);
    expect(st.json().variance).toEqual([
      { variantId: v['CDL-2'], sku: 'CDL-2', expected: 11, counted: 9, variance: -2 },
    ]);
    const applied = await s.client.request('POST', url(`stocktakes/${st.json().id}/apply`));
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().status).toBe('applied');
    expect((await level('CDL-2', fba)).onHand).toBe(9);
    const again = await s.client.request('POST', url(`stocktakes/${st.json().id}/apply`));
    expect(again.statusCode).toBe(409);
    const moves = await s.client.request('GET', url(`stock/movements?warehouseId=${fba}&limit=1`));
    expect(moves.json().items[0]).toMatchObject({ kind: 'stocktake', onHandDelta: -2 });
    expect(moves.json().nextCursor).toBeTruthy();
  });

  it('edits and lists warehouses, refusing a duplicate code', async () => {
    const dup = await s.client.request('POST', url('warehouses'), {
      code: 'FAC',
      name: 'again',
      kind: 'factory',
      country: 'CN',
    });
    expect(dup.statusCode).toBe(409);
    const patched = await s.client.request('PATCH', url(`warehouses/${fba}`), { priority: 5, active: false });
    expect(patched.json()).toMatchObject({ priority: 5, active: false });
    const list = await s.client.request('GET', url('warehouses?active=true'));
    expect(list.json().items.map((w: { code: string }) => w.code)).toEqual(['FAC']);
  });

  it('keeps the ledger append-only and the cache equal to its sums', async () => {
    const db = t.deps.database.db;
    await expect(
      withShop(db, s.shop.id, (trx) =>
        trx.deleteFrom('stock_movements').where('shop_id', '=', s.shop.id).execute(),
      ),
    ).rejects.toThrow(/append-only/);
    const [sums, levels] = await withShop(db, s.shop.id, async (trx) => [
      await trx
        .selectFrom('stock_movements')
        .select(['variant_id', 'warehouse_id'])
        .select((eb) => [
          eb.fn.sum<number>('on_hand_delta').as('on_hand'),
          eb.fn.sum<number>('reserved_delta').as('reserved'),
          eb.fn.sum<number>('in_transit_delta').as('in_transit'),
        ])
        .where('shop_id', '=', s.shop.id)
        .groupBy(['variant_id', 'warehouse_id'])
        .execute(),
      await trx.selectFrom('stock_levels').selectAll().where('shop_id', '=', s.shop.id).execute(),
    ]);
    for (const l of levels) {
      const sum = sums.find((x) => x.variant_id === l.variant_id && x.warehouse_id === l.warehouse_id)!;
      expect([Number(sum.on_hand), Number(sum.reserved), Number(sum.in_transit)]).toEqual([
        l.on_hand,
        l.reserved,
        l.in_transit,
      ]);
    }
  });
});
