/**
 * Tracking: tracking-number validation, tracking events from webhooks, aggregators and CSV, journeys stitched from legs, the public tracking page, exceptions and transit performance.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerTrackingAdminRoutes } from './http/admin-routes.ts';
import { registerPublicTrackingRoutes } from './http/public-routes.ts';
import { registerWebhookRoutes } from './http/webhook-routes.ts';
import { registerTrackingInsights } from './insights/index.ts';

export { type CsvImportResult, importTrackingEvents } from './events/import-csv.ts';
export {
  dedupeKey,
  type IngestResult,
  ingestTrackingEvents,
  type RawTrackingEvent,
} from './events/ingest.ts';
export { DEFAULT_TIME_ZONE, parseEventTime } from './events/local-time.ts';
export { normaliseEvent } from './events/normalise.ts';
export { getNumberTimeline, type NumberTimeline } from './journeys/number-timeline.ts';
export { refreshJourneys } from './journeys/refresh.ts';
export {
  addJourneyLeg,
  type JourneyLegInput,
  publicTrackingPath,
  type RegisteredJourney,
  type RegisterJourneyInput,
  registerJourney,
} from './journeys/register.ts';
export { getJourneyTimeline, type JourneyTimeline, type TimelineEvent } from './journeys/timeline.ts';
export {
  type CarrierCode,
  carrierCodes,
  carrierNames,
  checkTrackingNumber,
  isCarrierCode,
  type NumberCheck,
  normaliseTrackingNumber,
} from './numbers/index.ts';
export {
  legKinds,
  legModes,
  type Milestone,
  milestones,
  subStatuses,
  type TrackingStatus,
  trackingStatuses,
} from './tables.ts';

export function registerTracking(app: App, deps: Deps) {
  registerWebhookRoutes(app, deps);
  registerTrackingAdminRoutes(app, deps);
  registerPublicTrackingRoutes(app, deps);
  registerTrackingInsights(app, deps);
}
