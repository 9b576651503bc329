/**
 * Tracking-number formats as data: a pattern, the carrier it belongs to, how specific the
 * pattern is (a 1Z… or S10 match beats "any 12 digits"), and the check-digit rule if the format
 * has one. Sources: UPU S10 standard; jkeen/tracking_number_data (UPS, FedEx, USPS, DHL);
 * forwarders' published number shapes (YunExpress YT, Cainiao LP, 4PX, Yanwen) — those have no check digit.
 */
import { isCountryCode } from '../../../kernel/countries.ts';
import type { CarrierCode } from './carriers.ts';
import { postBySuffix } from './carriers.ts';
import {
  mod7CheckDigit,
  mod10CheckDigit,
  mod10FromRight,
  s10CheckDigit,
  weightedModCheckDigit,
} from './checksums.ts';

/** Outcome of a format's own check: ok, a wrong check digit, or another structural problem. */
export type FormatVerdict = { ok: true } | { ok: false; expected?: string; actual?: string; reason: string };

export interface NumberFormat {
  id: string;
  /** Human description used in reasons ("UPS 1Z + 16 characters"). */
  label: string;
  pattern: RegExp;
  /** Higher wins when several formats match. */
  specificity: number;
  carrier: (n: string) => CarrierCode;
  /** Carriers this format can belong to (for hints). */
  carriers: readonly CarrierCode[];
  verify?: (n: string) => FormatVerdict;
}

function digit(expected: string, actual: string): FormatVerdict {
  return expected === actual
    ? { ok: true }
    : { ok: false, expected, actual, reason: `check digit should be ${expected}, not ${actual} — mistyped?` };
}

const FEDEX_WEIGHTS = [3, 1, 7];
const FEDEX_34_WEIGHTS = [1, 7, 3];

/** USPS IMpb core (no 420+ZIP routing): 22 or 26 digits starting 9[1-5], or a 20-digit legacy number. */
function uspsCoreOk(core: string): FormatVerdict {
  const payload = core.slice(0, -1);
  const actual = core.slice(-1);
  if (core.length === 20) {
    // Legacy 20-digit numbers: checked as-is, or with the implied "91" application identifier.
    const plain = mod10FromRight(payload);
    if (plain === actual) return { ok: true };
    return digit(mod10FromRight(`91${payload}`), actual);
  }
  return digit(mod10FromRight(payload), actual);
}

