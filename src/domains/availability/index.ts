/**
 * Availability: what each channel account may sell (available-to-sell) from the stock of the
 * warehouses that feed it, shaped by safety buffers, shares, caps and per-SKU overrides, and
 * pushed to the channel — through its API connector, or as the channel's own upload file that
 * the seller confirms. Reads inventory (stock_levels, warehouses) and orders (channel accounts,
 * SKU mappings, sold SKUs); never writes to them.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerAvailabilityRoutes } from './http/routes.ts';

export { applyRule, poolUnits, type SkuOverride, type StockRule } from './ats.ts';
export { type AvailableRow, computeAvailable, eachAvailable } from './compute-available.ts';
export { listAvailableStock } from './list-available-stock.ts';
export { listStockFiles, markStockFileUploaded } from './mark-uploaded.ts';
export { type PushOutcome, pushStock } from './push-stock.ts';
export {
  amazonInventoryHeaders,
  createStockFile,
  fileFormatsFor,
  shopeeSalesInfoColumns,
  writeStockFile,
} from './stock-files.ts';
export { getStockRules, getStockRulesView, saveStockRules, stockRulesSchema } from './stock-rules.ts';

export function registerAvailability(app: App, deps: Deps) {
  registerAvailabilityRoutes(app, deps);
}
