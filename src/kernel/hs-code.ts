/**
 * Harmonized System tariff code checks. The first 6 digits are the WCO international subheading;
 * anything after is national (EU CN: 8 digits, US HTS and China 10). We only check structure
 * here — whether a code exists in a given tariff schedule is a data lookup, not a kernel rule.
 */
export type HsCodeResult =
  | { ok: true; normalized: string; hs6: string; national: string | null }
  | { ok: false; reason: string };

const allowedLengths = new Set([6, 8, 10]);

export function validateHsCode(code: string): HsCodeResult {
  // Tariff books print "3406.00.00" or "3406 00 00"; customs systems want plain digits.
  const normalized = code.trim().replace(/[.\s]/g, '');
  if (normalized === '') return { ok: false, reason: 'HS code is empty' };
  if (!/^\d+$/.test(normalized)) {
    return { ok: false, reason: 'HS code must contain only digits (dots and spaces are ignored)' };
  }
  if (normalized.length < 6) {
    return {
      ok: false,
      reason: `HS code needs at least 6 digits (e.g. 3406.00 for candles), got ${normalized.length}`,
    };
  }
  if (!allowedLengths.has(normalized.length)) {
    return { ok: false, reason: `HS code must be 6, 8 or 10 digits, got ${normalized.length}` };
  }
  const chapter = Number(normalized.slice(0, 2));
  if (chapter === 0) return { ok: false, reason: 'HS chapter 00 does not exist; chapters run 01–97' };
  if (chapter === 77) {
    return { ok: false, reason: 'HS chapter 77 is reserved by the WCO and holds no goods' };
  }
  if (chapter >= 98) {
    return {
      ok: false,
      reason: `HS chapter ${chapter} is national-only (special provisions), not an international HS code; use the 01–97 chapter that describes the goods`,
    };
  }
  return {
    ok: true,
    normalized,
    hs6: normalized.slice(0, 6),
    national: normalized.length > 6 ? normalized.slice(6) : null,
  };
}
