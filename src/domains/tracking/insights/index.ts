/**
 * Tracking insights: the exceptions worklist (stuck parcels by per-route thresholds, customs holds,
 * returns to sender, failed deliveries, expired and never-scanned parcels) computed from the
 * tracking domain's journeys and events, actions on it, transit performance (p50/p90, on-time
 * rate) and the admin's journey list and detail. Reads the tracking tables directly (same domain).
 */
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { registerInsightsRoutes } from './http/insights-routes.ts';

export { defaultThresholds, pickThreshold } from './defaults.ts';
export { listExceptions } from './list-exceptions.ts';
export { transitPerformance } from './performance.ts';
export { percentile } from './stats.ts';
export { type ExceptionKind, exceptionKinds } from './tables.ts';

export function registerTrackingInsights(app: App, deps: Deps) {
  registerInsightsRoutes(app, deps.database.db);
}
