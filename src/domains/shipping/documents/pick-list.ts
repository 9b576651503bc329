/**
 * Pick list (A4) for the warehouse: rows grouped by location then SKU with quantities summed,
 * a check box per row, and the shipment numbers each row is for. Rows without a location come last.
 */
import { drawLine } from '../../../platform/pdf/text.ts';
import { A4_BOTTOM, A4_M, a4Page } from './a4.ts';
import { type Column, drawTable, pageNumbers } from './forms.ts';
import type { PickItem } from './model.ts';
import { openDoc } from './pdf-doc.ts';

export interface PickRow {
  location: string | null;
  sku: string;
  title: string;
  quantity: number;
  shipments: string[];
  orders: string[];
}

export function pickRows(items: PickItem[]): PickRow[] {
  const rows = new Map<string, PickRow>();
  for (const item of items) {
    const location = item.location?.trim() || null;
    const key = `${location ?? ''}\u0000${item.sku}`;
    let row = rows.get(key);
    if (!row) {
      row = { location, sku: item.sku, title: item.title, quantity: 0, shipments: [], orders: [] };
      rows.set(key, row);
    }
    row.quantity += item.quantity;
    if (!row.shipments.includes(item.shipmentNumber)) row.shipments.push(item.shipmentNumber);
    if (!row.orders.includes(item.orderRef)) row.orders.push(item.orderRef);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows.values()].sort((a, b) => {
    if (a.location !== b.location) {
      if (a.location === null) return 1;
      if (b.location === null) return -1;
      return a.location.localeCompare(b.location, 'en', { numeric: true });
    }
    return byText(a.sku, b.sku);
  });
}

const columns: Column<PickRow>[] = [
  { header: '', width: 22, cell: () => '', checkbox: true },
  { header: 'Location 库位', width: 70, cell: (r) => r.location ?? '—' },
  { header: 'SKU', width: 90, cell: (r) => r.sku },
  { header: 'Item 商品', width: 185, cell: (r) => r.title },
  { header: 'Qty 数量', width: 45, align: 'right', cell: (r) => String(r.quantity) },
  { header: 'Shipments 发货单', width: 103, cell: (r) => r.shipments.join(', ') },
];

export async function renderPickList(items: PickItem[], title = 'PICK LIST 拣货单'): Promise<Buffer> {
  const { doc, done } = openDoc(title, { bufferPages: true });
  const rows = pickRows(items);
  const total = rows.reduce((n, r) => n + r.quantity, 0);
  const shipments = new Set(items.map((i) => i.shipmentNumber)).size;
  const ref = `${shipments} shipments · ${rows.length} lines · ${total} pcs`;
  let y = a4Page(doc, title, ref);
  y = drawTable(doc, A4_M, y, columns, rows, {
    size: 8.5,
    bottom: A4_BOTTOM,
    newPage: () => a4Page(doc, title, ref, true),
  });
  if (rows.length === 0) drawLine(doc, 'Nothing to pick.', A4_M, y + 10, { size: 10 });
  pageNumbers(doc, title);
  return done();
}
