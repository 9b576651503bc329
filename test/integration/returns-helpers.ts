import { expect } from 'vitest';
import type { Client } from '../support/test-app.ts';

/** On hand / reserved of one SKU in one warehouse, from the stock API (the cached levels). */
export async function levelOf(client: Client, slug: string, sku: string, warehouseId: string) {
  const res = await client.request(
    'GET',
    `/api/shops/${slug}/stock?sku=${encodeURIComponent(sku)}&limit=200`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const row = (res.json().items as { warehouseId: string; onHand: number; reserved: number }[]).find(
    (r) => r.warehouseId === warehouseId,
  );
  return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0 };
}

export interface Movement {
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  warehouseId: string;
  refType: string | null;
  refId: string | null;
  reason: string | null;
}

/** Every ledger row of one SKU (all pages). */
export async function movementsOf(client: Client, slug: string, sku: string): Promise<Movement[]> {
  const out: Movement[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.request(
      'GET',
      `/api/shops/${slug}/stock/movements?sku=${encodeURIComponent(sku)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

/** The ledger summed per warehouse equals the cached level: stock is never edited outside it. */
export async function expectLedgerMatchesLevel(
  client: Client,
  slug: string,
  sku: string,
  warehouseId: string,
) {
  const rows = (await movementsOf(client, slug, sku)).filter((m) => m.warehouseId === warehouseId);
  const sum = rows.reduce(
    (s, m) => ({ onHand: s.onHand + m.onHandDelta, reserved: s.reserved + m.reservedDelta }),
    { onHand: 0, reserved: 0 },
  );
  expect(sum).toEqual(await levelOf(client, slug, sku, warehouseId));
}

/** A paid order for these lines, then shipped (its reservation becomes a shipment). */
export async function shippedOrder(
  client: Client,
  slug: string,
  accountId: string,
  externalId: string,
  lines: { sku: string; quantity: number; unitPriceMinor: number }[],
) {
  const created = await client.request('POST', `/api/shops/${slug}/orders`, {
    channelAccountId: accountId,
    externalId,
    status: 'paid',
    currency: 'USD',
    buyer: { name: 'Ann Lee' },
    shipTo: { line1: '1 Main St', city: 'Austin', state: 'TX', postcode: '73301', country: 'US' },
    lines,
  });
  expect(created.statusCode, created.body).toBe(201);
  const order = created.json();
  const shipped = await client.request('POST', `/api/shops/${slug}/orders/${order.id}/status`, {
    status: 'shipped',
  });
  expect(shipped.statusCode, shipped.body).toBe(200);
  return order as { id: string; lines: { id: string; channelSku: string; quantity: number }[] };
}

export const lineId = (order: { lines: { id: string; channelSku: string }[] }, sku: string) =>
  order.lines.find((l) => l.channelSku === sku)!.id;
