/**
 * Packing list (A4): one section per parcel with its tracking number, dimensions, items and
 * net/gross weight, then totals for the shipment. No prices.
 */
import { formatKg } from '../../../platform/pdf/money.ts';
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import { A4_BOTTOM, A4_INNER, A4_M, a4Page } from './a4.ts';
import { partyLines } from './commercial-invoice.ts';
import { lineWeightG, netWeightG } from './customs.ts';
import { type Column, captionBox, drawTable, pageNumbers } from './forms.ts';
import type { DocItem, ShipmentDoc } from './model.ts';
import { formatDate, openDoc } from './pdf-doc.ts';

const TITLE = 'PACKING LIST 装箱单';

const columns: Column<DocItem>[] = [
  { header: 'SKU', width: 90, cell: (i) => i.sku },
  {
    header: 'Description / 品名',
    width: 230,
    cell: (i) => [i.description, i.descriptionZh].filter(Boolean).join(' / '),
  },
  { header: 'HS code', width: 60, cell: (i) => i.hsCode ?? '' },
  { header: 'Qty', width: 40, align: 'right', cell: (i) => String(i.quantity) },
  { header: 'Net weight kg', width: A4_INNER - 420, align: 'right', cell: (i) => formatKg(lineWeightG(i)) },
];

export async function renderPackingList(shipment: ShipmentDoc): Promise<Buffer> {
  const { doc, done } = openDoc(`Packing list ${shipment.shipmentNumber}`, { bufferPages: true });
  const ref = `Shipment ${shipment.shipmentNumber}`;
  const newPage = () => a4Page(doc, TITLE, ref, true);
  let y = a4Page(doc, TITLE, ref);
  const half = A4_INNER / 2;
  captionBox(doc, { x: A4_M, y, width: half, height: 96 }, 'Shipper', partyLines(shipment.seller));
  captionBox(doc, { x: A4_M + half, y, width: half, height: 96 }, 'Ship to', partyLines(shipment.shipTo));
  y += 100;
  fitText(
    doc,
    [
      `Date: ${formatDate(shipment.date)}    Invoice: ${shipment.invoiceNumber}    Order ref.: ${shipment.orderRefs.join(', ') || '-'}`,
    ],
    { x: A4_M, y, width: A4_INNER, height: 12 },
    { maxSize: 8.5, minSize: 6 },
  );
  y += 18;

  for (const parcel of shipment.parcels) {
    if (y + 60 > A4_BOTTOM) y = newPage();
    const dims = parcel.dimsMm
      ? `${parcel.dimsMm.l} × ${parcel.dimsMm.w} × ${parcel.dimsMm.h} mm`
      : 'dims n/a';
    const head = `Parcel ${parcel.parcelNo}/${parcel.parcelCount}   ${parcel.trackingNumber ?? '(no tracking number yet)'}   ${dims}   Net ${formatKg(netWeightG(parcel.items))} kg   Gross ${formatKg(parcel.weightG)} kg`;
    fitText(doc, [head], { x: A4_M, y, width: A4_INNER, height: 13 }, { maxSize: 9, minSize: 6, bold: true });
    y += 14;
    y = drawTable(doc, A4_M, y, columns, parcel.items, { size: 7.5, bottom: A4_BOTTOM, newPage });
    y += 10;
  }

  if (y + 50 > A4_BOTTOM) y = newPage();
  const qty = shipment.parcels.reduce((n, p) => n + p.items.reduce((m, i) => m + i.quantity, 0), 0);
  const net = shipment.parcels.reduce((g, p) => g + netWeightG(p.items), 0);
  const gross = shipment.parcels.reduce((g, p) => g + p.weightG, 0);
  drawLine(
    doc,
    `Totals: ${shipment.parcels.length} parcels   ${qty} pieces   Net weight ${formatKg(net)} kg   Gross weight ${formatKg(gross)} kg`,
    A4_M,
    y,
    { size: 9.5, bold: true },
  );
  pageNumbers(doc, `Packing list · ${shipment.shipmentNumber}`);
  return done();
}
