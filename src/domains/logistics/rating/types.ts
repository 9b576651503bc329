/**
 * The rate card model shared by the price-sheet importer (which compiles it) and the pure rating
 * core (which reads it). Weights in grams, dimensions in millimetres, money in integer minor units.
 */

export type ChargeKind =
  | 'base'
  | 'continued'
  | 'minimum'
  | 'fuel'
  | 'remote_area'
  | 'battery'
  | 'dangerous_goods'
  | 'registration'
  | 'other';

export const chargeKinds: readonly ChargeKind[] = [
  'base',
  'continued',
  'minimum',
  'fuel',
  'remote_area',
  'battery',
  'dangerous_goods',
  'registration',
  'other',
];

/** Postcode match: a prefix ("75", "SW1") or an inclusive range compared digit-wise or as text. */
export type PostcodeRule = { prefix: string } | { from: string; to: string };

/** How one weight bracket is priced. */
export type BracketPricing =
  /** Price for the whole bracket (zone matrix cell: "up to 1.5 kg: 320.00"). */
  | { kind: 'flat'; amountMinor: number }
  /** Rate per kg of chargeable weight (运费 元/KG), plus the per-parcel registration fee (挂号费). */
  | { kind: 'per_kg'; perKgMinor: number; registrationMinor: number }
  /** 首重/续重: first `firstG` for `firstMinor`, then `stepMinor` per started `stepG`. */
  | {
      kind: 'first_continued';
      firstG: number;
      firstMinor: number;
      stepG: number;
      stepMinor: number;
      registrationMinor: number;
    };

/** Inclusive grams range [fromG, toG]; toG null = no upper bound in this bracket. */
export interface Bracket {
  fromG: number;
  toG: number | null;
  pricing: BracketPricing;
  /** Where it came from, for messages ("Rates!A14"). */
  cell?: string;
}

export interface ZoneEntry {
  zone: string;
  postcodes: PostcodeRule[] | null;
  /** Transit of this country when the zones sheet gives it per country (else the zone's). */
  transit?: { min: number; max: number } | null;
}

export interface CardZone {
  transit: { min: number; max: number } | null;
  brackets: Bracket[];
}

export interface CardData {
  /** ISO alpha-2 → the zones serving it; postcode-specific entries first, a null-postcode entry as fallback. */
  countries: Record<string, ZoneEntry[]>;
  zones: Record<string, CardZone>;
  /** ISO alpha-2 → remote-area postcodes. */
  remote: Record<string, PostcodeRule[]>;
}

export interface CardSettings {
  /** Volumetric g = L×W×H (mm³) / divisor (5000/6000/8000 for air; 1000 = 1 CBM per tonne for sea W/M). */
  volumetricDivisor: number | null;
  /** Share (%) of the excess of volumetric over actual weight that is charged: 100 = max(actual, vol), 50 = 计泡50%. */
  volumetricSharePct: number;
  /** Chargeable weight is rounded up to a multiple of this many grams. */
  roundingG: number;
  minimumMinor: number | null;
  /** Fuel surcharge in basis points (1250 = 12.5%), applied to the listed kinds. */
  fuelBp: number;
  fuelAppliesTo: ChargeKind[];
  remoteArea: { perKgMinor: number; minimumMinor: number } | null;
  battery: { accepted: boolean; perParcelMinor: number; perKgMinor: number };
  dangerousGoods: { accepted: boolean; perParcelMinor: number };
  maxWeightG: number | null;
  maxLongestSideMm: number | null;
  /** Length + 2 × width + 2 × height. */
  maxGirthMm: number | null;
  maxSumOfSidesMm: number | null;
}

export const defaultSettings = (): CardSettings => ({
  volumetricDivisor: null,
  volumetricSharePct: 100,
  roundingG: 1,
  minimumMinor: null,
  fuelBp: 0,
  fuelAppliesTo: ['base', 'continued'],
  remoteArea: null,
  battery: { accepted: true, perParcelMinor: 0, perKgMinor: 0 },
  dangerousGoods: { accepted: false, perParcelMinor: 0 },
  maxWeightG: null,
  maxLongestSideMm: null,
  maxGirthMm: null,
  maxSumOfSidesMm: null,
});

export interface ParcelQuery {
  destinationCountry: string;
  postcode?: string | null;
  weightG: number;
  dimsMm?: { l: number; w: number; h: number } | null;
  declaredValue?: { amountMinor: number; currency: string } | null;
  battery?: boolean;
  dangerousGoods?: boolean;
  at?: Date;
}

export interface RateLine {
  kind: ChargeKind;
  amountMinor: number;
  label: string;
}

export interface RateOption {
  serviceId: string;
  code: string;
  name: string;
  carrier: string;
  mode: string;
  currency: string;
  totalMinor: number;
  breakdown: RateLine[];
  chargeableWeightG: number;
  actualWeightG: number;
  volumetricWeightG: number | null;
  transitDays: { min: number; max: number } | null;
  zone: string;
}

export interface RateExclusion {
  serviceId: string;
  code: string;
  name: string;
  reasons: { code: string; message: string }[];
}

/** What the core needs to know about a service. */
export interface ServiceInfo {
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: string;
}

/** A card ready to rate: settings plus data, indexed once. */
export interface CompiledCard {
  cardId: string;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
  version: number;
  settings: CardSettings;
  countries: Map<string, ZoneEntry[]>;
  zones: Map<string, CardZone>;
  remote: Map<string, PostcodeRule[]>;
}
