/**
 * Harmonized System tariff code checks. The first 6 digits are the WCO international subheading;
 * anything after is national (EU CN: 8 digits, US HTS and China 10). We only check structure
 * here — whether a code exists in a given tariff schedule is a data lookup, not a kernel rule.
 */
import { englishOf, type MessageKey, type MessageParams, type MessageRef } from './i18n/index.ts';

/** `reason` is English; `why` is the same reason as a catalog message for the reader's language. */
export type HsCodeResult =
  | { ok: true; normalized: string; hs6: string; national: string | null }
  | { ok: false; reason: string; why: MessageRef };

const fail = (key: MessageKey, params?: MessageParams): HsCodeResult => ({
  ok: false,
  reason: englishOf(key, params),
  why: { key, ...(params ? { params } : {}) },
});

const allowedLengths = new Set([6, 8, 10]);

export function validateHsCode(code: string): HsCodeResult {
  // Tariff books print "3406.00.00" or "3406 00 00"; customs systems want plain digits.
  const normalized = code.trim().replace(/[.\s]/g, '');
  if (normalized === '') return fail('hsCode.empty');
  if (!/^\d+$/.test(normalized)) return fail('hsCode.digitsOnly');
  if (normalized.length < 6) return fail('hsCode.tooShort', { length: normalized.length });
  if (!allowedLengths.has(normalized.length)) return fail('hsCode.length', { length: normalized.length });
  const chapter = Number(normalized.slice(0, 2));
  if (chapter === 0) return fail('hsCode.chapter00');
  if (chapter === 77) return fail('hsCode.chapter77');
  if (chapter >= 98) return fail('hsCode.nationalChapter', { chapter });
  return {
    ok: true,
    normalized,
    hs6: normalized.slice(0, 6),
    national: normalized.length > 6 ? normalized.slice(6) : null,
  };
}
