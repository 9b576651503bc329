/**
 * Search tokens that work for Chinese and Latin scripts with one GIN index on text[].
 * Han/Kana/Hangul runs become single characters and bigrams (Chinese has no spaces, so a query
 * like 香薰蜡烛 must match inside 大豆香薰蜡烛礼盒); Latin words become their prefixes so that
 * typing "lav" finds "Lavender". A query matches when all of its tokens are present.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const PIECES = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;
const MAX_PREFIX = 12;

export function indexTokens(...texts: Array<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const piece of text.toLowerCase().normalize('NFKC').match(PIECES) ?? []) {
      if (CJK.test(piece)) {
        const chars = [...piece];
        chars.forEach((c, i) => {
          tokens.add(c);
          if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
        });
      } else {
        const max = Math.min(piece.length, MAX_PREFIX);
        for (let n = 1; n <= max; n++) tokens.add(piece.slice(0, n));
        if (piece.length > MAX_PREFIX) tokens.add(piece);
      }
    }
  }
  return [...tokens];
}

/** The tokens a query must all match. Empty when the query has no letters or digits. */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const piece of query.toLowerCase().normalize('NFKC').match(PIECES) ?? []) {
    if (CJK.test(piece)) {
      const chars = [...piece];
      if (chars.length === 1) tokens.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
    } else {
      tokens.add(piece.length > MAX_PREFIX ? piece : piece.slice(0, MAX_PREFIX));
    }
  }
  return [...tokens];
}
