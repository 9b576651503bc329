import type { Locale } from '../../../kernel/i18n/index.ts';
import { cardAt } from './compile.ts';
import { label } from './labels.ts';
import { rateParcel } from './rate-parcel.ts';
import type { CompiledCard, ParcelQuery, RateExclusion, RateOption, ServiceInfo } from './types.ts';

export interface RatableService extends ServiceInfo {
  active: boolean;
  cards: CompiledCard[];
}

/** Cheapest first (then fastest by max transit days, then code); currencies are grouped, never converted. */
export function compareOptions(a: RateOption, b: RateOption): number {
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  if (a.totalMinor !== b.totalMinor) return a.totalMinor - b.totalMinor;
  const ta = a.transitDays?.max ?? Number.POSITIVE_INFINITY;
  const tb = b.transitDays?.max ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta - tb;
  return a.code.localeCompare(b.code);
}

const exclusion = (s: ServiceInfo, code: string, message: string): RateExclusion => ({
  serviceId: s.id,
  code: s.code,
  name: s.name,
  reasons: [{ code, message }],
});

/** Rate shopping over already-compiled services (pure; quoteRates loads them, the bench reuses them). */
export function shopRates(
  services: RatableService[],
  parcel: ParcelQuery,
  locale: Locale = 'en',
): { options: RateOption[]; excluded: RateExclusion[] } {
  const at = parcel.at ?? new Date();
  const options: RateOption[] = [];
  const excluded: RateExclusion[] = [];
  for (const s of services) {
    if (!s.active) {
      excluded.push(exclusion(s, 'inactive', label(locale, 'logistics.exclude.inactive')));
      continue;
    }
    const card = cardAt(s.cards, at);
    if (!card) {
      const date = at.toISOString().slice(0, 10);
      excluded.push(exclusion(s, 'no_card', label(locale, 'logistics.exclude.no_card', { date })));
      continue;
    }
    const r = rateParcel(s, card, parcel, locale);
    if (r.ok) options.push(r.option);
    else excluded.push({ serviceId: s.id, code: s.code, name: s.name, reasons: r.reasons });
  }
  options.sort(compareOptions);
  return { options, excluded };
}
