/**
 * Tracking-number validation and carrier detection (pure). Normalises (trim, upper-case, no
 * whitespace), matches every known format, verifies check digits, and picks the carrier: the hint
 * when it fits, else the most specific format. Invalid numbers come with a reason a person can act on.
 */
import type { CarrierCode } from './carriers.ts';
import { carrierCodes } from './carriers.ts';
import { type NumberFormat, numberFormats } from './formats.ts';

export { type CarrierCode, carrierCodes, carrierNames, isCarrierCode } from './carriers.ts';
export { numberFormats } from './formats.ts';

export interface NumberCheck {
  number: string;
  valid: boolean;
  carrier: CarrierCode | null;
  reason: string | null;
  format: string | null;
}

/** Carriers with no published number shape we can verify: a hinted number is accepted as given. */
const PLAUSIBLE = /^[A-Z0-9-]{6,40}$/;

export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

interface Match {
  format: NumberFormat;
  carrier: CarrierCode;
  ok: boolean;
  reason: string | null;
}

function matchAll(n: string): Match[] {
  const out: Match[] = [];
  for (const format of numberFormats) {
    if (!format.pattern.test(n)) continue;
    const verdict = format.verify ? format.verify(n) : { ok: true as const };
    out.push({
      format,
      carrier: format.carrier(n),
      ok: verdict.ok,
      reason: verdict.ok ? null : verdict.reason,
    });
  }
  return out.sort((a, b) => b.format.specificity - a.format.specificity);
}

function result(n: string, m: Match, reason: string | null = null): NumberCheck {
  return {
    number: n,
    valid: m.ok,
    carrier: m.carrier,
    reason: m.ok ? reason : m.reason,
    format: m.format.id,
  };
}

export function checkTrackingNumber(raw: string, carrierHint?: CarrierCode): NumberCheck {
  const n = normaliseTrackingNumber(raw);
  if (n === '')
    return { number: n, valid: false, carrier: null, reason: 'empty tracking number', format: null };
  if (!/^[A-Z0-9-]+$/.test(n)) {
    return {
      number: n,
      valid: false,
      carrier: null,
      reason: 'tracking numbers contain only letters and digits',
      format: null,
    };
  }
  const matches = matchAll(n);
  const valid = matches.filter((m) => m.ok);
  const hint =
    carrierHint && (carrierCodes as readonly string[]).includes(carrierHint) ? carrierHint : undefined;

  if (hint) {
    const hinted = valid.find((m) => m.carrier === hint || m.format.carriers.includes(hint));
    if (hinted) return { ...result(n, hinted), carrier: hinted.carrier === hint ? hint : hinted.carrier };
    const hintedBad = matches.find((m) => !m.ok && m.format.carriers.includes(hint));
    if (hintedBad) return result(n, hintedBad);
    if (valid[0]) {
      return result(n, valid[0], `matches ${valid[0].format.label}, not a ${hint} format`);
    }
    const hintHasFormats = numberFormats.some((f) => f.carriers.includes(hint) && f.id !== 'upu_s10');
    if (!hintHasFormats && PLAUSIBLE.test(n)) {
      // Domestic couriers, rail and sea forwarders publish no verifiable shape: trust the hint.
      return { number: n, valid: true, carrier: hint, reason: null, format: null };
    }
    const shapes = numberFormats.filter((f) => f.carriers.includes(hint)).map((f) => f.label);
    return {
      number: n,
      valid: false,
      carrier: hint,
      reason: shapes.length
        ? `does not match a ${hint} format (${shapes.join('; ')})`
        : 'not a known tracking number format',
      format: null,
    };
  }

  if (valid.length > 0) {
    const best = valid[0]!;
    const rivals = valid.filter(
      (m) => m.format.specificity === best.format.specificity && m.carrier !== best.carrier,
    );
    const note = rivals.length
      ? `ambiguous: could also be ${rivals.map((r) => r.carrier).join(', ')} — give the carrier to be sure`
      : null;
    return result(n, best, note);
  }
  if (matches[0]) return result(n, matches[0]);
  return {
    number: n,
    valid: false,
    carrier: null,
    reason: 'not a known tracking number format',
    format: null,
  };
}
