/**
 * Splits texts into request-sized batches: services cap texts per request (DeepL: 50) and body
 * size (DeepL: 128 KiB), and self-hosted LibreTranslate servers often run with --batch-limit.
 * A single over-long text still gets its own batch; the service then reports it as too large.
 */
export function batchTexts(texts: string[], maxCount: number, maxChars: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (current.length >= maxCount || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
