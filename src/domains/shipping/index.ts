/**
 * Shipments: parcels packed from orders (split and merge), stock out through the ledger, documents (labels, CN22/CN23, invoices, packing lists) and scan-to-ship.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerShipping(_app: App, _deps: Deps) {}
