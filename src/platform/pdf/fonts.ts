/**
 * Bundled fonts for PDF documents. Noto Sans SC covers Chinese, Latin and Cyrillic; Noto Sans
 * Arabic covers Arabic. Files are read once per process and the Buffers reused by every document
 * (pdfkit subsets what each document uses). fontkit instances are kept for coverage checks only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontKey = 'sc' | 'scBold' | 'arabic' | 'arabicBold';

const require = createRequire(import.meta.url);

function fontPath(pkg: string, file: string): string {
  return join(dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`)), file);
}

const files: Record<FontKey, () => string> = {
  sc: () => fontPath('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
  scBold: () => fontPath('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
  arabic: () => fontPath('noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'),
  arabicBold: () => fontPath('noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
};

const buffers = new Map<FontKey, Buffer>();

export function fontBuffer(key: FontKey): Buffer {
  let buf = buffers.get(key);
  if (!buf) {
    buf = readFileSync(files[key]());
    buffers.set(key, buf);
  }
  return buf;
}

type Coverage = { hasGlyphForCodePoint(cp: number): boolean };
const coverage = new Map<'sc' | 'arabic', Coverage>();

function coverageOf(key: 'sc' | 'arabic'): Coverage {
  let font = coverage.get(key);
  if (!font) {
    // fontkit is pdfkit's own font engine (no type declarations), loaded the same way pdfkit does.
    // Resolved from pdfkit's location so it is the very copy pdfkit uses (it is not our direct dependency).
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): Coverage };
    font = fontkit.create(fontBuffer(key));
    coverage.set(key, font);
  }
  return font;
}

const fontOfCodePoint = new Map<number, 'sc' | 'arabic' | null>();

/** Which bundled font draws this code point ('sc' first), or null when none has a glyph. */
export function fontFamilyFor(cp: number): 'sc' | 'arabic' | null {
  const known = fontOfCodePoint.get(cp);
  if (known !== undefined) return known;
  let family: 'sc' | 'arabic' | null = null;
  // Arabic letters go to the Arabic font even though SC lacks them anyway; keeps shaping in one font.
  if (isArabicCodePoint(cp) && coverageOf('arabic').hasGlyphForCodePoint(cp)) family = 'arabic';
  else if (coverageOf('sc').hasGlyphForCodePoint(cp)) family = 'sc';
  else if (coverageOf('arabic').hasGlyphForCodePoint(cp)) family = 'arabic';
  fontOfCodePoint.set(cp, family);
  return family;
}

export function isArabicCodePoint(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/** Characters of `text` that no bundled font can draw (e.g. Thai, Devanagari), deduplicated. */
export function unsupportedCharacters(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u200d' || ch === '\u200c') continue;
    if (fontFamilyFor(cp) === null) out.add(ch);
  }
  return [...out];
}

/** Registers the bundled fonts on a pdfkit document under the FontKey names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const key of Object.keys(files) as FontKey[]) doc.registerFont(key, fontBuffer(key));
}
