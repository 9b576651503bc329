/** Logistics API shapes (src/domains/logistics). */
export type ServiceMode = 'express' | 'postal' | 'air' | 'rail' | 'sea' | 'last_mile' | 'courier';
export const serviceModes: ServiceMode[] = [
  'express',
  'postal',
  'air',
  'rail',
  'sea',
  'last_mile',
  'courier',
];

export interface LogisticsService {
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: ServiceMode;
  active: boolean;
  carrierAccountId: string | null;
  promisedDays: number | null;
  notes: string | null;
  /** In the list only: the card valid now and how many versions exist. */
  versions?: number;
  currentCard?: { id: string; version: number; currency: string; validFrom: string } | null;
}

export interface CardSource {
  file: string;
  sheets: string;
  note: string | null;
  importedBy: string | null;
  importedAt: string;
}
export interface CardSummary {
  countries: number;
  zones: number;
  brackets: number;
  remotePostcodes: number;
}
export interface RateCardVersion {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  currency: string;
  source: CardSource;
  summary: CardSummary;
}
export type BracketPricing =
  | { kind: 'flat'; amountMinor: number }
  | { kind: 'per_kg'; perKgMinor: number; registrationMinor: number }
  | {
      kind: 'first_continued';
      firstG: number;
      firstMinor: number;
      stepG: number;
      stepMinor: number;
      registrationMinor: number;
    };
export interface Bracket {
  fromG: number;
  toG: number | null;
  pricing: BracketPricing;
  cell?: string;
}
export type PostcodeRule = { prefix: string } | { from: string; to: string };
export interface RateCardDetail extends RateCardVersion {
  settings: {
    volumetricDivisor: number | null;
    volumetricSharePct: number;
    roundingG: number;
    minimumMinor: number | null;
    fuelBp: number;
    fuelAppliesTo: string[];
    remoteArea: { perKgMinor: number; minimumMinor: number } | null;
    battery: { accepted: boolean; perParcelMinor: number; perKgMinor: number };
    dangerousGoods: { accepted: boolean; perParcelMinor: number };
    maxWeightG: number | null;
    maxLongestSideMm: number | null;
    maxGirthMm: number | null;
    maxSumOfSidesMm: number | null;
  };
  data: {
    countries: Record<
      string,
      { zone: string; postcodes: PostcodeRule[] | null; transit?: { min: number; max: number } | null }[]
    >;
    zones: Record<string, { transit: { min: number; max: number } | null; brackets: Bracket[] }>;
    remote: Record<string, PostcodeRule[]>;
  };
}
export interface ServiceDetail extends LogisticsService {
  cards: RateCardVersion[];
}
export interface ImportResult {
  status: 'preview' | 'created' | 'unchanged';
  cardId: string | null;
  version: number | null;
  layout: 'bracket_list' | 'zone_matrix';
  currency: string;
  validFrom: string;
  validTo: string | null;
  sheets: string[];
  source: string | null;
  summary: CardSummary & { remoteCountries: number };
  sample: { country: string; zone: string; brackets: number; transit: { min: number; max: number } | null }[];
}
export interface RateLine {
  kind: string;
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
export interface QuoteResult {
  options: RateOption[];
  excluded: RateExclusion[];
}
export type RuleStrategy = 'cheapest' | 'fastest' | 'cheapest_within_days' | 'fixed';
export interface AssignmentRule {
  id: string;
  name: string;
  priority: number;
  active: boolean;
  conditions: {
    channels?: string[];
    countries?: string[];
    minWeightG?: number;
    maxWeightG?: number;
    skus?: string[];
    battery?: boolean;
    dangerousGoods?: boolean;
  };
  strategy: RuleStrategy;
  maxDays: number | null;
  serviceId: string | null;
}
