import { createHmac } from 'node:crypto';

/**
 * Shopee Open Platform v2 signature: lowercase hex HMAC-SHA256, keyed with the partner key, over
 * partner_id + api path + timestamp (public APIs: auth, token) and, for shop APIs, followed by
 * access_token + shop_id. The timestamp (Unix seconds) must be within 5 minutes of Shopee's clock.
 */
export function shopeeSign(
  partnerKey: string,
  partnerId: string | number,
  path: string,
  timestamp: number,
  shop?: { accessToken: string; shopId: string | number },
): string {
  const base = `${partnerId}${path}${timestamp}${shop ? `${shop.accessToken}${shop.shopId}` : ''}`;
  return createHmac('sha256', partnerKey).update(base).digest('hex');
}
