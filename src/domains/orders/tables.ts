// Orders tables (channel accounts, orders, lines, history, SKU mappings). Filled in by the orders work.
export type OrdersTables = {};
