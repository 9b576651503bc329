/**
 * pdfkit document factory shared by every renderer: bundled fonts registered, no automatic
 * page, output collected into one Buffer.
 */
import PDFDocument from 'pdfkit';
import { isCountryCode, countryName as kernelCountryName } from '../../../kernel/countries.ts';
import { registerFonts } from '../../../platform/pdf/fonts.ts';
import type { DocAddress } from './model.ts';

export const MM = 72 / 25.4;
export const LABEL_SIZE: [number, number] = [100 * MM, 150 * MM];
export const A4: [number, number] = [595.28, 841.89];

export interface OpenDoc {
  doc: PDFKit.PDFDocument;
  done: () => Promise<Buffer>;
}

/** `bufferPages` keeps pages editable until the end (needed for "page x/y" footers). */
export function openDoc(title: string, opts: { bufferPages?: boolean } = {}): OpenDoc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    bufferPages: opts.bufferPages ?? false,
    info: { Title: title, Producer: 'Cunkou' },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    done: () => {
      doc.end();
      return finished;
    },
  };
}

export function countryLabel(code: string): string {
  const upper = code.toUpperCase();
  return isCountryCode(upper) ? kernelCountryName(upper, 'en') : upper;
}

/** Address as printable lines: name first, then company, street lines, city line, country. */
export function addressLines(
  a: DocAddress,
  opts: { withName?: boolean; withPhone?: boolean } = {},
): string[] {
  const out: string[] = [];
  if (opts.withName !== false) out.push(a.name);
  if (a.company) out.push(a.company);
  out.push(...a.lines.filter((l) => l.trim() !== ''));
  out.push([a.city, a.region, a.postcode].filter((p) => p && p.trim() !== '').join(', '));
  out.push(`${countryLabel(a.country)} (${a.country.toUpperCase()})`);
  if (opts.withPhone !== false && a.phone) out.push(`Tel: ${a.phone}`);
  return out;
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
