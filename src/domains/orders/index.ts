/**
 * Orders: channel accounts, one order model for every channel with its lifecycle and history,
 * channel SKU mappings (and the queue of orders waiting on one), manual/social order entry, and
 * order imports from the files marketplaces export (Amazon, Shopee, TikTok Shop, AliExpress,
 * generic). Stock reservation is delegated through reserve-stock-hook.ts (wired by the lead).
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerChannelRoutes } from './http/channel-routes.ts';
import { registerOrderImportRoutes } from './http/import-routes.ts';
import { registerOrderRoutes } from './http/order-routes.ts';

export { changeOrderStatus } from './change-status.ts';
export { createChannelAccount, ensureChannelAccount, listChannelAccounts } from './channel-accounts.ts';
export { allowedTransitions, canAdvance, canTransition } from './core/lifecycle.ts';
export { createOrder } from './create-order.ts';
export { createSkuMapping } from './create-sku-mapping.ts';
export { getOrder, type OrderDetail } from './get-order.ts';
export type { ImportFormat } from './import/formats/index.ts';
export { type ImportOrdersInput, type ImportOrdersResult, importOrders } from './import/import-orders.ts';
export { listOrders } from './list-orders.ts';
export { needsStock, reserveStockForOrders, type StockCandidate } from './reserve-stock-hook.ts';
export { type Channel, type Component, channels, type OrderStatus, orderStatuses } from './tables.ts';

export function registerOrders(app: App, deps: Deps) {
  registerOrderRoutes(app, deps.database.db);
  registerChannelRoutes(app, deps.database.db);
  registerOrderImportRoutes(app, deps);
}
