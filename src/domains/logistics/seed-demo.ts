import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { pushTo } from './rating/push-to.ts';
import { type Bracket, type CardData, type CardSettings, defaultSettings } from './rating/types.ts';
import type { ServiceMode } from './tables.ts';

const perKg = (
  fromG: number,
  toG: number | null,
  perKgMinor: number,
  registrationMinor: number,
): Bracket => ({
  fromG,
  toG,
  pricing: { kind: 'per_kg', perKgMinor, registrationMinor },
});
const flat = (fromG: number, toG: number, amountMinor: number): Bracket => ({
  fromG,
  toG,
  pricing: { kind: 'flat', amountMinor },
});
const lanes = (
  zones: Record<string, { countries: string[]; transit: [number, number]; brackets: Bracket[] }>,
): CardData => {
  const data: CardData = { countries: {}, zones: {}, remote: {} };
  for (const [zone, z] of Object.entries(zones)) {
    data.zones[zone] = { transit: { min: z.transit[0], max: z.transit[1] }, brackets: z.brackets };
    for (const c of z.countries) pushTo(data.countries, c, { zone, postcodes: null });
  }
  return data;
};

const demo: {
  code: string;
  name: string;
  carrier: string;
  mode: ServiceMode;
  promisedDays: number;
  settings: Partial<CardSettings>;
  data: CardData;
}[] = [
  {
    code: 'YT-STD',
    name: '云途全球专线挂号 YunExpress Global Direct',
    carrier: 'yunexpress',
    mode: 'postal',
    promisedDays: 14,
    settings: {
      volumetricDivisor: 8000,
      volumetricSharePct: 50,
      maxWeightG: 30000,
      maxLongestSideMm: 1200,
      remoteArea: { perKgMinor: 800, minimumMinor: 3000 },
    },
    data: {
      ...lanes({
        US: {
          countries: ['US'],
          transit: [7, 12],
          brackets: [perKg(0, 500, 9000, 1900), perKg(501, 30000, 8500, 1600)],
        },
        EU: {
          countries: ['DE', 'FR', 'ES', 'IT', 'NL'],
          transit: [7, 12],
          brackets: [perKg(0, 30000, 6000, 1500)],
        },
        GB: { countries: ['GB'], transit: [6, 10], brackets: [perKg(0, 30000, 5000, 1700)] },
      }),
      remote: { US: [{ prefix: '995' }, { prefix: '996' }, { from: '96700', to: '96899' }] },
    },
  },
  {
    code: 'EPACKET',
    name: '中国邮政 e邮宝 China Post ePacket',
    carrier: 'chinapost',
    mode: 'postal',
    promisedDays: 20,
    settings: {
      maxWeightG: 2000,
      maxLongestSideMm: 600,
      maxSumOfSidesMm: 900,
      battery: { accepted: false, perParcelMinor: 0, perKgMinor: 0 },
    },
    data: lanes({
      US: { countries: ['US'], transit: [10, 20], brackets: [perKg(0, 2000, 11000, 1200)] },
      EU: {
        countries: ['DE', 'FR', 'GB', 'ES', 'IT'],
        transit: [8, 15],
        brackets: [perKg(0, 2000, 7500, 1000)],
      },
    }),
  },
  {
    code: 'DHL-EXP',
    name: 'DHL Express Worldwide',
    carrier: 'dhl',
    mode: 'express',
    promisedDays: 5,
    settings: {
      volumetricDivisor: 5000,
      roundingG: 500,
      fuelBp: 2250,
      maxWeightG: 70000,
      maxLongestSideMm: 1200,
      battery: { accepted: true, perParcelMinor: 4000, perKgMinor: 0 },
    },
    data: lanes({
      '5': {
        countries: ['US', 'CA'],
        transit: [3, 5],
        brackets: [
          flat(0, 500, 26000),
          flat(501, 1000, 32000),
          flat(1001, 2000, 44000),
          perKg(2001, 70000, 15000, 0),
        ],
      },
      '6': {
        countries: ['DE', 'FR', 'GB', 'ES', 'IT', 'NL'],
        transit: [3, 5],
        brackets: [
          flat(0, 500, 28000),
          flat(501, 1000, 34500),
          flat(1001, 2000, 47500),
          perKg(2001, 70000, 16000, 0),
        ],
      },
    }),
  },
  {
    code: 'RAIL-EU',
    name: '中欧班列小包 China–Europe Railway',
    carrier: 'railway',
    mode: 'rail',
    promisedDays: 25,
    settings: {
      volumetricDivisor: 6000,
      roundingG: 1000,
      minimumMinor: 30000,
      maxWeightG: 500000,
      battery: { accepted: false, perParcelMinor: 0, perKgMinor: 0 },
    },
    data: lanes({
      EU: {
        countries: ['DE', 'PL', 'FR', 'NL'],
        transit: [18, 25],
        brackets: [perKg(0, 500000, 2600, 5000)],
      },
    }),
  },
];

/** Demo services with one card each, valid from 2026-01-01 (the lead wires this into the demo shop). */
export async function seedDemoLogistics(trx: Tx, shopId: string): Promise<{ services: number }> {
  for (const s of demo) {
    const id = newId();
    await trx
      .insertInto('logistics_services')
      .values({
        shop_id: shopId,
        id,
        code: s.code,
        name: s.name,
        carrier: s.carrier,
        mode: s.mode,
        carrier_account_id: null,
        promised_days: s.promisedDays,
        notes: null,
      })
      .execute();
    await trx
      .insertInto('logistics_rate_cards')
      .values({
        shop_id: shopId,
        id: newId(),
        service_id: id,
        version: 1,
        valid_from: new Date('2026-01-01T00:00:00+08:00'),
        valid_to: null,
        currency: 'CNY',
        source_file: 'demo',
        source_sheets: 'demo',
        source_note: 'Cunkou demo prices (not real quotes)',
        file_sha256: `demo-${s.code}`,
        imported_by: null,
        settings: JSON.stringify({ ...defaultSettings(), ...s.settings }),
        data: JSON.stringify(s.data),
      })
      .execute();
  }
  return { services: demo.length };
}
