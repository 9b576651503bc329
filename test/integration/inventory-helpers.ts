import { expect } from 'vitest';
import { type Client, productPayload } from '../support/test-app.ts';

/** A product with one variant per SKU; returns the variant ids by SKU. */
export async function seedSkus(client: Client, slug: string, skus: string[]) {
  const res = await client.request(
    'POST',
    `/api/shops/${slug}/products`,
    productPayload(skus[0]!, {
      options: [{ name: 'Code', values: skus }],
      variants: skus.map((sku) => ({ sku, optionValues: { Code: sku } })),
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return Object.fromEntries(
    res.json().variants.map((v: { sku: string; id: string }) => [v.sku, v.id]),
  ) as Record<string, string>;
}

export async function seedWarehouse(
  client: Client,
  slug: string,
  code: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await client.request('POST', `/api/shops/${slug}/warehouses`, {
    code,
    name: `Warehouse ${code}`,
    kind: 'domestic_3pl',
    country: 'CN',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
