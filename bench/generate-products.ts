/**
 * Believable catalog data for benchmarks: Chinese product titles built from word lists, English
 * brand words, 1–3 variants per product, tags, statuses, categories and thumbnails. Inserted as
 * multi-row inserts, one batch per tenant transaction, with the same search tokens the app writes.
 */
import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql } from 'kysely';
import { indexTokens } from '../src/domains/catalog/search-tokens.ts';
import type { ProductImagesTable, ProductsTable, VariantsTable } from '../src/domains/catalog/tables.ts';
import { gtinCheckDigit } from '../src/kernel/gtin.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { withShop } from '../src/platform/db/tenant.ts';

/** Small deterministic PRNG (mulberry32) so every run generates the same catalog. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

export const brands = [
  'Lumière',
  'Nordic',
  'Hygge',
  'Maple',
  'Aurora',
  'Pawsome',
  'Kumo',
  'Zenith',
  'Willow',
  'Ember',
  'Coastal',
  'Brightly',
  'Lavender',
  'Oakwood',
] as const;
const englishWords = [
  'Lavender',
  'Vanilla',
  'Ocean',
  'Cozy',
  'Classic',
  'Mini',
  'Pro',
  'Premium',
  'Travel',
  'Home',
  'Soft',
  'Eco',
];
const adjectives = [
  '北欧风',
  '简约',
  '加厚',
  '便携式',
  '复古',
  'ins风',
  '可折叠',
  '大容量',
  '创意',
  '日式',
  '无味',
  '防水',
  '家用',
  '多功能',
  '手工',
];
const materials = [
  '大豆',
  '陶瓷',
  '木质',
  '硅胶',
  '不锈钢',
  '棉麻',
  '竹制',
  '亚克力',
  '玻璃',
  '帆布',
  '羊毛',
];
/** Noun → category path; a few nouns share a category, as in a real shop. */
export const nouns: ReadonlyArray<readonly [string, string]> = [
  ['香薰蜡烛', '家居 > 香薰'],
  ['香薰机', '家居 > 香薰'],
  ['扩香石', '家居 > 香薰'],
  ['收纳盒', '家居 > 收纳'],
  ['收纳篮', '家居 > 收纳'],
  ['厨房置物架', '厨房 > 收纳'],
  ['硅胶铲', '厨房 > 厨具'],
  ['保温杯', '厨房 > 水杯'],
  ['马克杯', '厨房 > 水杯'],
  ['餐垫', '厨房 > 餐桌'],
  ['宠物玩具', '宠物 > 玩具'],
  ['猫抓板', '宠物 > 玩具'],
  ['狗狗牵引绳', '宠物 > 出行'],
  ['宠物窝', '宠物 > 家居'],
  ['手机壳', '数码 > 配件'],
  ['数据线', '数码 > 配件'],
  ['蓝牙耳机', '数码 > 音频'],
  ['瑜伽垫', '运动 > 瑜伽'],
  ['帆布包', '服饰 > 箱包'],
  ['发夹', '服饰 > 饰品'],
  ['钥匙扣', '服饰 > 饰品'],
  ['抱枕套', '家居 > 布艺'],
  ['陶瓷花瓶', '家居 > 摆件'],
  ['便签本', '文具 > 本册'],
];
const specs = ['200g', '礼盒装', '3件套', '大号', '小号', '套装', '', '', '', '50ml', '2只装'];
/** Tags with very different frequencies, so tag filters hit both common and rare values. */
const tagPool: ReadonlyArray<readonly [string, number]> = [
  ['热销', 0.25],
  ['新品', 0.15],
  ['包邮', 0.3],
  ['礼品', 0.1],
  ['节日', 0.05],
  ['限量', 0.02],
  ['清仓', 0.01],
];
const colors = ['白色', '黑色', '灰色', '粉色', '蓝色', '绿色'];

export function gtin13(n: number): string {
  const body = `690${String(n).padStart(9, '0')}`;
  return body + gtinCheckDigit(body);
}

export interface FakeProduct {
  handle: string;
  title: string;
  brand: string;
  category: string;
  status: 'draft' | 'active' | 'archived';
  tags: string[];
  variants: { sku: string; gtin: string; costMinor: number; weightG: number; color: string | undefined }[];
}

