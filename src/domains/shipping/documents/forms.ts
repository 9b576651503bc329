/**
 * Drawing helpers for forms and tables: boxes with small captions, check boxes, and a table
 * that wraps cells, breaks pages and repeats its header.
 */
import { type Align, drawLine, fitText, lineHeight, wrap } from '../../../platform/pdf/text.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A ruled box with a grey caption at the top and the value lines fitted below it. */
export function captionBox(
  doc: PDFKit.PDFDocument,
  box: Box,
  caption: string,
  lines: string[],
  opts: { maxSize?: number; minSize?: number; bold?: boolean; align?: Align } = {},
): void {
  doc.lineWidth(0.5).rect(box.x, box.y, box.width, box.height).stroke();
  drawLine(doc, caption, box.x + 2, box.y + 1.5, { size: 5.5, color: '#444' });
  if (lines.length === 0) return;
  fitText(
    doc,
    lines,
    { x: box.x + 3, y: box.y + 9, width: box.width - 6, height: box.height - 10 },
    {
      maxSize: opts.maxSize ?? 8,
      minSize: opts.minSize ?? 4.5,
      bold: opts.bold,
      align: opts.align,
    },
  );
}

/** A check box with its caption to the right; the tick is drawn as lines (no font needed). */
export function checkBox(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  checked: boolean,
  caption: string,
  size = 7,
): number {
  const s = size;
  doc.lineWidth(0.6).rect(x, y, s, s).stroke();
  if (checked) {
    doc
      .save()
      .lineWidth(1.2)
      .moveTo(x + 1.2, y + s * 0.55)
      .lineTo(x + s * 0.42, y + s - 1.2)
      .lineTo(x + s - 1, y + 1)
      .stroke()
      .restore();
  }
  return s + 2 + drawLine(doc, caption, x + s + 2, y - 0.5, { size: s });
}

export interface Column<Row> {
  header: string;
  width: number;
  align?: Align;
  cell: (row: Row) => string;
  /** Draw an empty check box in the cell (pick lists: tick when picked). */
  checkbox?: boolean;
}

/**
 * Draws rows from `y`; when the next row does not fit above `bottom`, calls `newPage` (which
 * adds a page and returns the top y) and repeats the header. Returns the y after the last row.
 */
export function drawTable<Row>(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  columns: Column<Row>[],
  rows: Row[],
  opts: { size: number; bottom: number; newPage: () => number; headerFill?: string },
): number {
  const pad = 2.5;
  const lh = lineHeight(opts.size);
  const header = () => {
    const cells = columns.map((c) => wrap(doc, c.header, c.width - 2 * pad, { size: opts.size, bold: true }));
    const h = Math.max(...cells.map((c) => c.length)) * lh + 2 * pad;
    doc
      .save()
      .rect(x, y, totalWidth, h)
      .fill(opts.headerFill ?? '#e8e8e8')
      .restore();
    let cx = x;
    columns.forEach((c, i) => {
      cells[i]!.forEach((line, li) => {
        drawLine(doc, line, cx + pad, y + pad + li * lh, {
          size: opts.size,
          bold: true,
          width: c.width - 2 * pad,
          align: c.align,
        });
      });
      cx += c.width;
    });
    doc.lineWidth(0.5).rect(x, y, totalWidth, h).stroke();
    y += h;
  };
  const totalWidth = columns.reduce((a, c) => a + c.width, 0);
  header();
  for (const row of rows) {
    const cells = columns.map((c) => wrap(doc, c.cell(row), c.width - 2 * pad, { size: opts.size }));
    const h = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
    if (y + h > opts.bottom) {
      y = opts.newPage();
      header();
    }
    let cx = x;
    columns.forEach((c, i) => {
      cells[i]!.forEach((line, li) => {
        drawLine(doc, line, cx + pad, y + pad + li * lh, {
          size: opts.size,
          width: c.width - 2 * pad,
          align: c.align,
        });
      });
      if (c.checkbox)
        doc
          .lineWidth(0.8)
          .rect(cx + pad + 1, y + pad, 9, 9)
          .stroke();
      doc.lineWidth(0.3).rect(cx, y, c.width, h).stroke();
      cx += c.width;
    });
    y += h;
  }
  return y;
}

/** Writes "Page x/y" (and an optional left footer) on every buffered page. */
export function pageNumbers(doc: PDFKit.PDFDocument, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const w = doc.page.width;
    const h = doc.page.height;
    drawLine(doc, footer, 40, h - 28, { size: 7, color: '#555' });
    drawLine(doc, `Page ${i - range.start + 1}/${range.count}`, 40, h - 28, {
      size: 7,
      color: '#555',
      width: w - 80,
      align: 'right',
    });
  }
}
