import type { Tx } from '../../../platform/db/tenant.ts';

/**
 * SKUs, warehouse codes and actor e-mails for the ids a ledger or transfer page carries, so the
 * admin shows what people recognise. One query per kind of id, only this shop's rows.
 */
export async function labelsFor(
  trx: Tx,
  shopId: string,
  ids: { variantIds: string[]; warehouseIds: string[]; userIds?: string[] },
) {
  const variantIds = [...new Set(ids.variantIds)];
  const warehouseIds = [...new Set(ids.warehouseIds)];
  const userIds = [...new Set(ids.userIds ?? [])];
  const [variants, warehouses, users] = await Promise.all([
    variantIds.length
      ? trx
          .selectFrom('variants')
          .select(['id', 'sku'])
          .where('shop_id', '=', shopId)
          .where('id', 'in', variantIds)
          .execute()
      : [],
    warehouseIds.length
      ? trx
          .selectFrom('warehouses')
          .select(['id', 'code'])
          .where('shop_id', '=', shopId)
          .where('id', 'in', warehouseIds)
          .execute()
      : [],
    // Only members of this shop: an actor id never reveals another shop's people.
    userIds.length
      ? trx
          .selectFrom('users as u')
          .innerJoin('memberships as m', 'm.user_id', 'u.id')
          .select(['u.id', 'u.email'])
          .where('m.shop_id', '=', shopId)
          .where('u.id', 'in', userIds)
          .execute()
      : [],
  ]);
  return {
    sku: new Map(variants.map((v) => [v.id, v.sku])),
    warehouse: new Map(warehouses.map((w) => [w.id, w.code])),
    user: new Map(users.map((u) => [u.id, u.email])),
  };
}
