/**
 * The 100×150 mm (4×6″) shipping label: carrier and service, sender, large recipient block,
 * Code 128 of the tracking number (or the Cunkou shipment number when the carrier has not
 * given one yet), shipment/parcel/weight/order references, battery and COD marks, and a short
 * CN22-style contents line. Every text block is fitted to its box with the font metrics.
 */
import { drawCode128 } from '../../../platform/pdf/barcode.ts';
import { formatKg, formatMoney } from '../../../platform/pdf/money.ts';
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import type { ParcelDoc } from './model.ts';
import { addressLines, countryLabel, LABEL_SIZE } from './pdf-doc.ts';

const [W, H] = LABEL_SIZE;
const M = 8; // margin, pt
const INNER = W - 2 * M;

export const contentsLabel: Record<ParcelDoc['contents'], string> = {
  merchandise: 'Merchandise',
  gift: 'Gift',
  documents: 'Documents',
  sample: 'Commercial sample',
  returned_goods: 'Returned goods',
  other: 'Other',
};

export function barcodeValue(parcel: ParcelDoc): string {
  return (parcel.trackingNumber ?? '').trim() || parcel.shipmentNumber;
}

/** Sum of item values per currency, in minor units (integers only). */
export function itemsTotal(parcel: ParcelDoc): { amountMinor: number; currency: string } {
  const currency = parcel.items[0]?.currency ?? 'USD';
  let amountMinor = 0;
  for (const item of parcel.items) amountMinor += item.quantity * item.unitValueMinor;
  return { amountMinor, currency };
}

export function drawLabel(doc: PDFKit.PDFDocument, parcel: ParcelDoc): void {
  doc.addPage({ size: LABEL_SIZE, margin: 0 });
  doc.lineWidth(0.8).strokeColor('black');
  doc.rect(M / 2, M / 2, W - M, H - M).stroke();

  // Header: carrier + service (left), marks (right).
  const marks: string[] = [];
  if (parcel.battery) marks.push(`LITHIUM ${parcel.battery}`);
  if (parcel.codAmount)
    marks.push(`COD ${formatMoney(parcel.codAmount.amountMinor, parcel.codAmount.currency)}`);
  const markWidth = marks.length > 0 ? 100 : 0;
  fitText(
    doc,
    [parcel.service.carrier.toUpperCase(), parcel.service.name],
    { x: M, y: M, width: INNER - markWidth - 4, height: 34 },
    { maxSize: 12, minSize: 6, bold: true },
  );
  if (marks.length > 0) {
    const bx = W - M - markWidth;
    doc.rect(bx, M, markWidth, 34).lineWidth(1.5).stroke().lineWidth(0.8);
    fitText(
      doc,
      marks,
      { x: bx + 3, y: M + 2, width: markWidth - 6, height: 30 },
      { maxSize: 9, minSize: 5, bold: true, align: 'center' },
    );
  }
  hline(doc, M + 38);

  // Sender.
  drawLine(doc, 'FROM 寄件人', M, M + 41, { size: 6, color: '#444' });
  fitText(
    doc,
    senderLines(parcel.sender),
    { x: M, y: M + 49, width: INNER, height: 50 },
    { maxSize: 8, minSize: 4.5 },
  );
  hline(doc, M + 102);

  // Recipient: the biggest block; country on its own bold line so sorters see it first.
  const ry = M + 105;
  drawLine(doc, 'TO 收件人', M, ry, { size: 6, color: '#444' });
  const country = `${countryLabel(parcel.recipient.country)} ${parcel.recipient.country.toUpperCase()}`;
  const recipient = addressLines(parcel.recipient, { withPhone: true }).slice(
    0,
    -1 - (parcel.recipient.phone ? 1 : 0),
  );
  const nameFit = fitText(
    doc,
    [parcel.recipient.name],
    { x: M, y: ry + 8, width: INNER, height: 17 },
    { maxSize: 13, minSize: 7, bold: true },
  );
  const restY = ry + 8 + Math.max(nameFit.height, 14) + 1;
  fitText(
    doc,
    [...recipient.slice(1), ...(parcel.recipient.phone ? [`Tel: ${parcel.recipient.phone}`] : [])],
    { x: M, y: restY, width: INNER, height: ry + 118 - restY },
    { maxSize: 11, minSize: 5.5 },
  );
  fitText(
    doc,
    [country],
    { x: M, y: ry + 120, width: INNER, height: 18 },
    { maxSize: 14, minSize: 8, bold: true },
  );
  hline(doc, ry + 141);

  // Barcode with human-readable text.
  const code = barcodeValue(parcel);
  const by = ry + 146;
  drawCode128(doc, code, { x: M + 4, y: by, width: INNER - 8, height: 56 });
  fitText(
    doc,
    [code],
    { x: M, y: by + 58, width: INNER, height: 14 },
    { maxSize: 11, minSize: 6, bold: true, align: 'center' },
  );
  hline(doc, by + 75);

  // References.
  const iy = by + 78;
  const dims = parcel.dimsMm ? `  ${parcel.dimsMm.l}×${parcel.dimsMm.w}×${parcel.dimsMm.h} mm` : '';
  const refs = [
    `Shipment ${parcel.shipmentNumber}   Parcel ${parcel.parcelNo}/${parcel.parcelCount}`,
    `Weight ${formatKg(parcel.weightG)} kg${dims}   Service ${parcel.service.code}`,
    `Order ${parcel.orderRefs.join(', ') || '-'}${parcel.senderReference ? `   Ref ${parcel.senderReference}` : ''}`,
  ];
  fitText(doc, refs, { x: M, y: iy, width: INNER, height: 34 }, { maxSize: 8, minSize: 4.5 });
  hline(doc, iy + 36);

  // CN22-style contents summary.
  const total = itemsTotal(parcel);
  const summary = parcel.items
    .map((i) => `${i.quantity}× ${i.description}${i.hsCode ? ` HS ${i.hsCode}` : ''}`)
    .join('; ');
  fitText(
    doc,
    [
      `Contents: ${contentsLabel[parcel.contents]} — ${summary} — Value ${formatMoney(total.amountMinor, total.currency)}`,
    ],
    { x: M, y: iy + 39, width: INNER, height: H - M - (iy + 39) - 2 },
    { maxSize: 6.5, minSize: 4 },
  );
}

/** Sender compacted to four lines: the recipient block gets the space. */
function senderLines(a: ParcelDoc['sender']): string[] {
  const place = [a.city, a.region, a.postcode].filter(Boolean).join(', ');
  return [
    [a.name, a.company].filter(Boolean).join('  '),
    a.lines.filter((l) => l.trim() !== '').join(', '),
    `${place}, ${countryLabel(a.country)} (${a.country.toUpperCase()})`,
    ...(a.phone ? [`Tel: ${a.phone}`] : []),
  ];
}

function hline(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .moveTo(M / 2, y)
    .lineTo(W - M / 2, y)
    .stroke();
}
