/**
 * Code 128 barcodes drawn as vector rectangles: bwip-js encodes (start code, code-set switching,
 * check character) and returns bar/space widths; we draw them straight into the PDF, which is
 * sharper on thermal printers than a bitmap and much faster than rasterising 500 images.
 */
import bwipjs from 'bwip-js';

const widthsCache = new Map<string, number[]>();

/** Bar/space module widths, bar first, including the quiet-zone-free start/stop patterns. */
export function code128Modules(value: string): number[] {
  let sbs = widthsCache.get(value);
  if (!sbs) {
    const raw = bwipjs.raw('code128', value, {}) as unknown as { sbs: number[] }[];
    sbs = raw[0]!.sbs;
    if (widthsCache.size > 5000) widthsCache.clear();
    widthsCache.set(value, sbs);
  }
  return sbs;
}

/**
 * Draws the barcode centred in the box. The module width is the widest that fits (carrier
 * scanners want ≥ 0.25 mm ≈ 0.71 pt); returns the module width actually used.
 */
export function drawCode128(
  doc: PDFKit.PDFDocument,
  value: string,
  box: { x: number; y: number; width: number; height: number },
): number {
  const sbs = code128Modules(value);
  const modules = sbs.reduce((a, b) => a + b, 0);
  const module = Math.min(box.width / modules, 2.2);
  let x = box.x + (box.width - modules * module) / 2;
  doc.save().fillColor('black');
  sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(x, box.y, w * module, box.height);
    x += w * module;
  });
  doc.fill().restore();
  return module;
}
