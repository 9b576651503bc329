import { describe, expect, it } from 'vitest';
import { s10CheckDigit } from './checksums.ts';
import { checkTrackingNumber } from './index.ts';

// Valid numbers: the UPU S10 example, and test numbers published with jkeen/tracking_number_data.
const valid: [string, string, string][] = [
  ['RR123456785CN', 'chinapost', 'upu_s10'],
  ['LZ123456785CN', 'chinapost', 'upu_s10'],
  ['EA123456785CN', 'ems', 'upu_s10'],
  ['CP123456785CN', 'chinapost', 'upu_s10'],
  ['RR123456785GB', 'royalmail', 'upu_s10'],
  ['RR123456785BR', 'other', 'upu_s10'],
  ['rr 123 456 785 cn', 'chinapost', 'upu_s10'],
  ['1Z5R89390357567127', 'ups', 'ups_1z'],
  ['1Z879E930346834440', 'ups', 'ups_1z'],
  ['1Z410E7W0392751591', 'ups', 'ups_1z'],
  ['1Z8V92A70367203024', 'ups', 'ups_1z'],
  ['986578788855', 'fedex', 'fedex_12'],
  ['477179081230', 'fedex', 'fedex_12'],
  ['0414 4176 0228 964', 'fedex', 'fedex_15'],
  ['568283610012000', 'fedex', 'fedex_15'],
  ['9611020987654312345672', 'fedex', 'fedex_96'],
  ['1001901781990001000300617767839437', 'fedex', 'fedex_34'],
  ['9400 1112 0108 0805 4830 16', 'usps', 'usps_impb'],
  ['9361 2898 7870 0317 6337 95', 'usps', 'usps_impb'],
  ['9405803699300124287899', 'usps', 'usps_impb'],
  ['92748931507708513018050063', 'usps', 'usps_impb'],
  ['420 22153 9101026837331000039521', 'usps', 'usps_impb_routed'],
  ['4201028200009261290113185417468510', 'usps', 'usps_impb_routed'],
  ['0307 1790 0005 2348 3741', 'usps', 'usps_20'],
  ['3318810025', 'dhl', 'dhl_express_10'],
  ['YT2412345678901234', 'yunexpress', 'yunexpress_yt'],
  ['LP00123456789012', 'cainiao', 'cainiao_lp'],
  ['4PX3001234567890CN', '4px', '4px'],
  ['UG123456789YP', 'yanwen', 'yanwen_yp'],
  ['SF1234567890123', 'sfexpress', 'sfexpress_sf'],
];

describe('checkTrackingNumber: valid numbers and carrier detection', () => {
  it.each(valid)('%s → %s (%s)', (raw, carrier, format) => {
    const r = checkTrackingNumber(raw);
    expect(r).toMatchObject({ valid: true, carrier, format });
    expect(r.number).toBe(raw.replace(/\s+/g, '').toUpperCase());
  });
});

describe('checkTrackingNumber: mistyped and malformed numbers', () => {
  it('names the expected S10 check digit', () => {
    expect(checkTrackingNumber('RR123456787CN')).toMatchObject({
      valid: false,
      carrier: 'chinapost',
      reason: 'check digit should be 5, not 7 — mistyped?',
    });
  });
  it('rejects an S10 number whose suffix is not a country', () => {
    expect(checkTrackingNumber('RR123456785XX')).toMatchObject({
      valid: false,
      reason: 'S10 country code XX is not a country',
    });
  });
  it.each([
    ['1Z5R89390357567128', 'ups'],
    ['996578788855', 'fedex'],
    ['5682 8361 0012 732', 'fedex'],
    ['1001901781990001000300617767839438', 'fedex'],
    ['9400 1112 0108 0805 4830 17', 'usps'],
    ['4201028200009261290113185417468511', 'usps'],
  ])('%s has a wrong check digit (%s)', (raw, carrier) => {
    const r = checkTrackingNumber(raw);
    expect(r.valid).toBe(false);
    expect(r.carrier).toBe(carrier);
    expect(r.reason).toMatch(/^check digit should be \d, not \d — mistyped\?$/);
  });
  it.each(['', '   ', 'HELLO', '12345', 'RR12345678CN', '中国邮政'])('%j is not a tracking number', (raw) => {
    const r = checkTrackingNumber(raw);
    expect(r.valid).toBe(false);
    expect(r.reason).toBeTruthy();
  });
  it('computes S10 check digits per the UPU rule including the 10→0 and 11→5 cases', () => {
    expect(s10CheckDigit('12345678')).toBe('5');
    // Find serials whose raw value would be 10 or 11 and check the substitutions.
    const weights = [8, 6, 4, 2, 3, 5, 9, 7];
    const raw = (s: string) => 11 - ([...s].reduce((t, c, i) => t + Number(c) * weights[i]!, 0) % 11);
    const ten = ['00000001', '00000010', '00000100', '10000000'].find((s) => raw(s) === 10);
    const eleven = '00000000';
    expect(raw(eleven)).toBe(11);
    expect(s10CheckDigit(eleven)).toBe('5');
    if (ten) expect(s10CheckDigit(ten)).toBe('0');
  });
});

describe('checkTrackingNumber: hints and ambiguity', () => {
  it('accepts a domestic courier number on the hint alone (no published check digit)', () => {
    expect(checkTrackingNumber('75312345678901', 'zto')).toMatchObject({ valid: true, carrier: 'zto' });
  });
  it('prefers the hinted carrier when a number fits several formats', () => {
    // 20 digits valid as USPS; a hint of usps keeps it there.
    expect(checkTrackingNumber('03071790000523483741', 'usps')).toMatchObject({
      valid: true,
      carrier: 'usps',
    });
  });
  it('says when the number does not fit the hinted carrier', () => {
    const r = checkTrackingNumber('HELLO123', 'ups');
    expect(r.valid).toBe(false);
    expect(r.reason).toContain('does not match a ups format');
  });
  it('keeps the detected carrier and notes the hint mismatch for a valid number of another carrier', () => {
    const r = checkTrackingNumber('1Z5R89390357567127', 'fedex');
    expect(r).toMatchObject({ valid: true, carrier: 'ups' });
    expect(r.reason).toContain('not a fedex format');
  });
  it('YunExpress YT+16 is not confused with YTO YT+13', () => {
    expect(checkTrackingNumber('YT1234567890123').carrier).toBe('yto');
    expect(checkTrackingNumber('YT1234567890123456').carrier).toBe('yunexpress');
  });
});
