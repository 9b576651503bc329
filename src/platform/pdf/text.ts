/**
 * Text on a pdfkit page across scripts: each line is split into font runs in visual order
 * (bidi.ts), measured with the fonts' own metrics and drawn run by run on one baseline.
 * Wrapping and shrink-to-fit work on those measurements, so long addresses never overflow a box.
 */
import { paragraphIsRtl, type TextRun, visualRuns } from './bidi.ts';
import type { FontKey } from './fonts.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

export type Align = 'left' | 'right' | 'center';

function fontKey(run: TextRun, bold?: boolean): FontKey {
  if (run.family === 'arabic') return bold ? 'arabicBold' : 'arabic';
  return bold ? 'scBold' : 'sc';
}

/**
 * pdfkit lays out text word by word (split at spaces) unless features are given, which breaks
 * right-to-left runs (word order) — so Arabic runs are always laid out whole.
 */
function runOptions(run: TextRun): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  return run.family === 'arabic' ? { features: ['kern'] } : {};
}

// Advance widths are linear in the font size, so widths at 1 pt are cached per (weight, text).
const unitWidths = new Map<string, number>();

function runWidth(doc: PDFKit.PDFDocument, run: TextRun, style: TextStyle): number {
  const key = `${style.bold ? 'b' : 'r'}${run.family}${run.text}`;
  let unit = unitWidths.get(key);
  if (unit === undefined) {
    doc.font(fontKey(run, style.bold)).fontSize(1000);
    unit = doc.widthOfString(run.text, runOptions(run)) / 1000;
    if (unitWidths.size > 100_000) unitWidths.clear();
    unitWidths.set(key, unit);
  }
  return unit * style.size;
}

export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  let width = 0;
  for (const run of visualRuns(text)) width += runWidth(doc, run, style);
  return width;
}

/**
 * Draws one line with its baseline at `y + ascent` (so `y` is the top of the line box, like
 * pdfkit). Right-to-left paragraphs default to right alignment inside `width`.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle & { width?: number; align?: Align },
): number {
  const runs = visualRuns(text);
  const widths = runs.map((run) => runWidth(doc, run, style));
  const total = widths.reduce((a, b) => a + b, 0);
  const align = style.align ?? (paragraphIsRtl(text) ? 'right' : 'left');
  let cx = x;
  if (style.width !== undefined && align === 'right') cx = x + style.width - total;
  if (style.width !== undefined && align === 'center') cx = x + (style.width - total) / 2;
  const baseline = y + style.size * 0.88;
  doc.fillColor(style.color ?? 'black');
  runs.forEach((run, i) => {
    doc.font(fontKey(run, style.bold)).fontSize(style.size);
    doc.text(run.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic', ...runOptions(run) });
    cx += widths[i]!;
  });
  return total;
}

/** Line height used by every helper here: 1.2 × size. */
export const lineHeight = (size: number): number => size * 1.2;

/** Splits text into lines no wider than `width`; breaks between words, or inside long words/CJK. */
export function wrap(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    // Tokens: words with their following space, and single CJK characters (breakable anywhere).
    const tokens =
      paragraph.match(
        /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]|[^\s\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+\s*|\s+/g,
      ) ?? [];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (measure(doc, candidate.trimEnd(), style) <= width || line === '') {
        if (line === '' && measure(doc, token.trimEnd(), style) > width) {
          // A single token wider than the box: break it by characters.
          for (const ch of token) {
            if (line !== '' && measure(doc, (line + ch).trimEnd(), style) > width) {
              out.push(line.trimEnd());
              line = '';
            }
            line += ch;
          }
        } else line = candidate;
      } else {
        out.push(line.trimEnd());
        line = token.trimStart();
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

export interface FitOptions {
  maxSize: number;
  minSize: number;
  bold?: boolean;
  align?: Align;
  color?: string;
}

/**
 * Draws `lines` (each wrapped as needed) inside the box, shrinking the size until everything
 * fits; at the minimum size the text that still does not fit is cut with "…" so it never
 * spills outside. Returns the height used and whether it had to cut.
 */
export function fitText(
  doc: PDFKit.PDFDocument,
  lines: string[],
  box: { x: number; y: number; width: number; height: number },
  opts: FitOptions,
): { height: number; size: number; truncated: boolean } {
  let size = opts.maxSize;
  let wrapped: string[] = [];
  for (; size >= opts.minSize; size -= 0.5) {
    wrapped = lines.flatMap((l) => wrap(doc, l, box.width, { size, bold: opts.bold }));
    if (wrapped.length * lineHeight(size) <= box.height) break;
  }
  if (size < opts.minSize) size = opts.minSize;
  wrapped = lines.flatMap((l) => wrap(doc, l, box.width, { size, bold: opts.bold }));
  const maxLines = Math.max(1, Math.floor(box.height / lineHeight(size)));
  const truncated = wrapped.length > maxLines;
  if (truncated) {
    wrapped = wrapped.slice(0, maxLines);
    let last = wrapped[maxLines - 1]!;
    while (last.length > 0 && measure(doc, `${last}…`, { size, bold: opts.bold }) > box.width) {
      last = Array.from(last).slice(0, -1).join('');
    }
    wrapped[maxLines - 1] = `${last}…`;
  }
  wrapped.forEach((line, i) => {
    drawLine(doc, line, box.x, box.y + i * lineHeight(size), {
      size,
      bold: opts.bold,
      width: box.width,
      align: opts.align,
      color: opts.color,
    });
  });
  return { height: wrapped.length * lineHeight(size), size, truncated };
}
