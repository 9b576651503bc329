import { aliexpress } from './aliexpress.ts';
import { amazonAllOrders, amazonUnshipped } from './amazon.ts';
import { shopee } from './shopee.ts';
import { tiktok } from './tiktok.ts';
import type { FormatProfile, ImportFormat } from './types.ts';

export { type GenericSettings, genericProfile } from './generic.ts';
export * from './types.ts';

/** Every built-in channel export, in detection order. */
export const profiles: readonly FormatProfile[] = [
  amazonAllOrders,
  amazonUnshipped,
  shopee,
  tiktok,
  aliexpress,
];

export const profileOf = (format: Exclude<ImportFormat, 'generic'>): FormatProfile =>
  profiles.find((p) => p.format === format)!;

/** How much of a profile's signature a header row carries (0–1); "A|B" entries are alternatives. */
export function signatureScore(profile: FormatProfile, headers: ReadonlySet<string>): number {
  const hit = profile.signature.filter((s) => s.split('|').some((h) => headers.has(h))).length;
  return hit / profile.signature.length;
}

/** The built-in export a header row most looks like, when it clearly looks like one. */
export function detectProfile(headers: readonly string[]): FormatProfile | null {
  const set = new Set(headers);
  let best: FormatProfile | null = null;
  let bestScore = 0;
  for (const p of profiles) {
    const s = signatureScore(p, set);
    if (s > bestScore) [best, bestScore] = [p, s];
  }
  return bestScore >= 0.6 ? best : null;
}
