/**
 * Inventory: warehouses (factory, domestic 3PL, overseas 3PL, marketplace-fulfilled, bonded), the
 * append-only stock ledger and the levels derived from it, reservations, transfers, stocktakes.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';

export function registerInventory(_app: App, _deps: Deps) {}
