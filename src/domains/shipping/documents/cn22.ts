/**
 * UPU CN 22 customs declaration (items up to 300 SDR), one per parcel on 100×150 mm label stock:
 * category boxes, per-item description/quantity, weight, value, HS number and origin, totals,
 * the declaration and the date/signature line. Items that do not fit continue on a second page.
 */
import { formatKg, formatMoney } from '../../../platform/pdf/money.ts';
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import { categories, declarationText, formatTotals, lineValueMinor, lineWeightG } from './customs.ts';
import { type Column, checkBox, drawTable } from './forms.ts';
import type { DocItem, ParcelDoc } from './model.ts';
import { formatDate, LABEL_SIZE, openDoc } from './pdf-doc.ts';

const [W, H] = LABEL_SIZE;
const M = 8;
const INNER = W - 2 * M;

const columns: Column<DocItem>[] = [
  {
    header: 'Quantity and detailed description of contents (1)',
    width: 104,
    cell: (i) => `${i.quantity} × ${i.description}`,
  },
  { header: 'Weight (kg) (2)', width: 40, align: 'right', cell: (i) => formatKg(lineWeightG(i)) },
  { header: 'Value (3)', width: 52, align: 'right', cell: (i) => formatMoney(lineValueMinor(i), i.currency) },
  { header: 'HS tariff No. (4)', width: 42, cell: (i) => i.hsCode ?? '' },
  { header: 'Origin (5)', width: INNER - 238, cell: (i) => i.originCountry.toUpperCase() },
];

export async function renderCn22(parcels: ParcelDoc[]): Promise<Buffer> {
  const { doc, done } = openDoc('CN 22');
  for (const parcel of parcels) drawCn22(doc, parcel);
  return done();
}

function drawCn22(doc: PDFKit.PDFDocument, parcel: ParcelDoc): void {
  doc.addPage({ size: LABEL_SIZE, margin: 0 });
  doc
    .lineWidth(0.8)
    .rect(M / 2, M / 2, W - M, H - M)
    .stroke();
  drawLine(doc, 'CUSTOMS DECLARATION', M, M, { size: 10, bold: true });
  drawLine(doc, 'CN 22', M, M - 1, { size: 16, bold: true, width: INNER, align: 'right' });
  drawLine(doc, 'May be opened officially', M, M + 13, { size: 6.5 });
  fitText(
    doc,
    [`Designated operator: ${parcel.service.carrier.toUpperCase()} — ${parcel.service.name}`],
    { x: M, y: M + 22, width: INNER, height: 9 },
    { maxSize: 6.5, minSize: 4.5 },
  );
  fitText(
    doc,
    [
      `Item ${parcel.trackingNumber || parcel.shipmentNumber}   Shipment ${parcel.shipmentNumber} (${parcel.parcelNo}/${parcel.parcelCount})`,
    ],
    { x: M, y: M + 31, width: INNER, height: 9 },
    { maxSize: 6.5, minSize: 4.5 },
  );

  // Category boxes, two columns.
  let y = M + 43;
  categories.forEach((c, i) => {
    const x = M + (i % 2) * (INNER / 2);
    checkBox(doc, x, y + Math.floor(i / 2) * 10, parcel.contents === c.key, c.label, 7);
  });
  y += 32;
  drawLine(doc, 'Tick one or more boxes', M, y - 1, { size: 5, color: '#555' });
  y += 6;

  const bottomReserve = 118; // totals + declaration + signature
  y = drawTable(doc, M, y, columns, parcel.items, {
    size: 6,
    bottom: H - M - bottomReserve,
    newPage: () => {
      doc.addPage({ size: LABEL_SIZE, margin: 0 });
      drawLine(doc, `CN 22 (continued) — ${parcel.trackingNumber || parcel.shipmentNumber}`, M, M, {
        size: 8,
        bold: true,
      });
      return M + 14;
    },
  });

  // Totals: gross weight of the item and the total value.
  y += 3;
  doc
    .lineWidth(0.5)
    .rect(M, y, 144, 22)
    .stroke()
    .rect(M + 144, y, INNER - 144, 22)
    .stroke();
  drawLine(doc, 'Total weight (kg) (6)', M + 2, y + 1.5, { size: 5.5, color: '#444' });
  drawLine(doc, formatKg(parcel.weightG), M + 2, y + 9, { size: 9, bold: true, width: 138, align: 'right' });
  drawLine(doc, 'Total value (7)', M + 146, y + 1.5, { size: 5.5, color: '#444' });
  fitText(
    doc,
    [formatTotals(parcel.items)],
    { x: M + 146, y: y + 9, width: INNER - 150, height: 12 },
    { maxSize: 9, minSize: 5, bold: true, align: 'right' },
  );
  y += 26;

  const decl = fitText(
    doc,
    [declarationText],
    { x: M, y, width: INNER, height: 40 },
    { maxSize: 6, minSize: 4.5 },
  );
  y += decl.height + 6;
  drawLine(doc, "Date and sender's signature (8)", M, y, { size: 5.5, color: '#444' });
  fitText(
    doc,
    [
      `${formatDate(parcel.createdAt)}   ${parcel.sender.name}${parcel.sender.company ? ` (${parcel.sender.company})` : ''}`,
    ],
    { x: M, y: y + 8, width: INNER, height: 10 },
    { maxSize: 8, minSize: 5 },
  );
  doc
    .lineWidth(0.5)
    .moveTo(M, y + 34)
    .lineTo(W - M, y + 34)
    .stroke();
}
