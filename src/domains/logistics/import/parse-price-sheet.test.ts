import { describe, expect, it } from 'vitest';
import {
  dhlZoneSheet,
  ePacketSheet,
  railwaySheet,
  seaLclSheet,
  yunExpressSheet,
} from '../../../../test/fixtures/logistics/sheets.ts';
import { isAppError } from '../../../kernel/errors.ts';
import { compileCard } from '../rating/compile.ts';
import { rateParcel } from '../rating/rate-parcel.ts';
import type { ParcelQuery } from '../rating/types.ts';
import { resolveCountry } from './countries.ts';
import { parsePriceSheet } from './parse-price-sheet.ts';

const svc = { id: 's', code: 'X', name: 'X', carrier: 'other', mode: 'postal' };
async function quote(bytes: Buffer, p: ParcelQuery) {
  const card = await parsePriceSheet(bytes, 'x.xlsx');
  const r = rateParcel(
    svc,
    compileCard({
      id: 'c',
      version: 1,
      currency: card.currency,
      validFrom: new Date(0),
      validTo: null,
      settings: card.settings,
      data: card.data,
    }),
    p,
  );
  return r;
}
async function problems(bytes: Buffer) {
  try {
    await parsePriceSheet(bytes, 'bad.xlsx');
  } catch (e) {
    if (isAppError(e)) return e.issues.map((i) => `${i.field}: ${i.message}`);
    throw e;
  }
  throw new Error('expected the sheet to be refused');
}

describe('resolveCountry', () => {
  it.each([
    ['美国 US', 'US'],
    ['美国', 'US'],
    ['United States', 'US'],
    ['英国(GB)', 'GB'],
    ['UK', 'GB'],
    ['DE Germany', 'DE'],
    ['俄罗斯联邦', 'RU'],
    ['Narnia', null],
  ])('%s → %s', (text, code) => expect(resolveCountry(text)).toBe(code));
});

