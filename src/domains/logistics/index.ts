/**
 * Logistics services (forwarder and carrier products) with rate cards imported from forwarders' price sheets, rate shopping and assignment rules.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerLogistics(_app: App, _deps: Deps) {}
