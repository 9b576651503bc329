import type { Template } from '../types.ts';

/** Barcodes, tariff codes and language tags (src/kernel). */
export const kernelMessages = {
  'gtin.empty': { en: 'barcode is empty', 'zh-CN': '条码为空' },
  'gtin.digitsOnly': {
    en: 'barcode must contain only digits (spaces and hyphens are ignored)',
    'zh-CN': '条码只能包含数字（空格和连字符会被忽略）',
  },
  'gtin.length': {
    en: 'must be 8, 12, 13 or 14 digits, got {length}',
    'zh-CN': '条码应为 8、12、13 或 14 位数字，现在是 {length} 位',
  },
  'gtin.checkDigit': {
    en: 'check digit should be {expected}, not {actual}',
    'zh-CN': '条码校验位应为 {expected}，不是 {actual}',
  },
  'hsCode.empty': { en: 'HS code is empty', 'zh-CN': 'HS 编码为空' },
  'hsCode.digitsOnly': {
    en: 'HS code must contain only digits (dots and spaces are ignored)',
    'zh-CN': 'HS 编码只能包含数字（点和空格会被忽略）',
  },
  'hsCode.tooShort': {
    en: 'HS code needs at least 6 digits (e.g. 3406.00 for candles), got {length}',
    'zh-CN': 'HS 编码至少要 6 位数字（例如蜡烛是 3406.00），现在是 {length} 位',
  },
  'hsCode.length': {
    en: 'HS code must be 6, 8 or 10 digits, got {length}',
    'zh-CN': 'HS 编码应为 6、8 或 10 位数字，现在是 {length} 位',
  },
  'hsCode.chapter00': {
    en: 'HS chapter 00 does not exist; chapters run 01–97',
    'zh-CN': 'HS 编码没有第 00 章；章号从 01 到 97',
  },
  'hsCode.chapter77': {
    en: 'HS chapter 77 is reserved by the WCO and holds no goods',
    'zh-CN': 'HS 第 77 章是世界海关组织的保留章，不包含任何商品',
  },
  'hsCode.nationalChapter': {
    en: 'HS chapter {chapter} is national-only (special provisions), not an international HS code; use the 01–97 chapter that describes the goods',
    'zh-CN':
      'HS 第 {chapter} 章是各国自用的特殊章节，不是国际通用的 HS 编码；请改用 01–97 章中描述这件商品的编码',
  },
  'locale.invalid': {
    en: '"{tag}" is not a valid language tag ({why}); use a BCP 47 tag such as "zh-CN", "en-US" or "pt-BR".',
    'zh-CN': '「{tag}」不是有效的语言代码（{why}）；请使用 BCP 47 格式，例如 zh-CN、en-US 或 pt-BR。',
  },
  'locale.empty': { en: 'empty', 'zh-CN': '为空' },
  'locale.malformed': { en: 'malformed', 'zh-CN': '格式不对' },
  'locale.unknownLanguage': { en: 'unknown language "{language}"', 'zh-CN': '未知语言「{language}」' },
} as const satisfies Record<string, Template>;
