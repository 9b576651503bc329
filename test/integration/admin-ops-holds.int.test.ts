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

/** POST /orders/holds: the inbox's bulk "put on hold", lifted again by the bulk releaseHold. */
describe.skipIf(skip)('orders: bulk holds from the inbox', () => {
  let t: TestApp;
  let owner: Client;
  let shopId: string;
  let ids: string[];
  const slug = 'ops-holds';
  const url = (path: string) => `/api/shops/${slug}/${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    owner = seeded.client;
    shopId = seeded.shop.id;
    await owner.request('POST', url('products'), productPayload('HOLD-1'));
    const account = (
      await owner.request('POST', url('channel-accounts'), { channel: 'whatsapp', name: 'WA' })
    ).json().id;
    ids = [];
    for (const n of [1, 2]) {
      const res = await owner.request('POST', url('orders'), {
        channelAccountId: account,
        externalId: `WA-${n}`,
        currency: 'USD',
        buyer: { name: 'Ana Lima' },
        shipTo: { line1: 'Rua A 1', city: 'São Paulo', postcode: '01000-000', country: 'BR' },
        lines: [{ sku: 'HOLD-1', quantity: 1, unitPriceMinor: 1000 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('puts orders on a compliance hold, with a timeline event, and says which already had it', async () => {
    const first = await owner.request('POST', url('orders/holds'), { ids: [ids[0]], hold: 'compliance' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ updated: 1, skipped: [], notFound: 0 });
    const both = await owner.request('POST', url('orders/holds'), { ids, hold: 'compliance' });
    expect(both.json()).toMatchObject({ updated: 1, skipped: [{ id: ids[0] }], notFound: 0 });
    const held = (await owner.request('GET', url('orders?hold=compliance'))).json();
    expect(held.items.map((o: { id: string }) => o.id).sort()).toEqual([...ids].sort());
    const detail = (await owner.request('GET', url(`orders/${ids[0]}`))).json();
    expect(detail.holds.filter((h: string) => h === 'compliance')).toHaveLength(1);
    expect(detail.timeline.some((e: { type: string }) => e.type === 'hold_added')).toBe(true);

    const released = await owner.request('POST', url('orders/bulk'), {
      action: 'releaseHold',
      ids,
      hold: 'compliance',
    });
    expect(released.json().updated).toBe(2);
    expect((await owner.request('GET', url('orders?hold=compliance'))).json().items).toEqual([]);
  });

  it('refuses holds the system owns, and needs orders:write', async () => {
    const system = await owner.request('POST', url('orders/holds'), { ids, hold: 'unmapped_sku' });
    expect(system.statusCode).toBe(400);
    await addMember(t.deps.database.db, {
      shopId,
      email: `finance@${slug}.test`,
      role: 'finance',
      password: 'correct-horse-1',
    });
    const finance = await login(t.app, `finance@${slug}.test`, 'correct-horse-1');
    const res = await finance.request('POST', url('orders/holds'), { ids, hold: 'manual' });
    expect(res.statusCode).toBe(403);
  });

  it('only counts ids of another shop, never touches or echoes them', async () => {
    const other = await seedShop(t, 'ops-holds-other');
    const res = await other.client.request('POST', '/api/shops/ops-holds-other/orders/holds', {
      ids,
      hold: 'manual',
    });
    expect(res.json()).toEqual({ updated: 0, skipped: [], notFound: 2 });
    const detail = (await owner.request('GET', url(`orders/${ids[1]}`))).json();
    expect(detail.holds).not.toContain('manual');
  });
});
