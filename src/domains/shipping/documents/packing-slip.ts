/**
 * Packing slip (A4) that goes in the box for the buyer: ship-to, order references, items and
 * quantities (no prices), and a thank-you line.
 */
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import { A4_BOTTOM, A4_INNER, A4_M, a4Page } from './a4.ts';
import { invoiceLines, partyLines } from './commercial-invoice.ts';
import { type Column, captionBox, drawTable, pageNumbers } from './forms.ts';
import type { DocItem, ShipmentDoc } from './model.ts';
import { formatDate, openDoc } from './pdf-doc.ts';

const TITLE = 'PACKING SLIP';

const columns: Column<DocItem>[] = [
  { header: 'SKU', width: 110, cell: (i) => i.sku },
  { header: 'Item', width: A4_INNER - 170, cell: (i) => i.description },
  { header: 'Quantity', width: 60, align: 'right', cell: (i) => String(i.quantity) },
];

export async function renderPackingSlip(shipment: ShipmentDoc): Promise<Buffer> {
  const { doc, done } = openDoc(`Packing slip ${shipment.shipmentNumber}`, { bufferPages: true });
  const ref = `Order ${shipment.orderRefs.join(', ') || shipment.shipmentNumber}`;
  const newPage = () => a4Page(doc, TITLE, ref, true);
  let y = a4Page(doc, TITLE, ref);
  const half = A4_INNER / 2;
  captionBox(doc, { x: A4_M, y, width: half, height: 100 }, 'Ship to', partyLines(shipment.shipTo), {
    maxSize: 10,
  });
  const info = [
    `Order: ${shipment.orderRefs.join(', ') || '-'}`,
    `Shipment: ${shipment.shipmentNumber}`,
    `Date: ${formatDate(shipment.date)}`,
    `Parcels: ${shipment.parcels.length}`,
    ...shipment.parcels.filter((p) => p.trackingNumber).map((p) => `Tracking: ${p.trackingNumber}`),
  ];
  captionBox(doc, { x: A4_M + half, y, width: half, height: 100 }, 'Order', info, { maxSize: 9 });
  y += 112;
  const lines = invoiceLines(shipment);
  y = drawTable(doc, A4_M, y, columns, lines, { size: 9, bottom: A4_BOTTOM, newPage });
  if (y + 60 > A4_BOTTOM) y = newPage();
  y += 8;
  drawLine(doc, `Total items: ${lines.reduce((n, i) => n + i.quantity, 0)}`, A4_M, y, {
    size: 10,
    bold: true,
    width: A4_INNER,
    align: 'right',
  });
  y += 24;
  fitText(
    doc,
    [
      'Thank you for your order! If anything is wrong with it, please contact us and quote the order number above.',
    ],
    { x: A4_M, y, width: A4_INNER, height: 30 },
    { maxSize: 11, minSize: 8, align: 'center' },
  );
  pageNumbers(doc, `${shipment.seller.company ?? shipment.seller.name}`);
  return done();
}
