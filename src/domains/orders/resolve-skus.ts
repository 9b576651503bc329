import type { Tx } from '../../platform/db/tenant.ts';
import type { Component } from './tables.ts';

/**
 * Channel SKU → Cunkou variants: an explicit mapping (this account's first, then the shop-wide
 * one) wins; else a variant with exactly that SKU in the catalog (read-only, scoped by shop).
 * `null` = unmapped: the order waits in the mapping queue. Answers are cached for one import.
 */
export function createSkuResolver(shopId: string, channelAccountId: string) {
  const cache = new Map<string, Component[] | null>();
  return async (trx: Tx, skus: Iterable<string>): Promise<Map<string, Component[] | null>> => {
    const missing = [...new Set(skus)].filter((s) => !cache.has(s));
    if (missing.length) {
      const mappings = await trx
        .selectFrom('sku_mappings')
        .select(['channel_sku', 'channel_account_id', 'components'])
        .where('shop_id', '=', shopId)
        .where('channel_sku', 'in', missing)
        .where((eb) =>
          eb.or([eb('channel_account_id', '=', channelAccountId), eb('channel_account_id', 'is', null)]),
        )
        .execute();
      for (const m of mappings) {
        if (m.channel_account_id || !cache.has(m.channel_sku)) cache.set(m.channel_sku, m.components);
      }
      const rest = missing.filter((s) => !cache.has(s));
      if (rest.length) {
        const variants = await trx
          .selectFrom('variants')
          .select(['id', 'sku'])
          .where('shop_id', '=', shopId)
          .where('sku', 'in', rest)
          .execute();
        for (const v of variants) cache.set(v.sku, [{ variantId: v.id, sku: v.sku, quantity: 1 }]);
        for (const s of rest) if (!cache.has(s)) cache.set(s, null);
      }
    }
    return cache;
  };
}