export const numberFormats: NumberFormat[] = [
  {
    id: 'upu_s10',
    label: 'UPU S10 (2 letters + 9 digits + country)',
    pattern: /^[A-Z]{2}\d{9}[A-Z]{2}$/,
    specificity: 100,
    carriers: [
      'chinapost',
      'ems',
      'usps',
      'royalmail',
      'postnl',
      'correos',
      'laposte',
      'deutschepost',
      'auspost',
      'canadapost',
      'japanpost',
      'other',
    ],
    carrier: (n) => {
      const country = n.slice(11);
      // China Post: E* = EMS; L* (ePacket-type), R* (registered), C* (parcel) are China Post.
      if (country === 'CN') return n[0] === 'E' ? 'ems' : 'chinapost';
      return postBySuffix[country] ?? 'other';
    },
    verify: (n) => {
      const country = n.slice(11);
      if (!isCountryCode(country)) {
        return { ok: false, reason: `S10 country code ${country} is not a country` };
      }
      return digit(s10CheckDigit(n.slice(2, 10)), n[10]!);
    },
  },
  {
    id: 'ups_1z',
    label: 'UPS 1Z + 16 characters',
    pattern: /^1Z[0-9A-Z]{16}$/,
    specificity: 100,
    carriers: ['ups'],
    carrier: () => 'ups',
    verify: (n) => digit(mod10CheckDigit(n.slice(2, 17), 1, 2), n[17]!),
  },
  {
    id: 'yunexpress_yt',
    label: 'YunExpress YT + 16 digits',
    pattern: /^YT\d{16}$/,
    specificity: 90,
    carriers: ['yunexpress'],
    carrier: () => 'yunexpress',
  },
  {
    id: 'cainiao_lp',
    label: 'Cainiao LP + 12–14 digits',
    pattern: /^LP\d{12,14}$/,
    specificity: 90,
    carriers: ['cainiao'],
    carrier: () => 'cainiao',
  },
  {
    id: '4px',
    label: '4PX 4PX + 10–16 digits (+ CN)',
    pattern: /^4PX\d{10,16}(CN)?$/,
    specificity: 90,
    carriers: ['4px'],
    carrier: () => '4px',
  },
  {
    // Yanwen's own S10-shaped numbers end in "YP" (not a country) — e.g. UG…YP, VR…YP.
    id: 'yanwen_yp',
    label: 'Yanwen 2 letters + 9 digits + YP',
    pattern: /^[A-Z]{2}\d{9}YP$/,
    specificity: 95,
    carriers: ['yanwen'],
    carrier: () => 'yanwen',
  },
  {
    id: 'yanwen_y',
    label: 'Yanwen Y + letter + 8–10 digits',
    pattern: /^Y[A-SU-Z]\d{8,10}$/,
    specificity: 50,
    carriers: ['yanwen'],
    carrier: () => 'yanwen',
  },
  {
    id: 'sfexpress_sf',
    label: 'SF Express SF + 12–13 digits',
    pattern: /^SF\d{12,13}$/,
    specificity: 90,
    carriers: ['sfexpress'],
    carrier: () => 'sfexpress',
  },
  {
    id: 'yto_yt13',
    label: 'YTO YT + 13 digits',
    pattern: /^YT\d{13}$/,
    specificity: 80,
    carriers: ['yto'],
    carrier: () => 'yto',
  },
  {
    id: 'jtexpress_jt',
    label: 'J&T JT + 13 digits',
    pattern: /^JT\d{13}$/,
    specificity: 80,
    carriers: ['jtexpress'],
    carrier: () => 'jtexpress',
  },
  {
    id: 'usps_impb_routed',
    label: 'USPS IMpb with 420+ZIP routing',
    pattern: /^420(\d{5}|\d{9})(9[1-5]\d{20}|9[1-5]\d{24})$/,
    specificity: 85,
    carriers: ['usps'],
    carrier: () => 'usps',
    verify: (n) => {
      // 34 digits is ambiguous between 420+ZIP9+22 and 420+ZIP5+26: accept either reading.
      const readings = [n.slice(8), n.slice(12)].filter(
        (c) => /^9[1-5]\d+$/.test(c) && (c.length === 22 || c.length === 26),
      );
      let last: FormatVerdict = { ok: false, reason: 'not a USPS IMpb number' };
      for (const core of readings) {
        last = uspsCoreOk(core);
        if (last.ok) return last;
      }
      return last;
    },
  },
  {
    id: 'usps_impb',
    label: 'USPS IMpb (22 or 26 digits starting 91–95)',
    pattern: /^9[1-5](\d{20}|\d{24})$/,
    specificity: 70,
    carriers: ['usps'],
    carrier: () => 'usps',
    verify: uspsCoreOk,
  },
  {
    id: 'fedex_96',
    label: 'FedEx Ground 96 + 20 digits',
    pattern: /^96\d{20}$/,
    specificity: 70,
    carriers: ['fedex'],
    carrier: () => 'fedex',
    verify: (n) => digit(mod10CheckDigit(n.slice(7, 21), 1, 3), n[21]!),
  },
  {
    id: 'fedex_34',
    label: 'FedEx 34 digits',
    pattern: /^\d{34}$/,
    specificity: 60,
    carriers: ['fedex'],
    carrier: () => 'fedex',
    verify: (n) => digit(weightedModCheckDigit(n.slice(20, 33), FEDEX_34_WEIGHTS, 11, 10), n[33]!),
  },
  {
    id: 'fedex_15',
    label: 'FedEx Ground 15 digits',
    pattern: /^\d{15}$/,
    specificity: 40,
    carriers: ['fedex'],
    carrier: () => 'fedex',
    verify: (n) => digit(mod10CheckDigit(n.slice(0, 14), 1, 3), n[14]!),
  },
  {
    id: 'fedex_12',
    label: 'FedEx Express 12 digits',
    pattern: /^\d{12}$/,
    specificity: 30,
    carriers: ['fedex'],
    carrier: () => 'fedex',
    verify: (n) => digit(weightedModCheckDigit(n.slice(0, 11), FEDEX_WEIGHTS, 11, 10), n[11]!),
  },
  {
    id: 'usps_20',
    label: 'USPS 20 digits',
    pattern: /^\d{20}$/,
    specificity: 30,
    carriers: ['usps'],
    carrier: () => 'usps',
    verify: uspsCoreOk,
  },
  {
    id: 'dhl_express_10',
    label: 'DHL Express 10 digits',
    pattern: /^\d{10}$/,
    specificity: 30,
    carriers: ['dhl'],
    carrier: () => 'dhl',
    verify: (n) => digit(mod7CheckDigit(n.slice(0, 9)), n[9]!),
  },
];
