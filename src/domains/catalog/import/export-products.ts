import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import { writeTabular } from '../../../platform/files/tabular/index.ts';

/** Columns of the export; the same names the importer recognises, so an export re-imports as is. */
const columns = [
  'handle',
  'title',
  'status',
  'brand',
  'category',
  'tags',
  'option1Name',
  'option1Value',
  'option2Name',
  'option2Value',
  'sku',
  'gtin',
  'price',
  'priceCurrency',
  'costPrice',
  'weightG',
  'lengthMm',
  'widthMm',
  'heightMm',
  'hsCode',
  'declaredNameEn',
  'declaredNameZh',
  'material',
  'originCountry',
  'lithiumBattery',
  'liquid',
  'magnet',
  'powder',
  'blade',
] as const;

const money = (minor: number | null) =>
  minor == null ? '' : `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Stream every product variant as one row, page by page (keyset), to xlsx or CSV. */
export async function exportProducts(
  db: Kysely<DB>,
  shopId: string,
  format: 'xlsx' | 'csv',
  out: NodeJS.WritableStream | { path: string },
) {
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const page = await withShop(db, shopId, (trx) => {
        let q = trx
          .selectFrom('variants as v')
          .innerJoin('products as p', (j) =>
            j.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'),
          )
          .leftJoin('categories as c', (j) =>
            j.onRef('c.shop_id', '=', 'p.shop_id').onRef('c.id', '=', 'p.category_id'),
          )
          .selectAll('v')
          .select(['p.handle', 'p.title', 'p.status', 'p.brand', 'p.tags', 'p.options', 'c.path as category'])
          .where('v.shop_id', '=', shopId)
          .orderBy('v.sku')
          .limit(1000);
        if (after) q = q.where('v.sku', '>', after);
        return q.execute();
      });
      for (const v of page) {
        const options = (v.options as { name: string }[]).map((o) => o.name);
        const values = v.option_values as Record<string, string>;
        yield [
          v.handle ?? '',
          v.title,
          v.status,
          v.brand ?? '',
          v.category ?? '',
          v.tags.join(', '),
          options[0] ?? '',
          options[0] ? (values[options[0]] ?? '') : '',
          options[1] ?? '',
          options[1] ? (values[options[1]] ?? '') : '',
          v.sku,
          v.gtin ?? '',
          money(v.price_minor),
          v.price_currency ?? '',
          money(v.cost_price_minor),
          v.weight_g ?? '',
          v.length_mm ?? '',
          v.width_mm ?? '',
          v.height_mm ?? '',
          v.hs_code ?? '',
          v.declared_name_en ?? '',
          v.declared_name_zh ?? '',
          v.material ?? '',
          v.origin_country ?? '',
          v.dg_lithium,
          yesNo(v.dg_liquid),
          yesNo(v.dg_magnet),
          yesNo(v.dg_powder),
          yesNo(v.dg_blade),
        ];
      }
      if (page.length < 1000) return;
      after = page.at(-1)!.sku;
    }
  }
  await writeTabular(out, format, [...columns], rows(), { sheetName: 'products' });
}
