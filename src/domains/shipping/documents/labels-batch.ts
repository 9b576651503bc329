/**
 * Batch label printing: own labels are drawn by pdfkit into one document (fonts embedded once),
 * carrier PDFs are appended page by page, each page scaled to fit 100×150 mm and centred
 * (pdf-lib embedPage), in the order of the sources.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../kernel/errors.ts';
import { englishOf } from '../../../kernel/i18n/format.ts';
import { drawLabel } from './label.ts';
import type { LabelSource } from './model.ts';
import { LABEL_SIZE, openDoc } from './pdf-doc.ts';

export async function renderLabels(sources: LabelSource[]): Promise<Buffer> {
  const own = sources.filter((s) => s.kind === 'own');
  let ownPdf: Buffer | null = null;
  if (own.length > 0) {
    const { doc, done } = openDoc('Labels');
    for (const s of own) drawLabel(doc, s.parcel);
    ownPdf = await done();
  }
  if (own.length === sources.length && ownPdf) return ownPdf;

  const out = await PDFDocument.create();
  out.setProducer('Cunkou');
  out.setTitle('Labels');
  const ownPages = ownPdf
    ? await out.copyPages(
        await PDFDocument.load(ownPdf),
        own.map((_, i) => i),
      )
    : [];
  let nextOwn = 0;
  const [W, H] = LABEL_SIZE;
  for (const source of sources) {
    if (source.kind === 'own') {
      out.addPage(ownPages[nextOwn++]!);
      continue;
    }
    const carrier = await loadCarrierPdf(source.bytes, source.name);
    const embedded = await out.embedPages(carrier.getPages());
    for (const page of embedded) {
      // Scale to fit, never enlarge more than needed, keep aspect ratio, centre.
      const scale = Math.min(W / page.width, H / page.height);
      const w = page.width * scale;
      const h = page.height * scale;
      out.addPage([W, H]).drawPage(page, { x: (W - w) / 2, y: (H - h) / 2, width: w, height: h });
    }
  }
  return Buffer.from(await out.save());
}

async function loadCarrierPdf(bytes: Uint8Array, name: string): Promise<PDFDocument> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true });
    if (pdf.getPageCount() === 0) throw new Error('no pages');
    return pdf;
  } catch (e) {
    throw new LabelPdfError(name, e instanceof Error ? e.message : String(e));
  }
}

/** A carrier label that is not a readable PDF. `details.labelName` says which one so it can be re-fetched. */
export class LabelPdfError extends AppError {
  constructor(labelName: string, reason: string) {
    const params = { label: labelName, reason };
    super('BAD_FILE', englishOf('shipping.label.unreadablePdf', params), {
      details: { labelName },
      key: 'shipping.label.unreadablePdf',
      params,
    });
  }
}
