import { sql } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { reserveStockForOrders, type StockCandidate } from './reserve-stock-hook.ts';
import type { Component } from './tables.ts';
import { insertEvents } from './write-rows.ts';

export const skuMappingSchema = z.object({
  /** Omit for a mapping that applies to every account of the shop. */
  channelAccountId: z.uuid().nullish(),
  channelSku: z.string().trim().min(1).max(100),
  /** Cunkou SKUs per ONE channel unit: [{sku:'MUG-RED', quantity:1}] or a kit / a 3-pack. */
  components: z
    .array(z.object({ sku: z.string().trim().min(1).max(100), quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(50),
});
export type SkuMappingInput = z.infer<typeof skuMappingSchema>;

/**
 * Map a channel SKU to catalog variants (saving over an existing mapping for the same account and
 * SKU), then resolve every order line waiting on it and lift `unmapped_sku` from orders that have
 * no unmapped line left — those may now reserve stock.
 */
export async function createSkuMapping(trx: Tx, shopId: string, actor: Actor, input: SkuMappingInput) {
  const accountId = input.channelAccountId ?? null;
  const skus = input.components.map((c) => c.sku);
  const variants = await trx
    .selectFrom('variants')
    .select(['id', 'sku'])
    .where('shop_id', '=', shopId)
    .where('sku', 'in', skus)
    .execute();
  const bySku = new Map(variants.map((v) => [v.sku, v.id]));
  const unknown = skus.filter((s) => !bySku.has(s));
  if (unknown.length)
    throw appError(
      'VALIDATION_FAILED',
      'orders.skuMapping.variantNotFound',
      { sku: unknown[0]! },
      { issues: unknown.map((sku) => issue('components.sku', 'orders.skuMapping.variantNotFound', { sku })) },
    );
  if (accountId) {
    const acc = await trx
      .selectFrom('channel_accounts')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!acc) throw appError('NOT_FOUND', 'orders.account.notFound');
  }
  const components: Component[] = input.components.map((c) => ({
    variantId: bySku.get(c.sku)!,
    sku: c.sku,
    quantity: c.quantity,
  }));
  const json = JSON.stringify(components);
  const existing = await trx
    .selectFrom('sku_mappings')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('channel_sku', '=', input.channelSku)
    .where((eb) =>
      accountId ? eb('channel_account_id', '=', accountId) : eb('channel_account_id', 'is', null),
    )
    .executeTakeFirst();
  const id = existing?.id ?? newId();
  if (existing)
    await trx
      .updateTable('sku_mappings')
      .set({ components: json })
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .execute();
  else
    await trx
      .insertInto('sku_mappings')
      .values({
        shop_id: shopId,
        id,
        channel_account_id: accountId,
        channel_sku: input.channelSku,
        components: json,
      })
      .execute();

  const touched = await sql<{ order_id: string }>`
    UPDATE order_lines l SET components = ${json}::jsonb
    FROM orders o
    WHERE l.shop_id = ${shopId} AND l.channel_sku = ${input.channelSku} AND l.components IS NULL
      AND o.shop_id = l.shop_id AND o.id = l.order_id
      AND (${accountId}::uuid IS NULL OR o.channel_account_id = ${accountId}::uuid)
    RETURNING l.order_id`.execute(trx);
  const orderIds = [...new Set(touched.rows.map((r) => r.order_id))];
  let released: StockCandidate[] = [];
  if (orderIds.length) {
    const res = await sql<StockCandidate>`
      UPDATE orders o SET holds = array_remove(o.holds, 'unmapped_sku'), version = o.version + 1, updated_at = now()
      WHERE o.shop_id = ${shopId}
        AND o.id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(orderIds)}::json))
        AND 'unmapped_sku' = ANY (o.holds)
        AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.shop_id = o.shop_id AND l.order_id = o.id AND l.components IS NULL)
      RETURNING o.id, o.status, o.fulfillment, o.holds`.execute(trx);
    released = res.rows;
    const who = actor.userId ?? actor.tokenId;
    await insertEvents(trx, [
      ...orderIds.map((order_id) => ({
        shop_id: shopId,
        order_id,
        type: 'sku_mapped',
        data: { channelSku: input.channelSku, components },
        actor: who,
      })),
      ...released.map((o) => ({
        shop_id: shopId,
        order_id: o.id,
        type: 'hold_released',
        data: { hold: 'unmapped_sku' },
        actor: who,
      })),
    ]);
    await reserveStockForOrders(trx, shopId, released);
  }
  await recordAudit(trx, shopId, actor, {
    action: 'sku_mapping.saved',
    entityType: 'sku_mapping',
    entityId: id,
    changes: { ...input, resolvedOrders: orderIds.length },
  });
  return {
    id,
    channelAccountId: accountId,
    channelSku: input.channelSku,
    components,
    resolvedOrders: orderIds.length,
    releasedOrders: released.length,
  };
}
