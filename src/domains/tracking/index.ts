/**
 * Tracking: tracking-number validation, tracking events from webhooks, aggregators and CSV, journeys stitched from legs, the public tracking page, exceptions and transit performance.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerTracking(_app: App, _deps: Deps) {}
