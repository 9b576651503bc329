/**
 * Glossary handling that works with any MT service: before sending, each glossary term is swapped
 * for a placeholder the service leaves alone; after, placeholders become the term (do-not-translate)
 * or the seller's fixed translation. Neither LibreTranslate nor DeepL glossaries are needed, so one
 * seller glossary behaves the same with both providers. Pure: no I/O.
 *
 * - text format: numbered ASCII tokens `[[0]]`. ASCII because LibreTranslate's SentencePiece
 *   models may drop rare Unicode brackets; restoring tolerates spaces MT inserts (`[ [0] ]`).
 * - html format: `<span translate="no" class="notranslate" data-ck="0">value</span>`. Both
 *   LibreTranslate (translate-html skips translate="no") and DeepL (tag_handling=html) leave the
 *   element untouched; the span carries the final value so even an unrestored span reads right.
 */
import type { GlossaryEntry } from './provider.ts';

export interface ProtectedText {
  text: string;
  /** Final value for placeholder i (the term itself, or its forced translation). */
  slots: string[];
}

export interface RestoredText {
  text: string;
  /** Placeholders the provider dropped or mangled; the caller may warn the seller. */
  missing: number[];
}

// Text-node escaping only: quotes are legal in text nodes and must match as written.
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Maps each matchable spelling of a term to its final value. */
function termValues(glossary: GlossaryEntry[], format: 'text' | 'html'): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of glossary) {
    const term = entry.term.trim();
    const value = entry.doNotTranslate ? term : entry.translation?.trim();
    if (!term || !value) continue; // a forced entry without translation has nothing to force
    if (!values.has(term)) values.set(term, value);
    // In HTML a term like "Salt & Pepper" is written "Salt &amp; Pepper" in the source.
    if (format === 'html' && !values.has(escapeText(term))) values.set(escapeText(term), value);
  }
  return values;
}

function matcher(values: Map<string, string>): RegExp | null {
  if (values.size === 0) return null;
  // Longest first so 香薰蜡烛 wins over 香薰 when both are glossary terms.
  const keys = [...values.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(keys.join('|'), 'g');
}

function placeholder(index: number, value: string, format: 'text' | 'html'): string {
  if (format === 'text') return `[[${index}]]`;
  return `<span translate="no" class="notranslate" data-ck="${index}">${escapeText(value)}</span>`;
}

/** Replaces glossary terms with placeholders; in HTML only inside text, never in tags or attributes. */
export function protectTerms(
  text: string,
  glossary: GlossaryEntry[],
  format: 'text' | 'html',
): ProtectedText {
  const values = termValues(glossary, format);
  const re = matcher(values);
  const slots: string[] = [];
  if (!re) return { text, slots };
  const replaceIn = (segment: string): string =>
    segment.replace(re, (match) => {
      const value = values.get(match) ?? match;
      slots.push(value);
      return placeholder(slots.length - 1, value, format);
    });
  if (format === 'text') return { text: replaceIn(text), slots };
  // Odd parts are comments and tags (kept verbatim), even parts are text nodes.
  const parts = text.split(/(<!--[\s\S]*?-->|<[^>]*>)/);
  return { text: parts.map((part, i) => (i % 2 === 1 ? part : replaceIn(part))).join(''), slots };
}

const TEXT_TOKEN = /\[\s*\[\s*(\d+)\s*\]\s*\]/g;
const HTML_SPAN = /<span\b[^>]*\bdata-ck\s*=\s*["']?(\d+)["']?[^>]*>[\s\S]*?<\/span>/g;

/** Puts glossary values back where the provider left the placeholders. */
export function restoreTerms(translated: string, slots: string[], format: 'text' | 'html'): RestoredText {
  if (slots.length === 0) return { text: translated, missing: [] };
  const found = new Set<number>();
  const put = (match: string, digits: string): string => {
    const index = Number(digits);
    const value = slots[index];
    if (value === undefined) return match; // not ours: leave the provider's text alone
    found.add(index);
    return format === 'html' ? escapeText(value) : value;
  };
  const text = translated.replace(format === 'html' ? HTML_SPAN : TEXT_TOKEN, put);
  const missing = slots.map((_, i) => i).filter((i) => !found.has(i));
  return { text, missing };
}
