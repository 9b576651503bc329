import { describe, expect, it } from 'vitest';
import { compileCard } from './compile.ts';
import { roundDiv } from './money.ts';
import { rateParcel } from './rate-parcel.ts';
import { shopRates } from './shop-rates.ts';
import { type CardData, type CardSettings, defaultSettings, type ParcelQuery } from './types.ts';

const service = { id: 's1', code: 'YT-US', name: 'YunExpress US', carrier: 'yunexpress', mode: 'postal' };
const data: CardData = {
  countries: {
    US: [{ zone: 'US', postcodes: null }],
    FR: [
      { zone: 'FR-PARIS', postcodes: [{ prefix: '75' }] },
      { zone: 'FR', postcodes: null },
    ],
    DE: [{ zone: 'DE', postcodes: [{ from: '10000', to: '19999' }] }],
  },
  zones: {
    US: {
      transit: { min: 7, max: 12 },
      brackets: [
        { fromG: 0, toG: 500, pricing: { kind: 'per_kg', perKgMinor: 8000, registrationMinor: 1800 } },
        { fromG: 501, toG: 30000, pricing: { kind: 'per_kg', perKgMinor: 7000, registrationMinor: 1500 } },
      ],
    },
    FR: {
      transit: { min: 8, max: 15 },
      brackets: [
        {
          fromG: 0,
          toG: 20000,
          pricing: {
            kind: 'first_continued',
            firstG: 500,
            firstMinor: 9000,
            stepG: 500,
            stepMinor: 2500,
            registrationMinor: 0,
          },
        },
      ],
    },
    'FR-PARIS': {
      transit: { min: 5, max: 8 },
      brackets: [{ fromG: 0, toG: null, pricing: { kind: 'flat', amountMinor: 5000 } }],
    },
    DE: { transit: null, brackets: [{ fromG: 0, toG: 2000, pricing: { kind: 'flat', amountMinor: 3000 } }] },
  },
  remote: { US: [{ prefix: '996' }, { from: '96700', to: '96899' }] },
};
const card = (s: Partial<CardSettings> = {}) =>
  compileCard({
    id: 'c1',
    version: 1,
    currency: 'CNY',
    validFrom: new Date('2026-01-01'),
    validTo: null,
    settings: { ...defaultSettings(), ...s },
    data,
  });
const rate = (p: Partial<ParcelQuery>, s: Partial<CardSettings> = {}) =>
  rateParcel(service, card(s), { destinationCountry: 'US', weightG: 400, ...p });
const total = (p: Partial<ParcelQuery>, s: Partial<CardSettings> = {}) => {
  const r = rate(p, s);
  if (!r.ok) throw new Error(JSON.stringify(r.reasons));
  return r.option;
};
const reasons = (p: Partial<ParcelQuery>, s: Partial<CardSettings> = {}) => {
  const r = rate(p, s);
  return r.ok ? [] : r.reasons.map((x) => x.code);
};

describe('round half up', () => {
  it.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [25, 10, 3],
    [0, 7, 0],
  ])('%i / %i = %i', (a, b, q) => expect(roundDiv(a, b)).toBe(q));
});

