import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const warehouseKinds = ['factory', 'domestic_3pl', 'overseas_3pl', 'marketplace', 'bonded'] as const;
export type WarehouseKind = (typeof warehouseKinds)[number];

export const movementKinds = [
  'receipt',
  'reservation',
  'release',
  'shipment',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'stocktake',
  'return',
  'writeoff',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export interface WarehousesTable {
  shop_id: string;
  id: string;
  code: string;
  name: string;
  kind: WarehouseKind;
  country: string;
  priority: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface StockMovementsTable {
  shop_id: string;
  id: Generated<number>;
  at: Timestamp;
  variant_id: string;
  warehouse_id: string;
  kind: MovementKind;
  on_hand_delta: Generated<number>;
  reserved_delta: Generated<number>;
  in_transit_delta: Generated<number>;
  ref_type: string | null;
  ref_id: string | null;
  reason: string | null;
  lot: string | null;
  received_on: ColumnType<string | null, string | null | undefined, string | null>;
  actor_user_id: string | null;
  idempotency_key: string | null;
}

export interface StockLevelsTable {
  shop_id: string;
  variant_id: string;
  warehouse_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  in_transit: Generated<number>;
  updated_at: Timestamp;
}

export interface StockReservationsTable {
  shop_id: string;
  id: Generated<number>;
  ref_type: string;
  ref_id: string;
  variant_id: string;
  warehouse_id: string;
  quantity: number;
  status: Generated<'active' | 'released' | 'shipped'>;
  created_at: Timestamp;
}

export interface TransferLine {
  variantId: string;
  quantity: number;
  received?: number;
  shortfall?: number;
}

export interface TransfersTable {
  shop_id: string;
  id: string;
  from_warehouse_id: string;
  to_warehouse_id: string;
  status: Generated<'in_transit' | 'received'>;
  reference: string | null;
  lines: Json<TransferLine[]>;
  shipped_at: Timestamp;
  received_at: Date | null;
}

export interface CountedLine {
  variantId: string;
  quantity: number;
}

export interface VarianceLine {
  variantId: string;
  sku: string;
  expected: number;
  counted: number;
  variance: number;
}

export interface StocktakesTable {
  shop_id: string;
  id: string;
  warehouse_id: string;
  status: Generated<'counted' | 'applied'>;
  counted: Json<CountedLine[]>;
  variance: Json<VarianceLine[]>;
  created_at: Timestamp;
  applied_at: Date | null;
}

/** Inventory tables: warehouses, the append-only stock ledger, its cached levels, reservations. */
export interface InventoryTables {
  warehouses: WarehousesTable;
  stock_movements: StockMovementsTable;
  stock_levels: StockLevelsTable;
  stock_reservations: StockReservationsTable;
  transfers: TransfersTable;
  stocktakes: StocktakesTable;
}
