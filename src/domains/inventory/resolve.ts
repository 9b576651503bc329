import { appError, issue, issueList } from '../../kernel/errors.ts';
import { isUuid } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';

export interface VariantRef {
  variantId?: string | undefined;
  sku?: string | undefined;
}

export interface ResolvedVariant {
  variantId: string;
  sku: string;
}

/**
 * Variant ids for lines given by id or by the SKU a person typed, in one query against the
 * catalog's variants (read-only). Unknown ones fail together, each naming its line.
 */
export async function resolveVariants(
  trx: Tx,
  shopId: string,
  refs: VariantRef[],
  field = 'lines',
  /** One variant, not a list: issues name `field` itself rather than `field.0.sku`. */
  single = false,
): Promise<ResolvedVariant[]> {
  const at = (i: number, key: string) => (single ? field : `${field}.${i}.${key}`);
  const ids = refs.map((r) => r.variantId).filter((id): id is string => !!id && isUuid(id));
  const skus = refs.map((r) => r.sku).filter((s): s is string => !!s);
  const rows =
    ids.length || skus.length
      ? await trx
          .selectFrom('variants')
          .select(['id', 'sku'])
          .where('shop_id', '=', shopId)
          .where((eb) =>
            eb.or([
              ...(ids.length ? [eb('id', 'in', ids)] : []),
              ...(skus.length ? [eb('sku', 'in', skus)] : []),
            ]),
          )
          .execute()
      : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  const issues = [];
  const out: ResolvedVariant[] = [];
  for (const [i, r] of refs.entries()) {
    const found = r.variantId ? byId.get(r.variantId) : r.sku ? bySku.get(r.sku) : undefined;
    if (found) out.push({ variantId: found.id, sku: found.sku });
    else if (r.variantId) issues.push(issue(at(i, 'variantId'), 'stock.unknownVariant'));
    else if (r.sku) issues.push(issue(at(i, 'sku'), 'stock.unknownSku', { sku: r.sku }));
    else issues.push(issue(single ? field : `${field}.${i}`, 'stock.variantRequired'));
  }
  if (issues.length) {
    throw appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list: issueList(issues) }, { issues });
  }
  return out;
}

export async function resolveVariant(trx: Tx, shopId: string, ref: VariantRef, field = 'variant') {
  const [v] = await resolveVariants(trx, shopId, [ref], field, true);
  return v!;
}

/** A warehouse of the shop by id (API) or by code (CLI); NOT_FOUND otherwise. */
export async function resolveWarehouse(
  trx: Tx,
  shopId: string,
  ref: { warehouseId?: string; code?: string },
) {
  if (ref.warehouseId && !isUuid(ref.warehouseId)) throw appError('NOT_FOUND', 'warehouse.notFound');
  const w = await trx
    .selectFrom('warehouses')
    .selectAll()
    .where('shop_id', '=', shopId)
    .$if(!!ref.warehouseId, (q) => q.where('id', '=', ref.warehouseId!))
    .$if(!ref.warehouseId, (q) => q.where('code', '=', ref.code ?? ''))
    .executeTakeFirst();
  if (!w) {
    throw ref.warehouseId
      ? appError('NOT_FOUND', 'warehouse.notFound')
      : appError('NOT_FOUND', 'warehouse.codeNotFound', { code: ref.code ?? '' });
  }
  return w;
}
