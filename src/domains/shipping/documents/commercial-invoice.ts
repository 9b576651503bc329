/**
 * Commercial invoice (A4): seller/exporter, buyer and ship-to, invoice number/date, incoterm and
 * currency, items (EN + ZH description, HS code, origin, quantity, unit value, line total,
 * weight), freight and total, reason for export, parcels and gross weight, declaration and
 * signature. Long invoices continue over pages with the table header repeated and "Page x/y".
 */
import { formatKg, formatMinor, formatMoney } from '../../../platform/pdf/money.ts';
import { drawLine, fitText } from '../../../platform/pdf/text.ts';
import { A4_BOTTOM, A4_INNER, A4_M, a4Page } from './a4.ts';
import { lineValueMinor, lineWeightG, valueTotals } from './customs.ts';
import { type Column, captionBox, drawTable, pageNumbers } from './forms.ts';
import type { DocAddress, DocItem, ShipmentDoc } from './model.ts';
import { countryLabel, formatDate, openDoc } from './pdf-doc.ts';

const TITLE = 'COMMERCIAL INVOICE 商业发票';

/** Same SKU at the same price in several parcels is one invoice line. */
export function invoiceLines(doc: ShipmentDoc): DocItem[] {
  const lines = new Map<string, DocItem>();
  for (const parcel of doc.parcels) {
    for (const item of parcel.items) {
      const key = `${item.sku}\u0000${item.unitValueMinor}\u0000${item.currency}`;
      const line = lines.get(key);
      if (line) line.quantity += item.quantity;
      else lines.set(key, { ...item });
    }
  }
  return [...lines.values()];
}

export function partyLines(a: DocAddress): string[] {
  return [
    a.name,
    ...(a.company ? [a.company] : []),
    ...a.lines.filter((l) => l.trim() !== ''),
    [a.postcode, a.city, a.region].filter(Boolean).join(' '),
    `${countryLabel(a.country)} (${a.country.toUpperCase()})`,
    ...(a.phone ? [`Tel: ${a.phone}`] : []),
    ...(a.email ? [a.email] : []),
  ];
}

