import type { Locale, MessageKey } from '../../../kernel/i18n/index.ts';
import { label } from './labels.ts';
import { ceilDiv, perKg, roundDiv } from './money.ts';
import { matchesAny } from './postcodes.ts';
import type {
  Bracket,
  ChargeKind,
  CompiledCard,
  ParcelQuery,
  RateLine,
  RateOption,
  ServiceInfo,
  ZoneEntry,
} from './types.ts';

export type ExclusionCode =
  | 'no_card'
  | 'inactive'
  | 'country_not_served'
  | 'postcode_not_served'
  | 'over_max_weight'
  | 'over_longest_side'
  | 'over_girth'
  | 'over_sum_of_sides'
  | 'battery_not_accepted'
  | 'dg_not_accepted'
  | 'weight_not_priced';

export interface Reason {
  code: ExclusionCode;
  message: string;
}

export type RateResult = { ok: true; option: RateOption } | { ok: false; reasons: Reason[] };

const kg = (g: number) => (g / 1000).toFixed(g % 1000 === 0 ? 0 : g % 100 === 0 ? 1 : 3);
const cm = (mm: number) => (mm / 10).toFixed(mm % 10 === 0 ? 0 : 1);
const money = (minor: number) => (minor / 100).toFixed(2);

/** Bracket holding `g` (brackets sorted by fromG; binary search). */
export function findBracket(brackets: Bracket[], g: number): Bracket | undefined {
  let lo = 0;
  let hi = brackets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = brackets[mid]!;
    if (g < b.fromG) hi = mid - 1;
    else if (b.toG !== null && g > b.toG) lo = mid + 1;
    else return b;
  }
  return undefined;
}

function pickZone(entries: ZoneEntry[], postcode: string | null | undefined): ZoneEntry | undefined {
  let fallback: ZoneEntry | undefined;
  for (const e of entries) {
    if (!e.postcodes) fallback ??= e;
    else if (postcode && matchesAny(postcode, e.postcodes)) return e;
  }
  return fallback;
}

/** Actual, volumetric and chargeable weight (partial volumetric share, rounded up to the increment). */
export function chargeableWeight(card: CompiledCard, parcel: ParcelQuery) {
  const s = card.settings;
  const d = parcel.dimsMm;
  const volumetric = s.volumetricDivisor && d ? ceilDiv(d.l * d.w * d.h, s.volumetricDivisor) : null;
  let weight = parcel.weightG;
  if (volumetric !== null && volumetric > weight)
    weight += ceilDiv((volumetric - weight) * s.volumetricSharePct, 100);
  const step = Math.max(1, s.roundingG);
  return { actual: parcel.weightG, volumetric, chargeable: ceilDiv(weight, step) * step };
}

/**
 * Rate one parcel on one card: every limit is checked first and each failure is a reason (all of
 * them, not just the first); otherwise the breakdown in the card's currency, summed to the total.
 */
function reason(locale: Locale, code: ExclusionCode, params?: Record<string, string | number>): Reason {
  return { code, message: label(locale, `logistics.exclude.${code}` as MessageKey, params) };
}

/** Every limit the parcel breaks on this card (empty = eligible so far). */
function limitReasons(card: CompiledCard, parcel: ParcelQuery, locale: Locale, reasons: Reason[]) {
  const s = card.settings;
  if (s.maxWeightG !== null && parcel.weightG > s.maxWeightG)
    reasons.push(reason(locale, 'over_max_weight', { weight: kg(parcel.weightG), max: kg(s.maxWeightG) }));
  const d = parcel.dimsMm;
  if (d) {
    const a = Math.max(d.l, d.w, d.h);
    const c = Math.min(d.l, d.w, d.h);
    const b = d.l + d.w + d.h - a - c;
    if (s.maxLongestSideMm !== null && a > s.maxLongestSideMm)
      reasons.push(reason(locale, 'over_longest_side', { side: cm(a), max: cm(s.maxLongestSideMm) }));
    const girth = a + 2 * b + 2 * c;
    if (s.maxGirthMm !== null && girth > s.maxGirthMm)
      reasons.push(reason(locale, 'over_girth', { girth: cm(girth), max: cm(s.maxGirthMm) }));
    const sum = a + b + c;
    if (s.maxSumOfSidesMm !== null && sum > s.maxSumOfSidesMm)
      reasons.push(reason(locale, 'over_sum_of_sides', { sum: cm(sum), max: cm(s.maxSumOfSidesMm) }));
  }
  if (parcel.battery && !s.battery.accepted) reasons.push(reason(locale, 'battery_not_accepted'));
  if (parcel.dangerousGoods && !s.dangerousGoods.accepted) reasons.push(reason(locale, 'dg_not_accepted'));
}

