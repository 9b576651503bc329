/**
 * UPU CN 23 customs declaration on A4, one per parcel (items table continues on further pages):
 * sender/addressee with customs and importer references (IOSS/VAT/EORI), items with HS number,
 * origin, net weight and value, totals, category and explanation, comments, licence/certificate/
 * invoice boxes, postal charges, non-delivery instructions, declaration and signature.
 * Box numbers follow the UPU form ((1)…(15)).
 */
import { drawCode128 } from '../../../platform/pdf/barcode.ts';
import { formatKg, formatMoney } from '../../../platform/pdf/money.ts';
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import { categories, cn23DeclarationText, formatTotals, lineValueMinor, lineWeightG } from './customs.ts';
import { type Column, captionBox, checkBox, drawTable } from './forms.ts';
import type { DocAddress, DocItem, ParcelDoc } from './model.ts';
import { A4, countryLabel, formatDate, openDoc } from './pdf-doc.ts';

const [W, H] = A4;
const M = 36;
const INNER = W - 2 * M;

const columns: Column<DocItem>[] = [
  {
    header: 'Detailed description of contents (1)',
    width: 190,
    cell: (i) => [i.description, i.descriptionZh].filter(Boolean).join(' / '),
  },
  { header: 'Quantity (2)', width: 50, align: 'right', cell: (i) => String(i.quantity) },
  { header: 'Net weight (kg) (3)', width: 60, align: 'right', cell: (i) => formatKg(lineWeightG(i)) },
  { header: 'Value (5)', width: 80, align: 'right', cell: (i) => formatMoney(lineValueMinor(i), i.currency) },
  { header: 'HS tariff number (7)', width: 70, cell: (i) => i.hsCode ?? '' },
  {
    header: 'Country of origin of goods (8)',
    width: INNER - 450,
    cell: (i) => `${countryLabel(i.originCountry)} (${i.originCountry.toUpperCase()})`,
  },
];

export async function renderCn23(parcels: ParcelDoc[]): Promise<Buffer> {
  const { doc, done } = openDoc('CN23', { bufferPages: true });
  for (const parcel of parcels) drawCn23(doc, parcel);
  return done();
}

function party(a: DocAddress): string[] {
  return [
    a.name,
    ...(a.company ? [a.company] : []),
    ...a.lines.filter((l) => l.trim() !== ''),
    [a.postcode, a.city, a.region].filter(Boolean).join(' '),
    `${countryLabel(a.country)} (${a.country.toUpperCase()})`,
  ];
}

