/**
 * The fields a product sheet can fill, with the column names sellers actually use (Chinese ERP
 * exports, Shopify-style English) so the first mapping is usually right without any clicks.
 */
export interface TargetField {
  key: string;
  label: { en: string; zh: string };
  level: 'product' | 'variant';
  required?: 'new-product' | 'always';
  synonyms: string[];
}

const f = (
  key: string,
  en: string,
  zh: string,
  level: 'product' | 'variant',
  synonyms: string[],
  required?: TargetField['required'],
): TargetField => ({
  key,
  label: { en, zh },
  level,
  synonyms: [key, en, zh, ...synonyms],
  ...(required ? { required } : {}),
});

export const targetFields: TargetField[] = [
  f('handle', 'Product code', '款号', 'product', [
    'handle',
    'spu',
    '货号',
    '产品编号',
    '商品编码',
    'parent sku',
    '父sku',
    'product id',
  ]),
  f(
    'title',
    'Title',
    '标题',
    'product',
    ['product name', 'name', '产品名称', '商品名称', '中文名称', '商品标题', 'title (zh-cn)'],
    'new-product',
  ),
  f('descriptionHtml', 'Description', '描述', 'product', [
    'body (html)',
    'description html',
    '商品描述',
    '产品描述',
    '详情',
  ]),
  f('status', 'Status', '状态', 'product', ['商品状态']),
  f('brand', 'Brand', '品牌', 'product', ['vendor', '品牌名']),
  f('category', 'Category', '类目', 'product', [
    'product type',
    'category path',
    '分类',
    '产品分类',
    '商品类目',
  ]),
  f('tags', 'Tags', '标签', 'product', ['关键词', 'keywords']),
  f('bulletPoints', 'Bullet points', '卖点', 'product', ['bullets', '五点描述', '产品卖点']),
  f('seoTitle', 'SEO title', 'SEO标题', 'product', []),
  f('seoDescription', 'SEO description', 'SEO描述', 'product', []),
  f('option1Name', 'Option1 name', '规格1名称', 'product', ['option1 name', '属性1名称']),
  f('option1Value', 'Option1 value', '规格1', 'variant', ['option1 value', '属性1', '颜色']),
  f('option2Name', 'Option2 name', '规格2名称', 'product', ['option2 name', '属性2名称']),
  f('option2Value', 'Option2 value', '规格2', 'variant', ['option2 value', '属性2', '尺寸']),
  f('option3Name', 'Option3 name', '规格3名称', 'product', ['option3 name', '属性3名称']),
  f('option3Value', 'Option3 value', '规格3', 'variant', ['option3 value', '属性3']),
  f(
    'sku',
    'SKU',
    'SKU',
    'variant',
    ['variant sku', 'seller sku', 'sku编码', '子sku', '变体sku', '商品sku', 'sku code'],
    'always',
  ),
  f('gtin', 'GTIN/EAN/UPC', '条码', 'variant', [
    'barcode',
    'variant barcode',
    'ean',
    'upc',
    'gtin',
    '条形码',
    'ean码',
  ]),
  f('price', 'Price', '售价', 'variant', ['variant price', '价格', '销售价']),
  f('priceCurrency', 'Currency', '币种', 'variant', ['price currency', '货币']),
  f('costPrice', 'Cost price (CNY)', '成本价', 'variant', [
    'cost per item',
    'cost',
    '采购价',
    '成本',
    '进价',
    '成本价(元)',
  ]),
  f('weightG', 'Weight (g)', '重量(g)', 'variant', [
    'weight',
    'variant grams',
    'grams',
    '重量',
    '重量g',
    '毛重(g)',
  ]),
  f('weightKg', 'Weight (kg)', '重量(kg)', 'variant', ['weight kg', '毛重(kg)']),
  f('lengthMm', 'Length (mm)', '长(mm)', 'variant', ['length', '长', '长度']),
  f('widthMm', 'Width (mm)', '宽(mm)', 'variant', ['width', '宽', '宽度']),
  f('heightMm', 'Height (mm)', '高(mm)', 'variant', ['height', '高', '高度']),
  f('hsCode', 'HS code', '海关编码', 'variant', ['hs', 'hscode', 'hs编码', 'tariff code', 'harmonized code']),
  f('declaredNameEn', 'Declared name (EN)', '英文申报名', 'variant', [
    'customs name en',
    '申报英文名',
    'declared name en',
  ]),
  f('declaredNameZh', 'Declared name (ZH)', '中文申报名', 'variant', [
    'customs name zh',
    '申报中文名',
    'declared name zh',
  ]),
  f('material', 'Material', '材质', 'variant', ['材料']),
  f('originCountry', 'Country of origin', '原产国', 'variant', ['origin', 'country of origin', '产地']),
  f('lithiumBattery', 'Lithium battery', '锂电池', 'variant', ['battery', '带电', '电池类型']),
  f('liquid', 'Liquid', '液体', 'variant', ['含液体']),
  f('magnet', 'Magnet', '磁性', 'variant', ['含磁', '带磁']),
  f('powder', 'Powder', '粉末', 'variant', ['含粉末']),
  f('blade', 'Blade', '刀具', 'variant', ['含刀具', '利器']),
];

export const targetFieldByKey = new Map(targetFields.map((t) => [t.key, t]));

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-()（）:：*]/g, '');

/** Guess the target field for each header; each target is used at most once. */
export function suggestMapping(headers: string[]): Record<string, string | null> {
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const header of headers) {
    const h = squash(header);
    const match = targetFields.find((t) => !used.has(t.key) && t.synonyms.some((s) => squash(s) === h));
    mapping[header] = match?.key ?? null;
    if (match) used.add(match.key);
  }
  return mapping;
}