/** The n-th product of a catalog (pure function of the PRNG state). */
export function fakeProduct(r: Rng, n: number, prefix = 'SPU'): FakeProduct {
  const [noun, category] = r.pick(nouns);
  const brand = r.pick(brands);
  const en = r.next() < 0.4 ? ` ${r.pick(englishWords)}` : '';
  const material = r.next() < 0.5 ? r.pick(materials) : '';
  const title = `${brand}${en} ${r.pick(adjectives)}${material}${noun}${r.pick(specs)}`.trim();
  const s = r.next();
  const status = s < 0.6 ? 'active' : s < 0.9 ? 'draft' : 'archived';
  const tags = tagPool.filter(([, p]) => r.next() < p).map(([t]) => t);
  const handle = `${prefix}-${String(n).padStart(6, '0')}`;
  const count = r.int(1, 3);
  const variants = Array.from({ length: count }, (_, i) => ({
    sku: count === 1 ? handle : `${handle}-${i + 1}`,
    gtin: gtin13(n * 3 + i),
    costMinor: r.int(300, 9900),
    weightG: r.int(20, 2500),
    color: count === 1 ? undefined : colors[(n + i) % colors.length],
  }));
  return { handle, title, brand, category, status, tags, variants };
}

export interface GenerateOptions {
  shopId: string;
  count: number;
  seed?: number;
  /** Product code prefix; keeps two shops' catalogs distinguishable. */
  prefix?: string;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/** Insert `count` products (with variants, categories and thumbnails) into one shop. */
export async function generateProducts(db: Kysely<DB>, opts: GenerateOptions) {
  const { shopId, count } = opts;
  const r = rng(opts.seed ?? 42);
  const batchSize = opts.batchSize ?? 1000;
  const categoryIds = await ensureCategories(db, shopId);
  const now = Date.now();
  const yearMs = 365 * 24 * 3600 * 1000;
  let variants = 0;
  let images = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const productRows: Insertable<ProductsTable>[] = [];
    const variantRows: Insertable<VariantsTable>[] = [];
    const imageRows: Insertable<ProductImagesTable>[] = [];
    for (let n = start; n < end; n++) {
      const p = fakeProduct(r, n, opts.prefix);
      const id = randomUUID();
      const created = now - Math.floor(r.next() * yearMs);
      const updated = r.next() < 0.5 ? created : created + Math.floor(r.next() * (now - created));
      const colorValues = p.variants.map((v) => v.color).filter((c): c is string => !!c);
      productRows.push({
        shop_id: shopId,
        id,
        handle: p.handle,
        title: p.title,
        status: p.status,
        brand: p.brand,
        category_id: categoryIds.get(p.category)!,
        tags: p.tags,
        options: JSON.stringify(colorValues.length ? [{ name: '颜色', values: colorValues }] : []),
        search_tokens: indexTokens(
          p.title,
          p.brand,
          p.handle,
          p.category,
          ...p.tags,
          ...p.variants.map((v) => v.sku),
        ),
        created_at: new Date(created),
        updated_at: new Date(updated),
      });
      p.variants.forEach((v, i) => {
        variantRows.push({
          shop_id: shopId,
          id: randomUUID(),
          product_id: id,
          position: i,
          sku: v.sku,
          option_values: JSON.stringify(v.color ? { 颜色: v.color } : {}),
          gtin: v.gtin,
          cost_price_minor: v.costMinor,
          weight_g: v.weightG,
          hs_code: '3406000000',
          origin_country: 'CN',
          dg_lithium: 'none',
          dg_liquid: false,
          dg_magnet: false,
          dg_powder: false,
          dg_blade: false,
        });
      });
      // Most products have photos; the list shows the first one as a thumbnail.
      if (r.next() < 0.8) {
        const photos = r.int(1, 3);
        for (let i = 0; i < photos; i++) {
          const imageId = randomUUID();
          imageRows.push({
            shop_id: shopId,
            id: imageId,
            product_id: id,
            position: i,
            storage_key: `images/${shopId}/${imageId}`,
            content_type: 'image/webp',
            width: 1600,
            height: 1600,
            bytes: 180_000 + i,
          });
        }
      }
    }
    await withShop(db, shopId, async (trx) => {
      await trx.insertInto('products').values(productRows).execute();
      await trx.insertInto('variants').values(variantRows).execute();
      if (imageRows.length) await trx.insertInto('product_images').values(imageRows).execute();
    });
    variants += variantRows.length;
    images += imageRows.length;
    opts.onProgress?.(end);
  }
  return { products: count, variants, images, categories: categoryIds.size };
}

async function ensureCategories(db: Kysely<DB>, shopId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows: { shop_id: string; id: string; parent_id: string | null; name: string; path: string }[] = [];
  for (const path of new Set(nouns.map(([, c]) => c))) {
    const parts = path.split(' > ');
    let parentId: string | null = null;
    let current = '';
    for (const name of parts) {
      current = current ? `${current} > ${name}` : name;
      let id = ids.get(current);
      if (!id) {
        id = randomUUID();
        ids.set(current, id);
        rows.push({ shop_id: shopId, id, parent_id: parentId, name, path: current });
      }
      parentId = id;
    }
  }
  await withShop(db, shopId, (trx) => trx.insertInto('categories').values(rows).execute());
  return ids;
}

/** Fresh planner statistics after the bulk load, as autovacuum would eventually produce. */
export async function analyze(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