export async function renderCommercialInvoice(shipment: ShipmentDoc): Promise<Buffer> {
  const { doc, done } = openDoc(`Commercial invoice ${shipment.invoiceNumber}`, { bufferPages: true });
  const ref = `Invoice ${shipment.invoiceNumber}`;
  let y = a4Page(doc, TITLE, ref);

  const meta = [
    `Invoice No.: ${shipment.invoiceNumber}`,
    `Date: ${formatDate(shipment.date)}`,
    `Shipment: ${shipment.shipmentNumber}`,
    `Order ref.: ${shipment.orderRefs.join(', ') || '-'}`,
    `Incoterm: ${shipment.incoterm}   Currency: ${shipment.currency}`,
  ];
  const third = A4_INNER / 3;
  captionBox(
    doc,
    { x: A4_M, y, width: third, height: 110 },
    'Seller / Exporter',
    partyLines(shipment.seller),
  );
  captionBox(doc, { x: A4_M + third, y, width: third, height: 110 }, 'Buyer', partyLines(shipment.buyer));
  captionBox(
    doc,
    { x: A4_M + 2 * third, y, width: third, height: 110 },
    'Ship to',
    partyLines(shipment.shipTo),
  );
  y += 114;
  fitText(
    doc,
    [meta.slice(0, 3).join('    '), meta.slice(3).join('    ')],
    { x: A4_M, y, width: A4_INNER, height: 24 },
    { maxSize: 8.5, minSize: 6 },
  );
  y += 26;

  const lines = invoiceLines(shipment);
  let no = 0;
  const numbered = lines.map((item) => ({ no: ++no, item }));
  const columns: Column<{ no: number; item: DocItem }>[] = [
    { header: '#', width: 20, align: 'right', cell: (r) => String(r.no) },
    {
      header: 'Description / 品名',
      width: 160,
      cell: (r) => [r.item.description, r.item.descriptionZh].filter(Boolean).join('\n'),
    },
    { header: 'SKU', width: 62, cell: (r) => r.item.sku },
    { header: 'HS code', width: 52, cell: (r) => r.item.hsCode ?? '' },
    { header: 'Origin', width: 34, cell: (r) => r.item.originCountry.toUpperCase() },
    { header: 'Qty', width: 30, align: 'right', cell: (r) => String(r.item.quantity) },
    {
      header: 'Unit value',
      width: 56,
      align: 'right',
      cell: (r) => formatMoney(r.item.unitValueMinor, r.item.currency),
    },
    {
      header: 'Line total',
      width: 58,
      align: 'right',
      cell: (r) => formatMoney(lineValueMinor(r.item), r.item.currency),
    },
    {
      header: 'Weight kg',
      width: A4_INNER - 472,
      align: 'right',
      cell: (r) => formatKg(lineWeightG(r.item)),
    },
  ];
  const newPage = () => a4Page(doc, TITLE, ref, true);
  y = drawTable(doc, A4_M, y, columns, numbered, { size: 7.5, bottom: A4_BOTTOM, newPage });

  // Totals block, kept together on one page.
  const summary = totalsLines(shipment, lines);
  const closing = [
    `Reason for export: ${shipment.exportReason}`,
    `Parcels: ${shipment.parcels.length}   Total gross weight: ${formatKg(shipment.parcels.reduce((g, p) => g + p.weightG, 0))} kg   Net weight: ${formatKg(lines.reduce((g, i) => g + lineWeightG(i), 0))} kg`,
    ...(shipment.notes ? [`Notes: ${shipment.notes}`] : []),
    'I declare that all the information contained in this invoice is true and correct, and that the goods are of the origin stated.',
  ];
  const needed = summary.length * 13 + 120;
  if (y + needed > A4_BOTTOM) y = newPage();
  y += 6;
  for (const [label, value, bold] of summary) {
    drawLine(doc, label, A4_M + A4_INNER - 260, y, { size: 9, bold, width: 150, align: 'right' });
    drawLine(doc, value, A4_M + A4_INNER - 105, y, { size: 9, bold, width: 105, align: 'right' });
    y += 13;
  }
  y += 8;
  const used = fitText(
    doc,
    closing,
    { x: A4_M, y, width: A4_INNER, height: 60 },
    { maxSize: 8.5, minSize: 6 },
  );
  y += used.height + 16;
  fitText(
    doc,
    [
      `Signature: ____________________    Name: ${shipment.seller.name}    Date: ${formatDate(shipment.date)}`,
    ],
    { x: A4_M, y, width: A4_INNER, height: 24 },
    { maxSize: 9, minSize: 6 },
  );

  pageNumbers(doc, `${shipment.invoiceNumber} · ${shipment.shipmentNumber}`);
  return done();
}

/** [label, value, bold] rows: subtotal per currency, freight, total (integer sums only). */
function totalsLines(shipment: ShipmentDoc, lines: DocItem[]): [string, string, boolean][] {
  const totals = valueTotals(lines);
  const freight = shipment.freightMinor ?? 0;
  const rows: [string, string, boolean][] = totals.map((t) => [
    `Subtotal (${t.currency})`,
    formatMoney(t.amountMinor, t.currency),
    false,
  ]);
  rows.push(['Freight', formatMoney(freight, shipment.currency), false]);
  const inDocCurrency = totals.find((t) => t.currency === shipment.currency)?.amountMinor ?? 0;
  rows.push([
    `Total (${shipment.incoterm})`,
    `${formatMinor(inDocCurrency + freight, shipment.currency)} ${shipment.currency}`,
    true,
  ]);
  for (const t of totals)
    if (t.currency !== shipment.currency)
      rows.push([`Total (${t.currency})`, formatMoney(t.amountMinor, t.currency), true]);
  return rows;
}
