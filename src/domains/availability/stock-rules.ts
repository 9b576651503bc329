import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import type { SkuOverride, StockRule } from './ats.ts';
import type { ListingScope } from './tables.ts';

const units = z.number().int().min(0).max(10_000_000);
const percent = z.number().int().min(0).max(100);

export const overrideSchema = z.object({
  channelSku: z.string().trim().min(1).max(100),
  bufferUnits: units.nullish(),
  bufferPercent: percent.nullish(),
  cap: units.nullish(),
  fixedQuantity: units.nullish(),
  doNotSync: z.boolean().optional(),
});

export const stockRulesSchema = z.object({
  /** null/omitted: every active warehouse that is not marketplace-fulfilled. */
  warehouseIds: z.array(z.uuid()).max(200).nullish(),
  bufferUnits: units.default(0),
  bufferPercent: percent.default(0),
  sharePercent: percent.default(100),
  cap: units.nullish(),
  listing: z.enum(['known', 'catalog']).default('known'),
  /** When given, replaces every per-SKU override of the account. */
  overrides: z.array(overrideSchema).max(10_000).optional(),
});
export type StockRulesInput = z.infer<typeof stockRulesSchema>;

export interface StockRules extends StockRule {
  accountId: string;
  warehouseIds: string[] | null;
  listing: ListingScope;
  /** false while the account runs on the defaults (no rule saved yet). */
  saved: boolean;
  updatedAt: Date | null;
}

export async function requireAccount(trx: Tx, shopId: string, accountId: string) {
  const acc = await trx
    .selectFrom('channel_accounts')
    .select(['id', 'name', 'channel', 'marketplace'])
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!acc) throw appError('NOT_FOUND', 'availability.account.notFound');
  return acc;
}

/** The account's rule, or the defaults (all non-FBA warehouses, no buffer, no cap) when none is saved. */
export async function getStockRules(trx: Tx, shopId: string, accountId: string): Promise<StockRules> {
  await requireAccount(trx, shopId, accountId);
  const row = await trx
    .selectFrom('channel_stock_rules')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('channel_account_id', '=', accountId)
    .executeTakeFirst();
  return {
    accountId,
    warehouseIds: row?.warehouse_ids ?? null,
    bufferUnits: row?.buffer_units ?? 0,
    bufferPercent: row?.buffer_percent ?? 0,
    sharePercent: row?.share_percent ?? 100,
    cap: row?.cap ?? null,
    listing: row?.listing ?? 'known',
    saved: !!row,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function listOverrides(trx: Tx, shopId: string, accountId: string, skus?: string[]) {
  let q = trx
    .selectFrom('channel_stock_overrides')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('channel_account_id', '=', accountId);
  if (skus) {
    if (!skus.length) return new Map<string, SkuOverride & { channelSku: string }>();
    q = q.where('channel_sku', 'in', skus);
  }
  const rows = await q.orderBy('channel_sku').execute();
  return new Map(
    rows.map((r) => [
      r.channel_sku,
      {
        channelSku: r.channel_sku,
        bufferUnits: r.buffer_units,
        bufferPercent: r.buffer_percent,
        cap: r.cap,
        fixedQuantity: r.fixed_quantity,
        doNotSync: r.do_not_sync,
      },
    ]),
  );
}

/** Save the account's rule (and, when given, its overrides), audited with the before and after. */
export async function saveStockRules(
  trx: Tx,
  shopId: string,
  actor: Actor,
  accountId: string,
  input: StockRulesInput,
) {
  const before = await getStockRules(trx, shopId, accountId);
  const warehouseIds = input.warehouseIds ? [...new Set(input.warehouseIds)] : null;
  if (warehouseIds?.length) {
    const found = await trx
      .selectFrom('warehouses')
      .select(['id', 'kind', 'code'])
      .where('shop_id', '=', shopId)
      .where('id', 'in', warehouseIds)
      .execute();
    const byId = new Map(found.map((w) => [w.id, w]));
    const issues = warehouseIds.flatMap((id, i) => {
      const w = byId.get(id);
      if (!w) return [issue(`warehouseIds.${i}`, 'availability.rules.unknownWarehouse')];
      if (w.kind === 'marketplace')
        return [issue(`warehouseIds.${i}`, 'availability.rules.marketplaceWarehouse', { code: w.code })];
      return [];
    });
    if (issues.length)
      throw appError('VALIDATION_FAILED', 'availability.rules.invalid', undefined, { issues });
  }
  const seen = new Set<string>();
  for (const [i, o] of (input.overrides ?? []).entries()) {
    if (seen.has(o.channelSku))
      throw appError('VALIDATION_FAILED', 'availability.rules.invalid', undefined, {
        issues: [
          issue(`overrides.${i}.channelSku`, 'availability.rules.duplicateSku', { sku: o.channelSku }),
        ],
      });
    seen.add(o.channelSku);
  }
  const values = {
    warehouse_ids: warehouseIds,
    buffer_units: input.bufferUnits,
    buffer_percent: input.bufferPercent,
    share_percent: input.sharePercent,
    cap: input.cap ?? null,
    listing: input.listing,
    updated_at: new Date(),
  };
  await trx
    .insertInto('channel_stock_rules')
    .values({ shop_id: shopId, channel_account_id: accountId, ...values })
    .onConflict((oc) => oc.columns(['shop_id', 'channel_account_id']).doUpdateSet(values))
    .execute();
  if (input.overrides) {
    await trx
      .deleteFrom('channel_stock_overrides')
      .where('shop_id', '=', shopId)
      .where('channel_account_id', '=', accountId)
      .execute();
    if (input.overrides.length)
      await trx
        .insertInto('channel_stock_overrides')
        .values(
          input.overrides.map((o) => ({
            shop_id: shopId,
            channel_account_id: accountId,
            channel_sku: o.channelSku,
            buffer_units: o.bufferUnits ?? null,
            buffer_percent: o.bufferPercent ?? null,
            cap: o.cap ?? null,
            fixed_quantity: o.fixedQuantity ?? null,
            do_not_sync: o.doNotSync ?? false,
          })),
        )
        .execute();
  }
  await recordAudit(trx, shopId, actor, {
    action: 'channel_stock_rules.saved',
    entityType: 'channel_account',
    entityId: accountId,
    changes: { before: { ...before, updatedAt: undefined }, after: input },
  });
  return getStockRulesView(trx, shopId, accountId);
}

/** The rule plus its overrides, as the API and the admin show them. */
export async function getStockRulesView(trx: Tx, shopId: string, accountId: string) {
  const rules = await getStockRules(trx, shopId, accountId);
  const overrides = [...(await listOverrides(trx, shopId, accountId)).values()];
  return { ...rules, overrides };
}