describe('rateParcel', () => {
  it.each([
    // [case, parcel, settings, total, chargeable]
    ['per kg + registration', { weightG: 400 }, {}, 3200 + 1800, 400],
    ['second bracket', { weightG: 1234 }, {}, 8638 + 1500, 1234],
    ['rounded up to 100 g', { weightG: 1201 }, { roundingG: 100 }, 9100 + 1500, 1300],
    [
      'volumetric 6000 wins',
      { weightG: 400, dimsMm: { l: 300, w: 200, h: 200 } },
      { volumetricDivisor: 6000 },
      14000 + 1500,
      2000,
    ],
    [
      '计泡50%: actual + half the excess',
      { weightG: 400, dimsMm: { l: 300, w: 200, h: 200 } },
      { volumetricDivisor: 6000, volumetricSharePct: 50 },
      8400 + 1500,
      1200,
    ],
    ['minimum charge top-up', { weightG: 50 }, { minimumMinor: 3000 }, 3000, 50],
    ['first + continued', { destinationCountry: 'FR', weightG: 1100 }, {}, 9000 + 2 * 2500, 1100],
    ['postcode zone (Paris)', { destinationCountry: 'FR', postcode: '75011', weightG: 1100 }, {}, 5000, 1100],
  ] as const)('%s', (_name, p, s, expected, chargeable) => {
    const o = total(p as Partial<ParcelQuery>, s as Partial<CardSettings>);
    expect(o.totalMinor).toBe(expected);
    expect(o.chargeableWeightG).toBe(chargeable);
    expect(o.totalMinor).toBe(o.breakdown.reduce((a, l) => a + l.amountMinor, 0));
  });

  it('fuel applies only to the configured kinds, half up', () => {
    const o = total({ weightG: 333 }, { fuelBp: 1250, fuelAppliesTo: ['base'] });
    // base 80.00 × 0.333 = 26.64; fuel 12.5% of 26.64 = 3.33 (registration 18.00 not included)
    expect(o.breakdown.map((l) => [l.kind, l.amountMinor])).toEqual([
      ['base', 2664],
      ['registration', 1800],
      ['fuel', 333],
    ]);
  });

  it('remote area only when the postcode is listed, per kg with a minimum', () => {
    const s = { remoteArea: { perKgMinor: 500, minimumMinor: 2000 } };
    expect(total({ postcode: '10001' }, s).breakdown.some((l) => l.kind === 'remote_area')).toBe(false);
    const small = total({ postcode: '99601' }, s).breakdown.find((l) => l.kind === 'remote_area');
    expect(small?.amountMinor).toBe(2000);
    const heavy = total({ postcode: '96750', weightG: 10000 }, s).breakdown.find(
      (l) => l.kind === 'remote_area',
    );
    expect(heavy?.amountMinor).toBe(5000);
  });

  it('battery and dangerous goods surcharges when accepted', () => {
    const o = total(
      { weightG: 1000, battery: true, dangerousGoods: true },
      {
        battery: { accepted: true, perParcelMinor: 500, perKgMinor: 1000 },
        dangerousGoods: { accepted: true, perParcelMinor: 3000 },
      },
    );
    expect(o.breakdown.find((l) => l.kind === 'battery')?.amountMinor).toBe(1500);
    expect(o.breakdown.find((l) => l.kind === 'dangerous_goods')?.amountMinor).toBe(3000);
  });

  it.each([
    ['country not served', { destinationCountry: 'JP' }, {}, ['country_not_served']],
    [
      'postcode outside the only zone',
      { destinationCountry: 'DE', postcode: '80331' },
      {},
      ['postcode_not_served'],
    ],
    ['no postcode for a postcode-only country', { destinationCountry: 'DE' }, {}, ['postcode_not_served']],
    ['over max weight', { weightG: 31000 }, { maxWeightG: 30000 }, ['over_max_weight']],
    [
      'longest side',
      { dimsMm: { l: 1300, w: 100, h: 100 } },
      { maxLongestSideMm: 1200 },
      ['over_longest_side'],
    ],
    ['girth', { dimsMm: { l: 1000, w: 500, h: 500 } }, { maxGirthMm: 2900 }, ['over_girth']],
    ['sum of sides', { dimsMm: { l: 600, w: 400, h: 400 } }, { maxSumOfSidesMm: 900 }, ['over_sum_of_sides']],
    [
      'battery refused',
      { battery: true },
      { battery: { accepted: false, perParcelMinor: 0, perKgMinor: 0 } },
      ['battery_not_accepted'],
    ],
    ['DG refused', { dangerousGoods: true }, {}, ['dg_not_accepted']],
    ['above the top bracket', { weightG: 40000 }, {}, ['weight_not_priced']],
    [
      'several reasons at once',
      { weightG: 31000, battery: true, dimsMm: { l: 1300, w: 100, h: 100 } },
      {
        maxWeightG: 30000,
        maxLongestSideMm: 1200,
        battery: { accepted: false, perParcelMinor: 0, perKgMinor: 0 },
      },
      ['over_max_weight', 'over_longest_side', 'battery_not_accepted'],
    ],
  ] as const)('excluded: %s', (_n, p, s, codes) => {
    expect(reasons(p as Partial<ParcelQuery>, s as Partial<CardSettings>)).toEqual(codes);
  });

  it('explains in Chinese too', () => {
    const r = rateParcel(
      service,
      card({ maxWeightG: 30000 }),
      { destinationCountry: 'US', weightG: 31000 },
      'zh-CN',
    );
    expect(r.ok ? '' : r.reasons[0]!.message).toBe('重量 31 公斤超过限重 30 公斤');
  });
});

describe('shopRates', () => {
  it('picks the card valid on the date, sorts by total then transit, explains missing cards', () => {
    const v1 = card();
    const v2 = {
      ...card({ minimumMinor: 100000 }),
      cardId: 'c2',
      version: 2,
      validFrom: new Date('2026-06-01'),
    };
    const services = [
      { ...service, active: true, cards: [v1, v2] },
      {
        ...service,
        id: 's2',
        code: 'B',
        active: true,
        cards: [{ ...v1, validFrom: new Date('2027-01-01') }],
      },
      { ...service, id: 's3', code: 'C', active: false, cards: [v1] },
    ];
    const march = shopRates(services, { destinationCountry: 'US', weightG: 400, at: new Date('2026-03-01') });
    expect(march.options.map((o) => o.totalMinor)).toEqual([5000]);
    expect(march.excluded.map((e) => [e.code, e.reasons[0]!.code])).toEqual([
      ['B', 'no_card'],
      ['C', 'inactive'],
    ]);
    const july = shopRates(services, { destinationCountry: 'US', weightG: 400, at: new Date('2026-07-01') });
    expect(july.options[0]!.totalMinor).toBe(100000);
  });
});
