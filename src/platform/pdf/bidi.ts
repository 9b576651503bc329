/**
 * Splits a line of text into drawable runs in visual (left-to-right) order: each run has one font
 * family and one direction. Uses the Unicode Bidirectional Algorithm (bidi-js) for the order;
 * right-to-left runs of Arabic letters are handed to the font engine in logical order because
 * fontkit shapes them (joining forms, ligatures) and reverses the glyphs itself.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import { fontFamilyFor, isArabicCodePoint } from './fonts.ts';

export interface TextRun {
  text: string;
  family: 'sc' | 'arabic';
  rtl: boolean;
}

/** Drawn in place of characters no bundled font has, so nothing disappears silently. */
export const REPLACEMENT = '\u25a1';

// bidi-js ships CommonJS with an ES-style `export default` declaration: under NodeNext the
// default import is typed as the module namespace, while at run time it is the factory itself.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ??
  bidiModule) as unknown as () => Bidi;
const bidi = bidiFactory();

export function hasRtl(text: string): boolean {
  for (const ch of text) if (isArabicCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

/** Paragraph direction from the first strong character (Unicode rule P2/P3). */
export function paragraphIsRtl(text: string): boolean {
  if (!hasRtl(text)) return false;
  return (bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level ?? 0) % 2 === 1;
}

function familyOf(ch: string): { family: 'sc' | 'arabic'; text: string } {
  const family = fontFamilyFor(ch.codePointAt(0)!);
  if (family === null) return { family: 'sc', text: REPLACEMENT };
  return { family, text: ch };
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\u00a0';

const runCache = new Map<string, TextRun[]>();

/**
 * Runs for one line, left to right as they appear on paper. Cached: batches repeat the same
 * strings (sender, headings, wrap candidates) thousands of times. Callers must not mutate runs.
 */
export function visualRuns(line: string): TextRun[] {
  let runs = runCache.get(line);
  if (!runs) {
    runs = computeRuns(line);
    if (runCache.size > 50_000) runCache.clear();
    runCache.set(line, runs);
  }
  return runs;
}

function computeRuns(line: string): TextRun[] {
  const chars = Array.from(line.replace(/[\r\n\t]+/g, ' '));
  if (chars.length === 0) return [];
  if (!hasRtl(line)) return groupRuns(chars.map((c) => ({ ch: c, level: 0 })));

  // bidi-js levels and reorder segments are in UTF-16 units: reorder unit indices, then emit each
  // code point once, at whichever of its units comes first in visual order (surrogate pairs).
  const text = chars.join('');
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  const order = Array.from({ length: text.length }, (_, idx) => idx);
  for (const segment of bidi.getReorderSegments(text, levels)) {
    const [start = 0, end = 0] = segment;
    const slice = order.slice(start, end + 1).reverse();
    order.splice(start, slice.length, ...slice);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const visual: { ch: string; level: number }[] = [];
  for (const idx of order) {
    const code = text.charCodeAt(idx);
    if (code >= 0xdc00 && code <= 0xdfff && idx > 0) {
      const prev = text.charCodeAt(idx - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // low half of a pair: emitted with its high half
    }
    const cp = text.codePointAt(idx)!;
    const ch = String.fromCodePoint(cp);
    visual.push({ ch: mirrored.get(idx) ?? ch, level: levels.levels[idx] ?? 0 });
  }
  return groupRuns(visual);
}

function groupRuns(visual: { ch: string; level: number }[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const { ch, level } of visual) {
    const rtl = level % 2 === 1;
    const last = runs[runs.length - 1];
    // Spaces join the run before them when the direction matches, so runs stay long.
    if (isSpace(ch) && last && last.rtl === rtl) {
      last.text += ch;
      continue;
    }
    const { family, text } = familyOf(ch);
    if (last && last.family === family && last.rtl === rtl) last.text += text;
    else runs.push({ text, family, rtl });
  }
  // fontkit reverses right-to-left Arabic runs itself; give it logical order back.
  for (const run of runs) {
    if (run.rtl && run.family === 'arabic') run.text = Array.from(run.text).reverse().join('');
  }
  return runs;
}
