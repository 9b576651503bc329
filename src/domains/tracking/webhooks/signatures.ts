/**
 * Webhook authentication, pure. Carriers use Cunkou's scheme: hex HMAC-SHA256 of
 * `${timestamp}.${rawBody}` with the shop's secret, timestamp (Unix seconds) within 5 minutes.
 * 17TRACK signs a push with the `sign` header: hex SHA-256 of `${rawBody}/${securityKey}`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 300;

export type SignatureVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'missing_signature' | 'missing_timestamp' | 'stale_timestamp' | 'signature_mismatch';
    };

export function carrierSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export function seventeenTrackSign(rawBody: string, key: string): string {
  return createHash('sha256').update(`${rawBody}/${key}`).digest('hex');
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.trim().toLowerCase(), 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

export function verifyCarrierSignature(opts: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now?: Date;
}): SignatureVerdict {
  if (!opts.signature) return { ok: false, reason: 'missing_signature' };
  if (!opts.timestamp || !/^\d{9,11}$/.test(opts.timestamp))
    return { ok: false, reason: 'missing_timestamp' };
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(opts.timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'stale_timestamp' };
  return sameHex(carrierSignature(opts.secret, opts.timestamp, opts.rawBody), opts.signature)
    ? { ok: true }
    : { ok: false, reason: 'signature_mismatch' };
}

export function verifySeventeenTrackSign(opts: {
  key: string;
  sign: string | undefined;
  rawBody: string;
}): SignatureVerdict {
  if (!opts.sign) return { ok: false, reason: 'missing_signature' };
  return sameHex(seventeenTrackSign(opts.rawBody, opts.key), opts.sign)
    ? { ok: true }
    : { ok: false, reason: 'signature_mismatch' };
}
