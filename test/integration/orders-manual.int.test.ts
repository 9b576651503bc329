import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/domains/shops/index.ts';
import {
  type Client,
  createTestApp,
  login,
  productPayload,
  seedShop,
  type TestApp,
} from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('orders: manual entry, lifecycle, inbox, roles', () => {
  let t: TestApp;
  let owner: Client;
  let facebook: string;
  let shopId: string;
  const slug = 'ord-man';
  const codOrder = (extra: Record<string, unknown> = {}) => ({
    channelAccountId: facebook,
    paymentMethod: 'cod',
    currency: 'PHP',
    buyer: { name: 'Maria Santos', phone: '0917 123 4567' },
    shipTo: { line1: '12 Rizal St', city: 'Quezon City', postcode: '1100', country: 'PH' },
    lines: [{ sku: 'BAG-BLK', quantity: 2, unitPriceMinor: 45000 }],
    shippingMinor: 8000,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await owner.request('POST', `/api/shops/${slug}/products`, productPayload('BAG-BLK'));
    facebook = (
      await owner.request('POST', `/api/shops/${slug}/channel-accounts`, {
        channel: 'facebook',
        name: 'FB group',
      })
    ).json().id;
  });
  afterAll(async () => t?.close());

  it('takes a cash-on-delivery order from a chat, ready to ship', async () => {
    const res = await owner.request('POST', `/api/shops/${slug}/orders`, codOrder());
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      status: 'ready_to_ship',
      paymentMethod: 'cod',
      currency: 'PHP',
      holds: [],
      channel: 'facebook',
    });
    expect(o.tags).toContain('cod');
    expect(o.buyer.phone).toBe('+639171234567');
    expect(o.amounts.totalMinor).toBe(98000);
    expect(o.externalId).toMatch(/^M-/);
    expect(o.lines[0].components).toEqual([expect.objectContaining({ sku: 'BAG-BLK', quantity: 1 })]);
    const dup = await owner.request(
      'POST',
      `/api/shops/${slug}/orders`,
      codOrder({ externalId: o.externalId }),
    );
    expect(dup.statusCode).toBe(409);
  });

  it('refuses a phone number that cannot be dialled, naming the field, and saves nothing', async () => {
    const before = (await owner.request('GET', `/api/shops/${slug}/orders`)).json().items.length;
    for (const phone of ['0917 CALL ME', '12', '0917 123 4567']) {
      const body = codOrder({ buyer: { name: 'Ana', phone }, shipTo: { line1: '1 A St', city: 'Manila' } });
      // The last one has no country to read a local number by.
      const res = await owner.request('POST', `/api/shops/${slug}/orders`, body);
      expect(res.statusCode, `${phone}: ${res.body}`).toBe(400);
      expect(res.json().error.issues).toEqual([
        expect.objectContaining({ field: 'buyer.phone', message: expect.stringContaining('country code') }),
      ]);
    }
    expect((await owner.request('GET', `/api/shops/${slug}/orders`)).json().items).toHaveLength(before);
  });

  it('renames a channel account and refuses a name already taken', async () => {
    const base = `/api/shops/${slug}/channel-accounts`;
    await owner.request('POST', base, { channel: 'whatsapp', name: 'WhatsApp' });
    const renamed = await owner.request('PATCH', `${base}/${facebook}`, { name: 'Facebook group 1' });
    expect(renamed.json()).toMatchObject({ name: 'Facebook group 1', channel: 'facebook' });
    expect((await owner.request('PATCH', `${base}/${facebook}`, {})).statusCode).toBe(200);
    expect((await owner.request('PATCH', `${base}/${facebook}`, { name: 'WhatsApp' })).statusCode).toBe(409);
    const list = (await owner.request('GET', base)).json();
    expect(list.items.map((a: { name: string }) => a.name)).toEqual(['Facebook group 1', 'WhatsApp']);
  });

  it('holds an order without an address and refuses illegal status moves', async () => {
    const res = await owner.request(
      'POST',
      `/api/shops/${slug}/orders`,
      codOrder({ shipTo: { country: 'PH' }, paymentMethod: 'bank transfer' }),
    );
    const o = res.json();
    expect(o.status).toBe('paid');
    expect(o.holds).toEqual(['incomplete_address']);
    const bad = await owner.request('POST', `/api/shops/${slug}/orders/${o.id}/status`, {
      status: 'delivered',
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toBe(
      'An order that is paid cannot become delivered. Possible next: ready to ship, partially shipped, shipped, cancelled, refunded.',
    );
    // A Chinese-speaking user reads the statuses in Chinese, not as codes.
    await owner.request('PATCH', '/api/auth/me', { locale: 'zh-CN' });
    const zh = await owner.request('POST', `/api/shops/${slug}/orders/${o.id}/status`, {
      status: 'delivered',
    });
    expect(zh.json().error.message).toBe(
      '状态为「已付款」的订单不能改为「已送达」。可以改为：待发货、部分发货、已发货、已取消、已退款。',
    );
    await owner.request('PATCH', '/api/auth/me', { locale: 'en' });
    const ok = await owner.request('POST', `/api/shops/${slug}/orders/${o.id}/status`, {
      status: 'shipped',
      trackingNumber: 'LP00123456789',
      carrier: 'J&T',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const back = await owner.request('POST', `/api/shops/${slug}/orders/${o.id}/status`, { status: 'paid' });
    expect(back.statusCode).toBe(409);
    const detail = (await owner.request('GET', `/api/shops/${slug}/orders/${o.id}`)).json();
    expect(detail).toMatchObject({ status: 'shipped', trackingNumber: 'LP00123456789' });
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed']);
  });

  it('runs bulk actions and pages the inbox by keyset', async () => {
    for (let i = 0; i < 5; i++)
      await owner.request(
        'POST',
        `/api/shops/${slug}/orders`,
        codOrder({ externalId: `FB-${i}`, purchasedAt: `2026-11-1${i}T10:00:00Z` }),
      );
    const page1 = (await owner.request('GET', `/api/shops/${slug}/orders?limit=3&channel=facebook`)).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (
      await owner.request(
        'GET',
        `/api/shops/${slug}/orders?limit=4&channel=facebook&cursor=${page1.nextCursor}`,
      )
    ).json();
    const seen = [...page1.items, ...page2.items].map((o: { id: string }) => o.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(7);
    expect(page2.nextCursor).toBeNull();
    const ids = [...page1.items, ...page2.items]
      .filter((o: { externalId: string }) => o.externalId.startsWith('FB-'))
      .map((o: { id: string }) => o.id);
    const bulk = await owner.request('POST', `/api/shops/${slug}/orders/bulk`, {
      action: 'addTags',
      ids,
      tags: ['vip'],
    });
    expect(bulk.json()).toMatchObject({ updated: 5 });
    const tagged = (await owner.request('GET', `/api/shops/${slug}/orders?q=FB-`)).json();
    expect(
      tagged.items.every((o: { tags: string[] }) => o.tags.includes('vip') && o.tags.includes('cod')),
    ).toBe(true);
    const status = await owner.request('POST', `/api/shops/${slug}/orders/bulk`, {
      action: 'status',
      ids,
      status: 'completed',
    });
    expect(status.json().updated).toBe(0);
    expect(status.json().skipped).toHaveLength(5);
    const shipped = await owner.request('POST', `/api/shops/${slug}/orders/bulk`, {
      action: 'status',
      ids,
      status: 'shipped',
    });
    expect(shipped.json().updated).toBe(5);
    const held = (await owner.request('GET', `/api/shops/${slug}/orders?hold=incomplete_address`)).json();
    expect(held.items).toHaveLength(0); // the held order was shipped above
    const inPh = (await owner.request('GET', `/api/shops/${slug}/orders?country=PH&status=shipped`)).json();
    expect(inPh.items).toHaveLength(6);
  });

  it('lets finance read and keeps warehouse and finance from creating orders', async () => {
    for (const role of ['warehouse', 'finance'] as const) {
      await addMember(t.deps.database.db, {
        shopId,
        email: `${role}@${slug}.test`,
        role,
        password: 'correct-horse-1',
      });
      const c = await login(t.app, `${role}@${slug}.test`, 'correct-horse-1');
      expect((await c.request('GET', `/api/shops/${slug}/orders`)).statusCode).toBe(200);
      expect((await c.request('POST', `/api/shops/${slug}/orders`, codOrder())).statusCode).toBe(403);
      expect(
        (
          await c.request('POST', `/api/shops/${slug}/sku-mappings`, {
            channelSku: 'X',
            components: [{ sku: 'BAG-BLK', quantity: 1 }],
          })
        ).statusCode,
      ).toBe(403);
    }
    const other = await seedShop(t, 'ord-other');
    expect((await other.client.request('GET', `/api/shops/${slug}/orders`)).statusCode).toBe(404);
  });
});
