// Inventory tables (warehouses, the stock ledger, cached levels). Filled in by the inventory work.
export type InventoryTables = {};
