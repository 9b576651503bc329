import { describe, expect, it } from 'vitest';
import { customsFormFor, customsFormRule } from './customs-form.ts';

describe('CN22 or CN23 by declared value (300 SDR, data with source)', () => {
  it('uses CN22 up to 300 SDR and CN23 above, per currency', () => {
    expect(customsFormRule.source).toMatch(/UPU/);
    const usdLimit = Math.floor(300 * customsFormRule.sdrRates.perSdr.USD! * 100);
    expect(customsFormFor(usdLimit, 'USD')).toBe('cn22');
    expect(customsFormFor(usdLimit + 100, 'USD')).toBe('cn23');
    expect(customsFormFor(2_000, 'EUR')).toBe('cn22');
    // JPY has no minor unit: ¥61,000 ≈ 298 SDR, ¥62,000 ≈ 302 SDR.
    expect(customsFormFor(61_000, 'JPY')).toBe('cn22');
    expect(customsFormFor(62_000, 'JPY')).toBe('cn23');
  });
  it('falls back to CN23 for a currency without a rate', () => {
    expect(customsFormFor(100, 'XAF')).toBe('cn23');
  });
});