function sum(lines: RateLine[]) {
  let total = 0;
  for (const l of lines) total += l.amountMinor;
  return total;
}

function add(lines: RateLine[], kind: ChargeKind, amountMinor: number, text: string) {
  if (amountMinor > 0) lines.push({ kind, amountMinor, label: text });
}

/**
 * Rate one parcel on one card: every limit is checked first and each failure is a reason (all of
 * them, not just the first); otherwise the breakdown in the card's currency, summed to the total.
 */
export function rateParcel(
  service: ServiceInfo,
  card: CompiledCard,
  parcel: ParcelQuery,
  locale: Locale = 'en',
): RateResult {
  const reasons: Reason[] = [];
  const s = card.settings;
  const country = parcel.destinationCountry.toUpperCase();
  const entries = card.countries.get(country);
  let entry: ZoneEntry | undefined;
  if (!entries) reasons.push(reason(locale, 'country_not_served', { country }));
  else {
    entry = pickZone(entries, parcel.postcode);
    if (!entry)
      reasons.push(reason(locale, 'postcode_not_served', { country, postcode: parcel.postcode ?? '—' }));
  }
  const w = chargeableWeight(card, parcel);
  limitReasons(card, parcel, locale, reasons);
  const zone = entry ? card.zones.get(entry.zone) : undefined;
  const bracket = zone ? findBracket(zone.brackets, w.chargeable) : undefined;
  if (entry && !bracket && !reasons.some((r) => r.code === 'over_max_weight'))
    reasons.push(reason(locale, 'weight_not_priced', { weight: kg(w.chargeable), zone: entry.zone }));
  if (reasons.length || !entry || !zone || !bracket) return { ok: false, reasons };

  const lines: RateLine[] = [];
  const p = bracket.pricing;
  if (p.kind === 'flat')
    add(lines, 'base', p.amountMinor, label(locale, 'logistics.line.flat', { weight: kg(w.chargeable) }));
  else if (p.kind === 'per_kg') {
    add(
      lines,
      'base',
      perKg(p.perKgMinor, w.chargeable),
      label(locale, 'logistics.line.perKg', { weight: kg(w.chargeable), rate: money(p.perKgMinor) }),
    );
    add(lines, 'registration', p.registrationMinor, label(locale, 'logistics.line.registration'));
  } else {
    add(lines, 'base', p.firstMinor, label(locale, 'logistics.line.first', { weight: kg(p.firstG) }));
    const steps = w.chargeable > p.firstG ? ceilDiv(w.chargeable - p.firstG, p.stepG) : 0;
    add(
      lines,
      'continued',
      steps * p.stepMinor,
      label(locale, 'logistics.line.continued', { steps, step: kg(p.stepG), rate: money(p.stepMinor) }),
    );
    add(lines, 'registration', p.registrationMinor, label(locale, 'logistics.line.registration'));
  }
  let freight = 0;
  for (const l of lines) freight += l.amountMinor;
  if (s.minimumMinor !== null && freight < s.minimumMinor)
    add(
      lines,
      'minimum',
      s.minimumMinor - freight,
      label(locale, 'logistics.line.minimum', { minimum: money(s.minimumMinor) }),
    );
  const remote = card.remote.get(country);
  if (s.remoteArea && remote && parcel.postcode && matchesAny(parcel.postcode, remote))
    add(
      lines,
      'remote_area',
      Math.max(perKg(s.remoteArea.perKgMinor, w.chargeable), s.remoteArea.minimumMinor),
      label(locale, 'logistics.line.remote', { postcode: parcel.postcode }),
    );
  if (parcel.battery)
    add(
      lines,
      'battery',
      s.battery.perParcelMinor + perKg(s.battery.perKgMinor, w.chargeable),
      label(locale, 'logistics.line.battery'),
    );
  if (parcel.dangerousGoods)
    add(lines, 'dangerous_goods', s.dangerousGoods.perParcelMinor, label(locale, 'logistics.line.dg'));
  if (s.fuelBp > 0) {
    let basis = 0;
    for (const l of lines) if (s.fuelAppliesTo.includes(l.kind)) basis += l.amountMinor;
    add(
      lines,
      'fuel',
      roundDiv(basis * s.fuelBp, 10000),
      label(locale, 'logistics.line.fuel', { pct: s.fuelBp / 100 }),
    );
  }
  return {
    ok: true,
    option: {
      serviceId: service.id,
      code: service.code,
      name: service.name,
      carrier: service.carrier,
      mode: service.mode,
      currency: card.currency,
      totalMinor: sum(lines),
      breakdown: lines,
      chargeableWeightG: w.chargeable,
      actualWeightG: w.actual,
      volumetricWeightG: w.volumetric,
      transitDays: entry.transit ?? zone.transit,
      zone: entry.zone,
    },
  };
}