function drawCn23(doc: PDFKit.PDFDocument, parcel: ParcelDoc): void {
  doc.addPage({ size: A4, margin: 0 });
  const item = parcel.trackingNumber || parcel.shipmentNumber;
  fitText(
    doc,
    [parcel.service.carrier.toUpperCase(), parcel.service.name],
    { x: M, y: M, width: 160, height: 28 },
    { maxSize: 9, minSize: 6, bold: true },
  );
  drawLine(doc, 'CUSTOMS DECLARATION', M + 170, M, { size: 12, bold: true });
  drawLine(doc, 'May be opened officially', M + 170, M + 16, { size: 7 });
  drawLine(doc, 'CN23', M, M - 2, { size: 20, bold: true, width: INNER, align: 'right' });
  drawCode128(doc, item, { x: M + 330, y: M + 26, width: INNER - 330, height: 26 });
  drawLine(doc, `No. of item: ${item}`, M + 330, M + 54, { size: 7, width: INNER - 330, align: 'center' });

  let y = M + 66;
  const half = INNER / 2;
  captionBox(doc, { x: M, y, width: half, height: 92 }, 'From (sender)', party(parcel.sender), {
    maxSize: 8.5,
  });
  captionBox(doc, { x: M + half, y, width: half, height: 92 }, 'To (addressee)', party(parcel.recipient), {
    maxSize: 10,
    bold: false,
  });
  y += 92;
  captionBox(doc, { x: M, y, width: half, height: 26 }, "Sender's customs reference (if any) / Tel.", [
    [parcel.senderReference, parcel.sender.phone].filter(Boolean).join('   '),
  ]);
  captionBox(
    doc,
    { x: M + half, y, width: half / 2, height: 26 },
    "Importer's reference (tax code/VAT No./IOSS/EORI)",
    [parcel.importerReference ?? ''],
    { bold: true },
  );
  captionBox(doc, { x: M + half * 1.5, y, width: half / 2, height: 26 }, "Importer's telephone/fax/e-mail", [
    [parcel.recipient.phone, parcel.recipient.email].filter(Boolean).join(' '),
  ]);
  y += 32;

  y = drawTable(doc, M, y, columns, parcel.items, {
    size: 7.5,
    bottom: H - M - 330,
    newPage: () => {
      doc.addPage({ size: A4, margin: 0 });
      drawLine(doc, `CN23 (continued) — item ${item}`, M, M, { size: 10, bold: true });
      return M + 20;
    },
  });
  y += 4;
  const third = INNER / 3;
  captionBox(
    doc,
    { x: M, y, width: third, height: 28 },
    'Total gross weight (kg) (4)',
    [formatKg(parcel.weightG)],
    { bold: true, maxSize: 11, align: 'right' },
  );
  captionBox(
    doc,
    { x: M + third, y, width: third, height: 28 },
    'Total value (6)',
    [formatTotals(parcel.items)],
    { bold: true, maxSize: 11, align: 'right' },
  );
  captionBox(doc, { x: M + 2 * third, y, width: third, height: 28 }, 'Postal charges/Fees (9)', []);
  y += 34;

  // Category of item (10) with explanation.
  doc.lineWidth(0.5).rect(M, y, INNER, 44).stroke();
  drawLine(doc, 'Category of item (10)', M + 2, y + 1.5, { size: 5.5, color: '#444' });
  categories.forEach((c, i) => {
    checkBox(
      doc,
      M + 6 + (i % 3) * 120,
      y + 11 + Math.floor(i / 3) * 13,
      parcel.contents === c.key,
      c.label,
      8,
    );
  });
  fitText(
    doc,
    [`Explanation: ${parcel.contents === 'other' ? 'Other' : ''}`],
    { x: M + 370, y: y + 10, width: INNER - 374, height: 30 },
    { maxSize: 7, minSize: 5 },
  );
  y += 50;

  const comments = parcel.battery ? `Contains lithium batteries (${parcel.battery}).` : '';
  captionBox(
    doc,
    { x: M, y, width: INNER, height: 34 },
    'Comments (11): e.g. goods subject to quarantine, sanitary/phytosanitary inspection or other restrictions',
    [comments],
  );
  y += 40;

  captionBox(doc, { x: M, y, width: third, height: 30 }, 'Licence (12) — No(s). of licence(s)', []);
  captionBox(
    doc,
    { x: M + third, y, width: third, height: 30 },
    'Certificate (13) — No(s). of certificate(s)',
    [],
  );
  captionBox(doc, { x: M + 2 * third, y, width: third, height: 30 }, 'Invoice (14) — No. of invoice', []);
  y += 36;

  doc.lineWidth(0.5).rect(M, y, INNER, 24).stroke();
  drawLine(doc, 'Instructions in case of non-delivery', M + 2, y + 1.5, { size: 5.5, color: '#444' });
  checkBox(doc, M + 6, y + 11, false, 'Return to sender', 8);
  checkBox(doc, M + 126, y + 11, false, 'Treat as abandoned', 8);
  y += 30;

  captionBox(doc, { x: M, y, width: half, height: 26 }, 'Office of origin / Date of posting', [
    formatDate(parcel.createdAt),
  ]);
  captionBox(doc, { x: M + half, y, width: half, height: 26 }, 'Shipment / parcel', [
    `${parcel.shipmentNumber}  ${parcel.parcelNo}/${parcel.parcelCount}  ${parcel.orderRefs.join(', ')}`,
  ]);
  y += 32;

  fitText(doc, [cn23DeclarationText], { x: M, y, width: INNER, height: 22 }, { maxSize: 8, minSize: 5 });
  y += 26;
  drawLine(doc, "Date and sender's signature (15)", M, y, { size: 5.5, color: '#444' });
  fitText(
    doc,
    [`${formatDate(parcel.createdAt)}   ${parcel.sender.name}`],
    { x: M, y: y + 9, width: half - 8, height: 12 },
    { maxSize: 9, minSize: 5 },
  );
  doc
    .lineWidth(0.5)
    .moveTo(M + half, y + 30)
    .lineTo(W - M, y + 30)
    .stroke();
}
