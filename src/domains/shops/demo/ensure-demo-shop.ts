import { withShop } from '../../../platform/db/tenant.ts';
import type { Deps } from '../../../server.ts';
import {
  ensureCategoryPath,
  productInputSchema,
  saveProduct,
  saveTranslations,
  uploadProductImage,
} from '../../catalog/index.ts';
import { seedDemoLogistics } from '../../logistics/index.ts';
import { createSender, senderSchema } from '../../shipping/index.ts';
import { addMember } from '../add-member.ts';
import { createShop, findShopBySlug } from '../create-shop.ts';
import type { Actor } from '../record-audit.ts';
import { descriptions, kinds, scents, sizeWord } from './catalog-data.ts';
import { renderCandleImage } from './images/render-candle.ts';

export const DEMO = { slug: 'lumiere-candles', email: 'demo@cunkou.local', password: 'cunkou-demo' } as const;

/**
 * A believable demo: a candle factory with 50 products (10 scents × 5 kinds, 2 sizes each), trade
 * data for customs, reviewed English, German and Spanish translations and locally drawn photos.
 * Safe to run again: an existing demo shop is left as it is.
 */
export async function ensureDemoShop(deps: Deps, opts: { onlyIfEmpty: boolean; log: (m: string) => void }) {
  const db = deps.database.db;
  const result = { shop: DEMO.slug, email: DEMO.email, password: DEMO.password, created: false };
  if (opts.onlyIfEmpty && (await db.selectFrom('shops').select('id').limit(1).executeTakeFirst())) {
    return (await findShopBySlug(db, DEMO.slug)) ? result : undefined;
  }
  if (await findShopBySlug(db, DEMO.slug)) return result;
  opts.log('Creating the demo shop 明光蜡烛厂 Lumière Candle Co. (50 products)…');
  const shop = await createShop(db, {
    slug: DEMO.slug,
    name: '明光蜡烛厂 Lumière Candle Co.',
    targetLocales: ['en', 'de', 'es'],
    defaultCurrency: 'USD',
  });
  const owner = await addMember(db, {
    shopId: shop.id,
    email: DEMO.email,
    name: '王丽 Wang Li',
    role: 'owner',
    password: DEMO.password,
  });
  const actor: Actor = { userId: owner.userId, tokenId: null };
  await withShop(db, shop.id, (trx) =>
    trx
      .insertInto('glossary_terms')
      .values({
        shop_id: shop.id,
        id: crypto.randomUUID(),
        term: 'Lumière',
        target_locale: null,
        translation: null,
        do_not_translate: true,
      })
      .execute(),
  );
  let n = 0;
  for (const kind of kinds) {
    for (const [si, scent] of scents.entries()) {
      n++;
      const code = `LC-${kind.key.toUpperCase()}-${String(si + 1).padStart(2, '0')}`;
      const image = await renderCandleImage({
        seed: n,
        label: scent.en,
        color: scent.color,
        shape: kind.shape,
      });
      await withShop(db, shop.id, async (trx) => {
        const categoryId = await ensureCategoryPath(trx, shop.id, kind.category);
        const input = productInputSchema.parse({
          handle: code,
          title: `Lumière ${scent.zh}${kind.zh}`,
          descriptionHtml: descriptions.zh(scent.zh, kind.zh),
          status: n % 10 === 0 ? 'draft' : 'active',
          brand: 'Lumière',
          categoryId,
          tags: ['蜡烛', scent.zh, kind.key],
          bulletPoints: ['天然大豆蜡', '棉芯无烟', '燃烧时间长'],
          options: [{ name: sizeWord.zh, values: kind.sizes.map((s) => s[0]) }],
          variants: kind.sizes.map(([size, net, gross], i) => ({
            sku: `${code}-${i + 1}`,
            optionValues: { [sizeWord.zh]: size },
            gtin: gtin13(`69${String(n).padStart(4, '0')}${String(i).padStart(6, '0')}`),
            priceMinor: kind.price[i],
            priceCurrency: 'USD',
            costPriceMinor: kind.cost[i],
            weightG: gross,
            lengthMm: 90,
            widthMm: 90,
            heightMm: 100 + i * 40,
            hsCode: kind.hs,
            declaredNameEn: `${kind.en} (${net}g soy wax)`,
            declaredNameZh: kind.zh,
            material: '大豆蜡 soy wax',
            originCountry: 'CN',
          })),
        });
        const product = await saveProduct(trx, shop.id, actor, input);
        for (const locale of ['en', 'de', 'es'] as const) {
          const title =
            locale === 'en' ? `Lumière ${scent.en} ${kind.en}` : `Lumière ${kind[locale]} ${scent[locale]}`;
          await saveTranslations(trx, { id: shop.id, sourceLocale: 'zh-CN' }, actor, product.id, locale, [
            { entityType: 'product', entityId: product.id, field: 'title', value: title },
            {
              entityType: 'product',
              entityId: product.id,
              field: 'descriptionHtml',
              value: descriptions[locale](scent[locale], kind[locale]),
            },
          ]);
        }
        await uploadProductImage(trx, deps.storage, shop.id, actor, product.id, image, `${code}.png`);
      });
    }
  }
  // Shipping scenery: four logistics services with demo rate cards and the factory as sender.
  await withShop(db, shop.id, async (trx) => {
    await seedDemoLogistics(trx, shop.id);
    await createSender(
      trx,
      shop.id,
      senderSchema.parse({
        name: 'Wang Li',
        nameZh: '王丽',
        company: 'Lumiere Candle Co.',
        companyZh: '抚顺明光蜡烛厂',
        line1: 'No. 18 Yongan Road, Shuncheng District',
        addressZh: '辽宁省抚顺市顺城区永安路18号',
        city: 'Fushun',
        region: 'Liaoning',
        postcode: '113006',
        country: 'CN',
        phone: '+86 24 5212 3456',
        isDefault: true,
      }),
    );
  });
  opts.log(`Demo shop ready: ${n} products.`);
  return { ...result, created: true };
}

/** Append the GS1 check digit to 12 digits. */
function gtin13(body: string) {
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}