describe('parsePriceSheet', () => {
  it('reads a YunExpress per-country bracket list with settings and remote areas', async () => {
    const card = await parsePriceSheet(await yunExpressSheet(), 'yt.xlsx');
    expect(card.layout).toBe('bracket_list');
    expect(card.sheets).toEqual(['服务设置', '价格表', '偏远地区']);
    expect(card.validFrom?.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(card.settings).toMatchObject({
      volumetricDivisor: 8000,
      volumetricSharePct: 50,
      maxWeightG: 30000,
      maxLongestSideMm: 1200,
    });
    expect(card.summary).toMatchObject({ countries: 3, zones: 3, brackets: 8, remoteCountries: 2 });
    // 1.2 kg to US: 85/kg × 1.2 = 102.00 + 16.00 registration
    const r = await quote(await yunExpressSheet(), { destinationCountry: 'US', weightG: 1200 });
    expect(r.ok && r.option.totalMinor).toBe(11800);
    // 0.5 kg to GB falls in the first bracket, 0.6 kg in "0.5-30" (read as 0.501-30)
    const gb = await quote(await yunExpressSheet(), {
      destinationCountry: 'GB',
      weightG: 600,
      postcode: 'HS1 2AB',
    });
    expect(gb.ok && gb.option.breakdown.map((l) => [l.kind, l.amountMinor])).toEqual([
      ['base', 3000],
      ['registration', 1700],
      ['remote_area', 3000],
    ]);
  });

  it('reads 首重/续重 (ePacket) and refuses batteries', async () => {
    const r = await quote(await ePacketSheet(), { destinationCountry: 'FR', weightG: 125 });
    // 10.00 for the first 50 g, then 8 × 10 g at 0.75
    expect(r.ok && r.option.totalMinor).toBe(1000 + 8 * 75);
    const b = await quote(await ePacketSheet(), { destinationCountry: 'FR', weightG: 125, battery: true });
    expect(b.ok ? [] : b.reasons.map((x) => x.code)).toEqual(['battery_not_accepted']);
  });

  it('reads a DHL-style zone matrix: flat rows, per-kg rows, rounding, fuel on base and remote', async () => {
    const r = await quote(await dhlZoneSheet(), {
      destinationCountry: 'US',
      weightG: 1300,
      postcode: '99611',
    });
    // 1.3 kg → 1.5 kg (Zone 5: 380.00); remote max(4.5 × 1.5, 175) = 175; fuel 22.5% of 555 = 124.88
    expect(r.ok && r.option.breakdown.map((l) => [l.kind, l.amountMinor])).toEqual([
      ['base', 38000],
      ['remote_area', 17500],
      ['fuel', 12488],
    ]);
    expect(r.ok && r.option.transitDays).toEqual({ min: 3, max: 5 });
    const heavy = await quote(await dhlZoneSheet(), { destinationCountry: 'DE', weightG: 10200 });
    // 10.2 → 10.5 kg × 160.00 = 1680.00, fuel 378.00
    expect(heavy.ok && heavy.option.totalMinor).toBe(168000 + 37800);
    const vol = await quote(await dhlZoneSheet(), {
      destinationCountry: 'JP',
      weightG: 300,
      dimsMm: { l: 400, w: 300, h: 200 },
    });
    // 24000 cm³ / 5000 = 4.8 kg volumetric
    expect(vol.ok && [vol.option.volumetricWeightG, vol.option.chargeableWeightG]).toEqual([4800, 5000]);
  });

  it('reads rail (minimum charge) and sea LCL W/M cards', async () => {
    const rail = await quote(await railwaySheet(), { destinationCountry: 'DE', weightG: 5000 });
    expect(rail.ok && rail.option.breakdown.map((l) => l.kind)).toEqual(['base', 'registration', 'minimum']);
    expect(rail.ok && rail.option.totalMinor).toBe(30000);
    const sea = await quote(await seaLclSheet(), {
      destinationCountry: 'US',
      weightG: 300_000,
      dimsMm: { l: 1200, w: 1000, h: 1000 },
    });
    // 1.2 CBM → 1200 kg W/M × 4.20
    expect(sea.ok && sea.option.totalMinor).toBe(504000);
  });

  it('names sheet, row and cell for each problem', async () => {
    const bad = await yunExpressSheet({
      rates: [
        ['美国 US', '0-0.5', 90, 19, '7-12'],
        ['美国 US', '0.4-2', 85, 16, '7-12'],
        ['美国 US', '3-30', 82, 16, '7-12'],
        ['纳尼亚', '0-2', 60, 15, '7-12'],
        ['法国', '0-2', -5, 15, 'soon'],
        ['日本', 'heavy', 60, '', ''],
      ],
    });
    expect(await problems(bad)).toEqual([
      '价格表!A6: “纳尼亚” is not a known country; write an ISO code (US) or a Chinese or English name (美国 / United States)',
      '价格表!C7: “-5” is not a price; write a non-negative amount with at most 2 decimals, e.g. 85.50',
      '价格表!E7: “soon” is not a transit time; write days such as 7-12 or 10',
      '价格表!B8: “heavy” is not a weight in kg; write e.g. 0.5, or a range such as 0.501-2',
      '价格表!B4: weight bracket 0.4-2 kg overlaps 价格表!B3 (0-0.5 kg); brackets must follow each other',
      '价格表!B5: weights from 0.5 to 3 kg are not priced between 价格表!B3 and this row; add a bracket or close the gap',
    ]);
  });

  it('checks settings, zones and the zone matrix', async () => {
    const badSettings = await yunExpressSheet({
      settings: [
        ['材积除数', 7000],
        ['生效日期', '2026-13-01'],
        ['Colour', 'red'],
      ],
    });
    expect(await problems(badSettings)).toEqual([
      '服务设置!B1: “7000” is not a volumetric divisor; write 5000, 6000, 8000, 1000 (sea W/M) or leave it empty',
      '服务设置!B2: “2026-13-01” is not a date; write it as 2026-12-01',
      expect.stringMatching(/^服务设置!A3: unknown setting “Colour”; known settings: 币种/),
    ]);
    const badMatrix = await dhlZoneSheet({
      rates: [
        [0.5, 1, 2, 3, 4],
        [0.5, 1, 2, 'x', 4],
      ],
    });
    expect(await problems(badMatrix)).toEqual([
      'Rates!A4: weight 0.5 kg is not above the previous row (Rates!A3); list weights in increasing order',
    ]);
  });

  it('refuses a file that is not a workbook or has no price sheet', async () => {
    await expect(parsePriceSheet(Buffer.from('not a zip'), 'prices.xlsx')).rejects.toThrow(
      /not an \.xlsx workbook/,
    );
  });
});
