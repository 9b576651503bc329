import type { Selectable } from 'kysely';
import type { WarehouseKind, WarehousesTable } from './tables.ts';

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  kind: WarehouseKind;
  country: string;
  priority: number;
  active: boolean;
  createdAt: Date;
}

export const warehouseView = (w: Selectable<WarehousesTable>): Warehouse => ({
  id: w.id,
  code: w.code,
  name: w.name,
  kind: w.kind,
  country: w.country.trim(),
  priority: w.priority,
  active: w.active,
  createdAt: w.created_at,
});
