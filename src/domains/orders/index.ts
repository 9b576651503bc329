/**
 * Orders: channel accounts, one order model for every channel with its lifecycle and history,
 * channel SKU mappings, and order imports from the files marketplaces export.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerOrders(_app: App, _deps: Deps) {}
