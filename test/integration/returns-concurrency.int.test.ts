import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/domains/shops/index.ts';
import { type Client, createTestApp, login, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { seedSkus, seedWarehouse } from './inventory-helpers.ts';
import { expectLedgerMatchesLevel, levelOf, lineId, shippedOrder } from './returns-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('returns under concurrency, and who may do what', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  const slug = 'ret-race';
  const S = `/api/shops/${slug}`;
  let account: string;
  let wh: string;

  const member = async (role: 'service' | 'warehouse' | 'finance', locale: 'en' | 'zh-CN' = 'en') => {
    const email = `${role}-${locale}@${slug}.test`;
    await addMember(t.deps.database.db, { shopId, email, role, password: 'correct-horse-1', locale });
    return login(t.app, email, 'correct-horse-1');
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await seedSkus(owner, slug, ['CUP-1']);
    wh = await seedWarehouse(owner, slug, 'FAC');
    await owner.request('POST', `${S}/stock/receipts`, {
      warehouseId: wh,
      lines: [{ sku: 'CUP-1', quantity: 50 }],
    });
    account = (
      await owner.request('POST', `${S}/channel-accounts`, { channel: 'whatsapp', name: 'WhatsApp' })
    ).json().id;
  });
  afterAll(async () => t?.close());

  it('two returns created at once never exceed what was ordered', async () => {
    const o = await shippedOrder(owner, slug, account, 'RACE-1', [
      { sku: 'CUP-1', quantity: 3, unitPriceMinor: 100 },
    ]);
    const body = { reason: 'wrong_item', lines: [{ orderLineId: lineId(o, 'CUP-1'), quantity: 2 }] };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => owner.request('POST', `${S}/orders/${o.id}/returns`, body)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const listed = (await owner.request('GET', `${S}/returns?orderId=${o.id}`)).json().items;
    expect(listed.reduce((n: number, r: { units: number }) => n + r.units, 0)).toBe(2);
  });

  it('hands out unique, sequential RMA numbers under concurrent requests', async () => {
    const o = await shippedOrder(owner, slug, account, 'RACE-2', [
      { sku: 'CUP-1', quantity: 6, unitPriceMinor: 100 },
    ]);
    const body = { reason: 'defective', lines: [{ orderLineId: lineId(o, 'CUP-1'), quantity: 1 }] };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => owner.request('POST', `${S}/orders/${o.id}/returns`, body)),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok).toHaveLength(6);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(2);
    const numbers = ok.map((r) => r.json().number as string).sort();
    // RMA-000001 went to the first test; numbers are gap-free because refused requests roll back.
    expect(numbers).toEqual([
      'RMA-000002',
      'RMA-000003',
      'RMA-000004',
      'RMA-000005',
      'RMA-000006',
      'RMA-000007',
    ]);
  });

  it('a receipt retried concurrently with the same key is posted once', async () => {
    const o = await shippedOrder(owner, slug, account, 'RACE-3', [
      { sku: 'CUP-1', quantity: 5, unitPriceMinor: 100 },
    ]);
    const rma = (
      await owner.request('POST', `${S}/orders/${o.id}/returns`, {
        reason: 'defective',
        lines: [{ orderLineId: lineId(o, 'CUP-1'), quantity: 5 }],
      })
    ).json();
    const before = await levelOf(owner, slug, 'CUP-1', wh);
    const body = {
      idempotencyKey: 'parcel-7',
      lines: [{ lineId: rma.lines[0].id, quantity: 2, warehouseId: wh, disposition: 'sellable' }],
    };
    const results = await Promise.all(
      Array.from({ length: 3 }, () => owner.request('POST', `${S}/returns/${rma.id}/receipts`, body)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await levelOf(owner, slug, 'CUP-1', wh)).toEqual({ onHand: before.onHand + 2, reserved: 0 });
    const detail = (await owner.request('GET', `${S}/returns/${rma.id}`)).json();
    expect(detail).toMatchObject({ status: 'partially_received', lines: [{ quantity: 5, received: 2 }] });
    expect(detail.receipts).toHaveLength(1);
    await expectLedgerMatchesLevel(owner, slug, 'CUP-1', wh);
  });

  it('service opens returns, the warehouse receives them, finance only reads', async () => {
    const service = await member('service');
    const warehouse = await member('warehouse');
    const finance = await member('finance');
    const o = await shippedOrder(owner, slug, account, 'ROLE-1', [
      { sku: 'CUP-1', quantity: 2, unitPriceMinor: 100 },
    ]);
    const body = { reason: 'not_as_described', lines: [{ orderLineId: lineId(o, 'CUP-1'), quantity: 1 }] };

    expect((await warehouse.request('POST', `${S}/orders/${o.id}/returns`, body)).statusCode).toBe(403);
    expect((await finance.request('POST', `${S}/orders/${o.id}/returns`, body)).statusCode).toBe(403);
    const created = await service.request('POST', `${S}/orders/${o.id}/returns`, body);
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json();

    const receipt = {
      lines: [{ lineId: rma.lines[0].id, quantity: 1, warehouseId: wh, disposition: 'quarantine' }],
    };
    expect((await service.request('POST', `${S}/returns/${rma.id}/receipts`, receipt)).statusCode).toBe(403);
    expect((await finance.request('POST', `${S}/returns/${rma.id}/receipts`, receipt)).statusCode).toBe(403);
    const received = await warehouse.request('POST', `${S}/returns/${rma.id}/receipts`, receipt);
    expect(received.statusCode, received.body).toBe(201);
    const holdId = received.json().return.holds[0].id;
    const release = { holdId, to: 'sellable' };
    expect(
      (await service.request('POST', `${S}/returns/${rma.id}/quarantine-release`, release)).statusCode,
    ).toBe(403);
    expect(
      (await warehouse.request('POST', `${S}/returns/${rma.id}/quarantine-release`, release)).statusCode,
    ).toBe(200);

    expect(
      (await finance.request('POST', `${S}/returns/${rma.id}/refund`, { amountMinor: 100 })).statusCode,
    ).toBe(403);
    expect((await finance.request('POST', `${S}/returns/${rma.id}/cancel`, {})).statusCode).toBe(403);
    expect((await finance.request('GET', `${S}/returns`)).statusCode).toBe(200);
    expect((await finance.request('GET', `${S}/returns/${rma.id}`)).statusCode).toBe(200);
    const refund = await service.request('POST', `${S}/returns/${rma.id}/refund`, { amountMinor: 100 });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json()).toMatchObject({ status: 'closed', order: { status: 'refunded' } });
  });

  it('explains refusals in the reader’s language', async () => {
    const service = await member('service', 'zh-CN');
    const paid = (
      await owner.request('POST', `${S}/orders`, {
        channelAccountId: account,
        externalId: 'ZH-1',
        status: 'delivered',
        currency: 'USD',
        lines: [{ sku: 'CUP-1', quantity: 1, unitPriceMinor: 100 }],
      })
    ).json();
    const res = await service.request('POST', `${S}/orders/${paid.id}/returns`, {
      reason: 'other',
      lines: [{ orderLineId: paid.lines[0].id, quantity: 2 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.issues[0].message).toBe(
      'CUP-1：要退 2 件，但最多还能退 1 件（订购 1 件，其他退货单已占 0 件）',
    );
  });

  it('keeps other shops out', async () => {
    const other = (await seedShop(t, 'ret-other')).client;
    const mine = (await owner.request('GET', `${S}/returns`)).json().items[0];
    expect((await other.request('GET', `/api/shops/ret-other/returns/${mine.id}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/shops/ret-other/returns`)).json().items).toEqual([]);
    // Shop B's own slug with shop A's ids: nothing is found, nothing of A changes.
    const detailBefore = (await owner.request('GET', `${S}/returns/${mine.id}`)).body;
    const B = '/api/shops/ret-other';
    const uuid = '00000000-0000-4000-8000-000000000001';
    for (const [url, body] of [
      [
        `${B}/orders/${mine.orderId}/returns`,
        { reason: 'other', lines: [{ orderLineId: uuid, quantity: 1 }] },
      ],
      [
        `${B}/returns/${mine.id}/receipts`,
        { lines: [{ lineId: uuid, quantity: 1, warehouseId: uuid, disposition: 'sellable' }] },
      ],
      [`${B}/returns/${mine.id}/refund`, { amountMinor: 1 }],
      [`${B}/returns/${mine.id}/cancel`, {}],
      [`${B}/returns/${mine.id}/quarantine-release`, { holdId: uuid, to: 'writeoff' }],
    ] as const) {
      const res = await other.request('POST', url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
    }
    expect((await owner.request('GET', `${S}/returns/${mine.id}`)).body).toBe(detailBefore);
    // Not a member: the shop is not even confirmed to exist.
    expect((await other.request('GET', `${S}/returns`)).statusCode).toBe(404);
    expect((await other.request('GET', `${S}/returns/${mine.id}`)).statusCode).toBe(404);
  });
});
