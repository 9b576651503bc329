/** Page furniture shared by the A4 documents (invoice, packing list, pick list, packing slip). */
import { fitText, measure } from '../../../platform/pdf/text.ts';
import { A4 } from './pdf-doc.ts';

export const [A4_W, A4_H] = A4;
export const A4_M = 40;
export const A4_INNER = A4_W - 2 * A4_M;
/** Lowest y a table row may reach (leaves room for the page footer). */
export const A4_BOTTOM = A4_H - 48;

/** Adds an A4 page with the document title top-left and a reference top-right; returns the y below. */
export function a4Page(doc: PDFKit.PDFDocument, title: string, reference: string, continued = false): number {
  doc.addPage({ size: A4, margin: 0 });
  const refWidth = Math.min(measure(doc, reference, { size: 9 }), A4_INNER / 2);
  fitText(
    doc,
    [reference],
    { x: A4_M + A4_INNER - refWidth, y: A4_M - 4, width: refWidth, height: 12 },
    { maxSize: 9, minSize: 6, align: 'right' },
  );
  fitText(
    doc,
    [continued ? `${title} (continued)` : title],
    { x: A4_M, y: A4_M - 8, width: A4_INNER - refWidth - 10, height: 20 },
    {
      maxSize: continued ? 11 : 16,
      minSize: 7,
      bold: true,
    },
  );
  return A4_M + (continued ? 14 : 22);
}
