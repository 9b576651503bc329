import type { ParcelDoc } from '../../src/domains/shipping/documents/model.ts';
import type { Client } from '../support/test-app.ts';

export const APP_KEY = 'a1b2c3d4-4px-app-key-0001';
export const APP_SECRET = 'f9e8d7c6-4px-app-secret-0001';

export async function createCarrierAccount(
  client: Client,
  slug: string,
  baseUrl: string,
  extra: Record<string, unknown> = {},
) {
  const res = await client.request('POST', `/api/shops/${slug}/carrier-accounts`, {
    carrier: '4px',
    name: '4PX sandbox',
    environment: 'sandbox',
    baseUrl,
    productCode: 'PX',
    credentials: { appKey: APP_KEY, appSecret: APP_SECRET },
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`account: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; credentials: Record<string, string> };
}

export const parcel = (
  over: Partial<ParcelDoc> = {},
  recipient: Partial<ParcelDoc['recipient']> = {},
): ParcelDoc => ({
  shipmentNumber: 'SH-000123',
  parcelNo: 1,
  parcelCount: 1,
  sender: {
    name: '王小明',
    company: '深圳市存口贸易有限公司',
    lines: ['宝安区福永街道 88 号'],
    city: 'Shenzhen',
    region: 'Guangdong',
    postcode: '518103',
    country: 'CN',
    phone: '+86 755 1234 5678',
  },
  recipient: {
    name: 'Jane Doe',
    lines: ['500 Market Street', 'Apt 4'],
    city: 'San Francisco',
    region: 'CA',
    postcode: '94105',
    country: 'US',
    phone: '+1 415 555 0100',
    email: 'jane@example.com',
    ...recipient,
  },
  service: { code: '4PX-PX', name: '4PX Priority', carrier: '4px' },
  weightG: 420,
  dimsMm: { l: 200, w: 150, h: 80 },
  items: [
    {
      sku: 'CANDLE-1',
      description: 'Scented candle',
      descriptionZh: '香薰蜡烛',
      hsCode: '3406.00',
      originCountry: 'CN',
      quantity: 2,
      unitWeightG: 200,
      unitValueMinor: 1299,
      currency: 'USD',
    },
  ],
  contents: 'merchandise',
  orderRefs: ['ORD-1'],
  createdAt: new Date('2026-11-20T08:00:00Z'),
  ...over,
});
