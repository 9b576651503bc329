/**
 * Carrier API connectors (forwarder open APIs: 4PX, YunExpress): accounts with sealed credentials,
 * buying labels and tracking numbers idempotently, fetching stored labels, cancelling, and pulling
 * tracking events into the tracking domain.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerCarrierRoutes } from './http/carrier-routes.ts';

export { getAccount, listAccounts } from './accounts.ts';
export { cancelCarrierOrder } from './cancel-order.ts';
export { fetchStoredLabel } from './fetch-label.ts';
export { pullOpenLabels, pullTracking } from './pull-tracking.ts';
export { type PurchasedLabel, purchaseLabel } from './purchase-label.ts';
export { type SupportedCarrier, supportedCarriers } from './tables.ts';

export function registerCarriers(app: App, deps: Deps) {
  registerCarrierRoutes(app, deps);
}
