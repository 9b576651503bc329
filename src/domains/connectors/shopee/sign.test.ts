import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shopeeSign } from './sign.ts';

// Reference values computed independently of shopeeSign (node's HMAC over the documented base
// string), plus the documented base-string layout of Shopee's own auth example (10090,
// /api/v2/shop/auth_partner, 1594897040).
const hmacHex = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

describe('Shopee v2 signature', () => {
  it('signs public APIs over partner_id + path + timestamp', () => {
    const key = 'test-partner-key';
    expect(shopeeSign(key, 10090, '/api/v2/shop/auth_partner', 1594897040)).toBe(
      hmacHex(key, '10090/api/v2/shop/auth_partner1594897040'),
    );
  });

  it('appends access_token and shop_id for shop APIs', () => {
    const key = 'another-key';
    const sign = shopeeSign(key, '2001', '/api/v2/order/get_order_list', 1700000000, {
      accessToken: 'tok123',
      shopId: 556677,
    });
    expect(sign).toBe(hmacHex(key, '2001/api/v2/order/get_order_list1700000000tok123556677'));
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches a fixed vector (RFC 4231-style known answer)', () => {
    // HMAC-SHA256 with key "key" over "The quick brown fox jumps over the lazy dog" is a
    // well-known published value; the same primitive signs Shopee requests.
    expect(hmacHex('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
    // partner id "The quick brown fox", path " jumps over the lazy dog", timestamp 1.
    expect(shopeeSign('key', 'The quick brown fox', ' jumps over the lazy dog', 1)).toBe(
      hmacHex('key', 'The quick brown fox jumps over the lazy dog1'),
    );
  });
});
