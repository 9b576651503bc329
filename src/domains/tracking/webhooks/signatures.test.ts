import { describe, expect, it } from 'vitest';
import {
  carrierSignature,
  seventeenTrackSign,
  verifyCarrierSignature,
  verifySeventeenTrackSign,
} from './signatures.ts';

describe('webhook signatures', () => {
  const body = '{"events":[]}';
  const now = new Date('2026-11-26T00:00:00Z');
  const ts = String(now.getTime() / 1000);

  it('accepts the HMAC of timestamp.body within five minutes', () => {
    const signature = carrierSignature('s3cret', ts, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(
      verifyCarrierSignature({ secret: 's3cret', timestamp: ts, signature, rawBody: body, now }),
    ).toEqual({ ok: true });
    const later = new Date(now.getTime() + 299_000);
    expect(
      verifyCarrierSignature({ secret: 's3cret', timestamp: ts, signature, rawBody: body, now: later }).ok,
    ).toBe(true);
  });
  it.each([
    ['another secret', { secret: 'other' }, 'signature_mismatch'],
    ['another body', { rawBody: '{"events":[1]}' }, 'signature_mismatch'],
    ['no signature', { signature: undefined }, 'missing_signature'],
    ['no timestamp', { timestamp: undefined }, 'missing_timestamp'],
    ['a stale timestamp', { now: new Date(now.getTime() + 301_000) }, 'stale_timestamp'],
    ['a garbage signature', { signature: 'zz' }, 'signature_mismatch'],
  ])('refuses %s', (_n, change, reason) => {
    const signature = carrierSignature('s3cret', ts, body);
    const v = verifyCarrierSignature({
      secret: 's3cret',
      timestamp: ts,
      signature,
      rawBody: body,
      now,
      ...change,
    });
    expect(v).toEqual({ ok: false, reason });
  });
  it('17TRACK: sha256 of body/key', () => {
    const sign = seventeenTrackSign(body, 'key-1');
    expect(verifySeventeenTrackSign({ key: 'key-1', sign, rawBody: body })).toEqual({ ok: true });
    expect(verifySeventeenTrackSign({ key: 'key-2', sign, rawBody: body }).ok).toBe(false);
    expect(verifySeventeenTrackSign({ key: 'key-1', sign: undefined, rawBody: body })).toEqual({
      ok: false,
      reason: 'missing_signature',
    });
  });
});
