/**
 * Logistics services (forwarder and carrier products) with rate cards imported from forwarders'
 * price sheets (.xlsx, Chinese and English layouts), rate shopping with full breakdowns and
 * exclusion reasons, and assignment rules that pick a service per order.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerLogisticsRoutes } from './http/logistics-routes.ts';
import { registerRuleRoutes } from './http/rule-routes.ts';
import {
  type AssignInput,
  type AssignResult,
  assignService as assignWithLocale,
} from './rules/assign-service.ts';

export { getCard, listCards, loadRatableServices } from './cards.ts';
export { carrierCodes } from './carriers.ts';
export { parsePriceSheet } from './import/parse-price-sheet.ts';
export { importRateCard } from './import-rate-card.ts';
export { quoteRates } from './quote-rates.ts';
export { shopRates } from './rating/shop-rates.ts';
export type { ParcelQuery, RateExclusion, RateLine, RateOption } from './rating/types.ts';
export type { AssignInput, AssignResult } from './rules/assign-service.ts';
export { createRule, listRules } from './rules/rules.ts';
export { seedDemoLogistics } from './seed-demo.ts';
export { createService, findServiceByCode, getService, listServices } from './services.ts';

/** Contract (issue 4): the service for an order, by the shop's rules; messages in English. */
export const assignService = (trx: Tx, shopId: string, input: AssignInput): Promise<AssignResult> =>
  assignWithLocale(trx, shopId, input);

export function registerLogistics(app: App, deps: Deps) {
  const db: Kysely<DB> = deps.database.db;
  registerLogisticsRoutes(app, db);
  registerRuleRoutes(app, db);
}
