import type { Locale } from '../../kernel/i18n/index.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { loadRatableServices } from './cards.ts';
import { shopRates } from './rating/shop-rates.ts';
import type { ParcelQuery, RateExclusion, RateOption } from './rating/types.ts';

/**
 * Rate shopping: every service of the shop, rated with the card valid at `parcel.at` (default now),
 * cheapest first; services that cannot carry the parcel come back in `excluded` with every reason.
 */
export async function quoteRates(
  trx: Tx,
  shopId: string,
  parcel: ParcelQuery,
  locale: Locale = 'en',
): Promise<{ options: RateOption[]; excluded: RateExclusion[] }> {
  const at = parcel.at ?? new Date();
  const services = await loadRatableServices(trx, shopId, { at });
  return shopRates(services, { ...parcel, at }, locale);
}
