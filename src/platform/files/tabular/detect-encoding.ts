/**
 * Guess the text encoding of a CSV from its first bytes. Chinese Excel saves "CSV" as GBK, newer
 * Excel offers "CSV UTF-8" (with BOM), and tools on Linux/Mac write UTF-8 without BOM.
 * A byte order mark wins; otherwise bytes that are valid UTF-8 are UTF-8; anything else is read as
 * GB18030, a superset of GBK/GB2312, so it never fails to decode a Chinese sheet.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return isUtf8Prefix(head) ? 'utf-8' : 'gb18030';
}

/**
 * Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF). The sample is usually
 * a prefix of the file, so a multibyte sequence cut by the end of the sample is accepted.
 */
export function isUtf8Prefix(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80; // allowed range of the second byte: rules out overlongs and surrogates
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0;
      if (c === 0xed) max = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return true; // sequence cut by the end of the sample
      const cc = b[i + k]!;
      if (k === 1 ? cc < min || cc > max : cc < 0x80 || cc > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}
