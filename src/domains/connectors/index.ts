/**
 * Connectors: channel APIs (Shopee Open Platform v2, Amazon SP-API) — sealed credentials, shop
 * authorisation, scheduled resumable order sync into the orders domain (writeOrderBatch), and
 * stock pushes for the availability domain (push-stock.ts).
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerConnectorRoutes } from './http/connector-routes.ts';

export { pushStockThroughConnector, type StockPushOutcome, type StockQuantity } from './push-stock.ts';
export { syncAccount } from './sync/run-sync.ts';
export { type SyncScheduler, startSyncScheduler, syncEnabled } from './sync/scheduler.ts';

export function registerConnectors(app: App, deps: Deps) {
  registerConnectorRoutes(app, deps);
}
