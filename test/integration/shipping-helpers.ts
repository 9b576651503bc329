import { expect } from 'vitest';
import { newId } from '../../src/kernel/ids.ts';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type Client, productPayload, type TestApp } from '../support/test-app.ts';

/** Products with weights, dimensions and trade data (declared names, HS code, origin). */
export async function seedTradeSkus(client: Client, slug: string, skus: string[]) {
  const res = await client.request(
    'POST',
    `/api/shops/${slug}/products`,
    productPayload(skus[0]!, {
      options: [{ name: 'Code', values: skus }],
      variants: skus.map((sku, i) => ({
        sku,
        optionValues: { Code: sku },
        weightG: 200 + i * 100,
        lengthMm: 120,
        widthMm: 80,
        heightMm: 60,
        hsCode: '3406.00',
        declaredNameEn: `Scented candle ${sku}`,
        declaredNameZh: `香薰蜡烛 ${sku}`,
        originCountry: 'CN',
      })),
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
}

/** A logistics service row (H1 owns the API; the shipment only needs the row to exist). */
export async function seedService(
  t: TestApp,
  shopId: string,
  code: string,
  carrier: string,
  carrierAccountId: string | null = null,
) {
  const id = newId();
  await withShop(t.deps.database.db, shopId, (trx) =>
    trx
      .insertInto('logistics_services')
      .values({
        shop_id: shopId,
        id,
        code,
        name: `${code} service`,
        carrier,
        mode: 'postal',
        carrier_account_id: carrierAccountId,
        promised_days: 12,
      } as never)
      .execute(),
  );
  return id;
}

export const address = (name = 'Anna Schmidt', extra: Record<string, string> = {}) => ({
  name,
  line1: 'Hauptstraße 5',
  city: 'Berlin',
  postcode: '10115',
  country: 'DE',
  ...extra,
});

export async function paidOrder(
  client: Client,
  slug: string,
  account: string,
  externalId: string,
  lines: { sku: string; quantity: number; unitPriceMinor: number }[],
  shipTo = address(),
) {
  const res = await client.request('POST', `/api/shops/${slug}/orders`, {
    channelAccountId: account,
    externalId,
    status: 'paid',
    currency: 'EUR',
    shipTo,
    lines,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    status: string;
    holds: string[];
    lines: { id: string; channelSku: string; quantity: number }[];
  };
}

export const senderBody = {
  name: 'Li Wei',
  nameZh: '李伟',
  company: 'Yiwu Candle Co.',
  companyZh: '义乌蜡烛有限公司',
  line1: 'No. 8 Futian Road',
  addressZh: '浙江省义乌市福田路8号',
  city: 'Yiwu',
  region: 'Zhejiang',
  postcode: '322000',
  country: 'CN',
  phone: '+8657912345678',
};
