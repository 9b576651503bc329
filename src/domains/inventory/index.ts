/**
 * Inventory: warehouses (factory, domestic 3PL, overseas 3PL, marketplace-fulfilled, bonded), the
 * append-only stock ledger and the levels derived from it, reservations, transfers, stocktakes.
 * Every stock change is a stock_movements row posted together with its stock_levels update; other
 * domains (orders) reserve, release and ship through the functions below, inside their own
 * withShop transaction.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerAgeingRoutes } from './http/ageing-routes.ts';
import { registerStockRoutes } from './http/stock-routes.ts';
import { registerTransferRoutes } from './http/transfer-routes.ts';
import { registerWarehouseRoutes } from './http/warehouse-routes.ts';

export { type AdjustStockInput, adjustStock } from './adjust-stock.ts';
export { applyStocktake } from './apply-stocktake.ts';
export { type CreateTransferInput, createTransfer, getTransfer } from './create-transfer.ts';
export { createWarehouse, type WarehouseInput } from './create-warehouse.ts';
export { getStocktake } from './get-stocktake.ts';
export { available, type Level, levelsFrom, violations } from './ledger.ts';
export { type LevelView, readLevels } from './level-view.ts';
export { type ListMovementsInput, listMovements, type MovementRow } from './list-movements.ts';
export { type ListStockLevelsInput, listStockLevels, type StockLevelRow } from './list-stock-levels.ts';
export { listTransfers } from './list-transfers.ts';
export { listWarehouses } from './list-warehouses.ts';
export { type ReceiveStockInput, receiveStock, type StockChangeResult } from './receive-stock.ts';
export { type ReceiveTransferInput, receiveTransfer } from './receive-transfer.ts';
export { type RecordStocktakeInput, recordStocktake, type Stocktake } from './record-stocktake.ts';
export { releaseReservation } from './release-reservation.ts';
export { reservationsOf } from './reservations-of.ts';
export {
  type Allocation,
  type ReserveStockInput,
  type ReserveStockResult,
  reserveStock,
  type Shortage,
} from './reserve-stock.ts';
export { resolveVariants, resolveWarehouse } from './resolve.ts';
export { type ReturnStockInput, returnStock } from './return-stock.ts';
export type { ReservationRef } from './settle-reservation.ts';
export { shipReservation } from './ship-reservation.ts';
export { type MovementKind, type WarehouseKind, warehouseKinds } from './tables.ts';
export type { Transfer } from './transfer-view.ts';
export { updateWarehouse } from './update-warehouse.ts';
export type { Warehouse } from './warehouse-view.ts';

export function registerInventory(app: App, deps: Deps) {
  const db = deps.database.db;
  registerWarehouseRoutes(app, db);
  registerStockRoutes(app, db);
  registerAgeingRoutes(app, db);
  registerTransferRoutes(app, db);
}
