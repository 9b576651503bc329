import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrders } from '../../src/domains/orders/index.ts';
import { systemActor } from '../../src/domains/shops/index.ts';
import { amazonAllOrdersHeaders, amazonLine, importFile, tsv } from '../fixtures/orders/files.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

/** Two import defects: orders whose rows are far apart, and a released address hold coming back. */
describe.skipIf(skip)('orders: scattered rows and released holds on re-import', () => {
  let t: TestApp;
  let client: Client;
  let amazon: string;
  let shopId: string;
  const slug = 'ord-regroup';
  const get = async (path: string) => (await client.request('GET', `/api/shops/${slug}${path}`)).json();
  const find = async (externalId: string) => {
    const list = await get(`/orders?q=${externalId}`);
    expect(list.items).toHaveLength(1);
    return get(`/orders/${list.items[0].id}`);
  };
  const linesOf = async (externalId: string) =>
    (await find(externalId)).lines
      .map((l: { channelSku: string; quantity: number }) => `${l.channelSku}×${l.quantity}`)
      .sort();
  const importPath = async (name: string, body: string, batchRows?: number) => {
    const path = join(t.dataDir, name);
    await writeFile(path, body);
    return importOrders(t.deps.database.db, {
      shopId,
      actor: systemActor,
      channelAccountId: amazon,
      file: { path, fileName: name },
      format: 'amazon',
      ...(batchRows ? { batchRows } : {}),
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedShop(t, slug);
    client = seeded.client;
    shopId = seeded.shop.id;
    for (const sku of ['MUG-RED', 'MUG-BLUE', 'MUG-GREEN'])
      expect(
        (await client.request('POST', `/api/shops/${slug}/products`, productPayload(sku))).statusCode,
      ).toBe(201);
    const res = await client.request('POST', `/api/shops/${slug}/channel-accounts`, {
      channel: 'amazon',
      name: 'Amazon US',
      marketplace: 'ATVPDKIKX0DER',
    });
    expect(res.statusCode).toBe(201);
    amazon = res.json().id;
  });
  afterAll(async () => t?.close());

  const filler = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      amazonLine({ 'amazon-order-id': `${prefix}-${String(i).padStart(7, '0')}`, sku: 'MUG-RED' }),
    );

  it('makes one order of rows far apart in one batch, and again unchanged on re-import', async () => {
    const body = tsv(amazonAllOrdersHeaders, [
      amazonLine({
        'amazon-order-id': '601-0000001-0000001',
        sku: 'MUG-RED',
        quantity: '2',
        'item-price': '25.98',
      }),
      ...filler('602', 30),
      amazonLine({ 'amazon-order-id': '601-0000001-0000001', sku: 'MUG-BLUE', 'item-price': '12.99' }),
      ...filler('603', 5),
      amazonLine({ 'amazon-order-id': '601-0000001-0000001', sku: 'MUG-RED', 'item-price': '12.99' }),
    ]);
    const res = await importFile(client, slug, { channelAccountId: amazon, format: 'amazon' }, 'a.txt', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 36, updated: 0, unchanged: 0, failed: 0, errors: [] });
    const o = await find('601-0000001-0000001');
    expect(await linesOf('601-0000001-0000001')).toEqual(['MUG-BLUE×1', 'MUG-RED×1', 'MUG-RED×2']);
    expect(o.amounts.itemTotalMinor).toBe(2598 + 1299 + 1299);
    const again = await importFile(
      client,
      slug,
      { channelAccountId: amazon, format: 'amazon' },
      'a.txt',
      body,
    );
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 36, failed: 0, errors: [] });
    expect(await linesOf('601-0000001-0000001')).toEqual(['MUG-BLUE×1', 'MUG-RED×1', 'MUG-RED×2']);
    expect((await find('601-0000001-0000001')).timeline).toHaveLength(o.timeline.length);
  });

  it('makes one order of rows in different batches, also when re-imported in other batch sizes', async () => {
    const body = tsv(amazonAllOrdersHeaders, [
      amazonLine({ 'amazon-order-id': '611-0000001-0000001', sku: 'MUG-RED' }),
      ...filler('612', 25),
      amazonLine({
        'amazon-order-id': '611-0000001-0000001',
        sku: 'MUG-GREEN',
        quantity: '3',
        'item-price': '30.00',
      }),
      ...filler('613', 25),
    ]);
    const first = await importPath('b.txt', body, 4);
    expect(first).toEqual({ created: 51, updated: 0, unchanged: 0, failed: 0, errors: [] });
    expect(await linesOf('611-0000001-0000001')).toEqual(['MUG-GREEN×3', 'MUG-RED×1']);
    const o = await find('611-0000001-0000001');
    expect(o.lines).toHaveLength(2);
    // Re-imported with other batch sizes: the same orders, nothing duplicated, nothing changed.
    for (const rows of [3, 7, 5000])
      expect(await importPath('b.txt', body, rows)).toEqual({
        created: 0,
        updated: 0,
        unchanged: 51,
        failed: 0,
        errors: [],
      });
    expect(await linesOf('611-0000001-0000001')).toEqual(['MUG-GREEN×3', 'MUG-RED×1']);
    // A newer file changes the scattered order once: one update, its lines updated in place.
    const newer = body.replace(/\t30\.00\t/, '\t33.00\t');
    expect(await importPath('c.txt', newer, 4)).toMatchObject({ created: 0, updated: 1, unchanged: 50 });
    const after = await find('611-0000001-0000001');
    expect(after.lines).toHaveLength(2);
    expect(after.lines.map((l: { id: string }) => l.id).sort()).toEqual(
      o.lines.map((l: { id: string }) => l.id).sort(),
    );
  });

  it('keeps a released incomplete_address hold released on re-import unless the address changes', async () => {
    const line = (over: Record<string, string>) =>
      amazonLine({
        'amazon-order-id': '621-0000001-0000001',
        sku: 'MUG-RED',
        'order-status': 'Pending',
        'item-status': 'Pending',
        'last-updated-date': '2026-11-21T10:00:00+00:00',
        ...over,
      });
    expect(await importPath('d.txt', tsv(amazonAllOrdersHeaders, [line({})]))).toMatchObject({ created: 1 });
    const o = await find('621-0000001-0000001');
    expect(o.holds).toContain('incomplete_address');
    // The seller confirmed the address with the buyer and releases the hold by hand.
    const release = await client.request('POST', `/api/shops/${slug}/orders/bulk`, {
      action: 'releaseHold',
      ids: [o.id],
      hold: 'incomplete_address',
    });
    expect(release.statusCode, release.body).toBe(200);
    expect((await find('621-0000001-0000001')).holds).not.toContain('incomplete_address');
    // A newer file (now paid) with the same address: updated, but the release stands.
    const paid = {
      'order-status': 'Unshipped',
      'item-status': 'Unshipped',
      'last-updated-date': '2026-11-22T10:00:00+00:00',
    };
    expect(await importPath('e.txt', tsv(amazonAllOrdersHeaders, [line(paid)]))).toMatchObject({
      updated: 1,
    });
    const kept = await find('621-0000001-0000001');
    expect(kept.status).toBe('paid');
    expect(kept.holds).not.toContain('incomplete_address');
    // The same file again: unchanged.
    expect(await importPath('e.txt', tsv(amazonAllOrdersHeaders, [line(paid)]))).toMatchObject({
      unchanged: 1,
    });
    // The address changes (another city) and is still incomplete: held again.
    const moved = {
      ...paid,
      'ship-city': 'PORTLAND',
      'ship-state': 'OR',
      'last-updated-date': '2026-11-23T10:00:00+00:00',
    };
    expect(await importPath('f.txt', tsv(amazonAllOrdersHeaders, [line(moved)]))).toMatchObject({
      updated: 1,
    });
    expect((await find('621-0000001-0000001')).holds).toContain('incomplete_address');
  });
});
