/**
 * Connectors: channel APIs (Shopee Open Platform v2, Amazon SP-API) — sealed credentials, shop
 * authorisation, scheduled resumable order sync into the orders domain (writeOrderBatch), and
 * stock pushes for the availability domain (push-stock.ts), and the write-back of shipments to
 * channels (confirm-shipments/: API confirmations or the channel's upload file).
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerShipmentConfirmationRoutes } from './confirm-shipments/routes.ts';
import { registerConnectorRoutes } from './http/connector-routes.ts';

export { CARRIER_NAMES, channelCarrier } from './confirm-shipments/carrier-map.ts';
export {
  exportConfirmationFile,
  loadBatchFile,
  markConfirmationsUploaded,
  writeConfirmationFile,
} from './confirm-shipments/files.ts';
export { listConfirmations } from './confirm-shipments/list.ts';
export { type PushResult, pushShipmentConfirmations } from './confirm-shipments/push.ts';
export {
  confirmableChannels,
  recordShipmentConfirmations,
  type ShipmentConfirmationInput,
} from './confirm-shipments/record.ts';
export { pushStockThroughConnector, type StockPushOutcome, type StockQuantity } from './push-stock.ts';
export { syncAccount } from './sync/run-sync.ts';
export { type SyncScheduler, startSyncScheduler, syncEnabled } from './sync/scheduler.ts';

export function registerConnectors(app: App, deps: Deps) {
  registerConnectorRoutes(app, deps);
  registerShipmentConfirmationRoutes(app, deps);
}
