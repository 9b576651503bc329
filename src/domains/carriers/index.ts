/**
 * Carrier API connectors (forwarder open APIs): accounts with sealed credentials, buying labels and tracking numbers, fetching labels, cancelling.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerCarriers(_app: App, _deps: Deps) {}
