/** A real 100×150 mm label PDF, as a forwarder's label endpoint serves it (made with pdfkit). */
import PDFDocument from 'pdfkit';

const MM = 72 / 25.4;

export function fourPxLabelPdf(o: {
  brand?: string;
  trackingNo: string;
  refNo: string;
  product: string;
  country: string;
  name: string;
}) {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: [100 * MM, 150 * MM],
      margin: 8 * MM,
      info: { Title: o.trackingNo },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(o.brand ?? '4PX SIMULATOR', { align: 'center' });
    doc.moveDown().fontSize(11).text(`Product: ${o.product}`);
    doc.text(`Ref: ${o.refNo}`);
    doc.text(`To: ${o.name} (${o.country})`);
    doc.moveDown().fontSize(14).text(o.trackingNo, { align: 'center' });
    doc.end();
  });
}
