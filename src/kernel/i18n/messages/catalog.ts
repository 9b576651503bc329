import type { Template } from '../types.ts';

/** Products, variants, categories, glossary, translations and images (src/domains/catalog). */
export const catalogMessages = {
  'product.notFound': {
    en: 'This product does not exist in this shop.',
    'zh-CN': '本店铺中没有这个商品。',
  },
  'product.conflict': {
    en: 'Someone else saved this product since you opened it. Reload it and apply your changes again.',
    'zh-CN': '你打开这个商品后，别人已经保存过它。请刷新后重新修改。',
  },
  'product.onlyDraftDeletable': {
    en: 'Only draft products can be deleted; archive active products instead.',
    'zh-CN': '只有草稿商品可以删除；在售商品请改为下架。',
  },
  'product.skuUsedTwice': {
    en: 'SKU used twice: {list}. SKUs must be unique in the shop.',
    'zh-CN': 'SKU 重复：{list}。同一店铺内的 SKU 不能重复。',
  },
  'product.skuTwiceInProduct': {
    en: 'SKU "{sku}" is used twice in this product (also variant {other})',
    'zh-CN': 'SKU「{sku}」在这个商品里用了两次（第 {other} 个规格也在用）',
  },
  'product.skuTaken': {
    en: 'SKU already used: {list}. SKUs must be unique in the shop.',
    'zh-CN': 'SKU 已被使用：{list}。同一店铺内的 SKU 不能重复。',
  },
  'product.skuTakenItem': { en: '{sku} ({title})', 'zh-CN': '{sku}（{title}）' },
  'product.skuBelongsTo': {
    en: 'SKU "{sku}" already belongs to "{title}"',
    'zh-CN': 'SKU「{sku}」已属于商品「{title}」',
  },
  'product.handleTaken': {
    en: 'The product code "{handle}" already belongs to "{title}".',
    'zh-CN': '商品编码「{handle}」已属于商品「{title}」。',
  },
  'product.handleTakenIssue': { en: 'already used by another product', 'zh-CN': '已被其他商品使用' },
  'product.unknownCategory': {
    en: 'The category does not exist in this shop.',
    'zh-CN': '本店铺中没有这个类目。',
  },
  'product.unknownCategoryIssue': { en: 'unknown category', 'zh-CN': '类目不存在' },
  'product.notAnOption': {
    en: '"{name}" is not one of the product\'s options',
    'zh-CN': '「{name}」不是这个商品的规格项',
  },
  'variant.gtinInvalid': { en: 'GTIN "{value}": {reason}', 'zh-CN': '{reason}（填写的是 {value}）' },
  'variant.hsCodeInvalid': { en: 'HS code "{value}": {reason}', 'zh-CN': '{reason}（填写的是 {value}）' },
  'variant.countryInvalid': {
    en: '"{value}" is not an ISO 3166 country code (e.g. CN)',
    'zh-CN': '「{value}」不是 ISO 3166 国家代码（例如中国是 CN）',
  },
  'variant.priceNeedsCurrency': {
    en: 'a price needs its currency (e.g. USD)',
    'zh-CN': '填了价格就要填币种（例如 USD）',
  },
  // Zod schema messages (product-schema.ts): the schema carries the English text, the catalog both.
  'schema.skuRequired': { en: 'SKU is required', 'zh-CN': 'SKU 必填' },
  'schema.currencyCode': { en: 'ISO 4217 code like USD', 'zh-CN': '应为 ISO 4217 币种代码，例如 USD' },
  'schema.titleRequired': { en: 'title is required', 'zh-CN': '标题必填' },
  'schema.variantRequired': {
    en: 'a product needs at least one variant (SKU)',
    'zh-CN': '商品至少需要一个规格（SKU）',
  },
  'category.invalidName': {
    en: 'A category name must not be empty or contain ">".',
    'zh-CN': '类目名称不能为空，也不能包含“>”。',
  },
  'category.invalidNameIssue': { en: 'invalid name', 'zh-CN': '名称无效' },
  'category.parentMissing': {
    en: 'The parent category does not exist.',
    'zh-CN': '上级类目不存在。',
  },
  'category.exists': { en: 'The category "{path}" already exists.', 'zh-CN': '类目「{path}」已存在。' },
  'glossary.termEmpty': { en: 'The term is empty.', 'zh-CN': '术语为空。' },
  'glossary.duplicate': {
    en: 'The glossary already has a rule for "{term}" in this language. Delete it first to change it.',
    'zh-CN': '术语表里已有「{term}」在该语言下的规则。如需修改，请先删除原规则。',
  },
  'glossary.translationMissing': {
    en: 'Give a translation and its language, or mark the term "do not translate".',
    'zh-CN': '请填写译文和语言，或把这个术语标记为“不翻译”。',
  },
  'glossary.translationMissingIssue': {
    en: 'required unless do-not-translate',
    'zh-CN': '必填（标记为“不翻译”时除外）',
  },
  'glossary.notFound': {
    en: 'No such glossary term in this shop.',
    'zh-CN': '本店铺的术语表中没有这个术语。',
  },
  'translation.isSource': {
    en: '{locale} is the source language; edit the product itself instead.',
    'zh-CN': '{locale} 是源语言；请直接编辑商品本身。',
  },
  'translation.isSourceIssue': { en: 'is the source language', 'zh-CN': '是源语言' },
  'translation.noSourceText': {
    en: '{entityType} field "{field}" has no source text to translate',
    'zh-CN': '{entityType} 的字段「{field}」没有可翻译的原文',
  },
  'translation.bulletsJson': {
    en: 'bullet points must be a JSON array of strings',
    'zh-CN': '卖点必须是字符串组成的 JSON 数组',
  },
  'translation.someFailed': {
    en: 'Some translations could not be saved.',
    'zh-CN': '部分译文无法保存。',
  },
  'translation.providerMissing': {
    en: '{remaining} field(s) still need a translation and no machine translation service is set up. Translate them by hand, or set CUNKOU_TRANSLATE_PROVIDER (libretranslate or deepl) with CUNKOU_TRANSLATE_URL / CUNKOU_TRANSLATE_KEY.',
    'zh-CN':
      '还有 {remaining} 个字段需要翻译，但没有配置机器翻译服务。请手动翻译，或请管理员设置 CUNKOU_TRANSLATE_PROVIDER（libretranslate 或 deepl）以及 CUNKOU_TRANSLATE_URL / CUNKOU_TRANSLATE_KEY。',
  },
  'image.notFound': { en: 'No such image on this product.', 'zh-CN': '这个商品没有这张图片。' },
  'image.fileNotFound': { en: 'No such file.', 'zh-CN': '文件不存在。' },
  'image.fileProblem': { en: '"{fileName}": {message}', 'zh-CN': '「{fileName}」：{message}' },
  'image.unsupported': {
    en: '{why} Please upload a {allowed} image.',
    'zh-CN': '{why}请上传 {allowed} 格式的图片。',
  },
  'image.allowedTypes': { en: 'JPEG, PNG, WebP, GIF or AVIF', 'zh-CN': 'JPEG、PNG、WebP、GIF 或 AVIF' },
  'image.notImage': { en: 'This file is not a supported image.', 'zh-CN': '这个文件不是支持的图片格式。' },
  'image.unreadable': {
    en: 'The image could not be read; it may be damaged.',
    'zh-CN': '图片无法读取，可能已损坏。',
  },
  'image.mismatch': {
    en: 'The file content does not match a supported image format.',
    'zh-CN': '文件内容与支持的图片格式不符。',
  },
  'image.damaged': { en: 'The image is damaged or incomplete.', 'zh-CN': '图片已损坏或不完整。' },
  'image.tooLarge': {
    en: 'Image is {size}; the limit is {limit}. Please upload a smaller image.',
    'zh-CN': '图片大小为 {size}，上限是 {limit}。请上传更小的图片。',
  },
  'image.tooManyPixels': {
    en: 'Image is {width}×{height} pixels ({mp} MP); the limit is {limitMp} MP. Please resize it first.',
    'zh-CN': '图片尺寸为 {width}×{height} 像素（{mp} 百万像素），上限是 {limitMp} 百万像素。请先缩小图片。',
  },
  'image.pixelLimit': {
    en: 'Image exceeds the {limitMp} MP limit.',
    'zh-CN': '图片超过了 {limitMp} 百万像素的上限。',
  },
} as const satisfies Record<string, Template>;
