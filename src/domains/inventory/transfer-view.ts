import type { Selectable } from 'kysely';
import type { TransferLine, TransfersTable } from './tables.ts';

export interface Transfer {
  id: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  status: 'in_transit' | 'received';
  reference: string | null;
  lines: TransferLine[];
  shippedAt: Date;
  receivedAt: Date | null;
}

export const transferView = (t: Selectable<TransfersTable>): Transfer => ({
  id: t.id,
  fromWarehouseId: t.from_warehouse_id,
  toWarehouseId: t.to_warehouse_id,
  status: t.status,
  reference: t.reference,
  lines: t.lines,
  shippedAt: t.shipped_at,
  receivedAt: t.received_at,
});
