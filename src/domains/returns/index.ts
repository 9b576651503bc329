/**
 * Returns (RMA): a return is opened from an order for some of its lines, the goods are received
 * into a warehouse as sellable, quarantine or write-off through the inventory ledger (bundles as
 * their components), quarantine is later released or written off, and the refund is recorded;
 * the order follows return_requested → returned → refunded through its own lifecycle.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerReturnRoutes } from './http/return-routes.ts';

export { cancelRma } from './cancel-rma.ts';
export { createRma } from './create-rma.ts';
export { getRma, type RmaDetail } from './get-rma.ts';
export { listRmas } from './list-rmas.ts';
export { receiveRma } from './receive-rma.ts';
export { refundRma } from './refund-rma.ts';
export { releaseQuarantine } from './release-quarantine.ts';
export { type RmaReason, type RmaStatus, rmaReasons, rmaStatuses } from './tables.ts';

export function registerReturns(app: App, deps: Deps) {
  registerReturnRoutes(app, deps.database.db);
}
