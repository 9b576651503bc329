import type { Template } from '../types.ts';

/** Product import from seller spreadsheets (src/domains/catalog/import). */
export const importMessages = {
  'cell.notAmount': {
    en: '"{text}" is not an amount (write it like 12.50)',
    'zh-CN': '「{text}」不是金额（请写成 12.50 这样的格式）',
  },
  'cell.tooManyMoneyDecimals': {
    en: '"{text}" has more than {decimals} decimals',
    'zh-CN': '「{text}」的小数超过了 {decimals} 位',
  },
  'cell.tooLarge': { en: '"{text}" is too large', 'zh-CN': '「{text}」数值太大' },
  'cell.notNumber': { en: '"{text}" is not a number', 'zh-CN': '「{text}」不是数字' },
  'cell.tooManyDecimals': { en: '"{text}" has too many decimals', 'zh-CN': '「{text}」的小数位太多' },
  'cell.notBoolean': {
    en: '"{text}" should be yes/no (是/否)',
    'zh-CN': '「{text}」应填“是”或“否”',
  },
  'cell.notStatus': {
    en: '"{text}" should be draft, active or archived (草稿/在售/下架)',
    'zh-CN': '「{text}」应填“草稿”“在售”或“下架”',
  },
  'cell.notLithium': {
    en: '"{text}" should be none or a packing instruction PI965–PI970',
    'zh-CN': '「{text}」应填“无”或包装说明编号 PI965–PI970',
  },
  'import.skuEmpty': {
    en: 'SKU is empty; every row needs its own SKU',
    'zh-CN': 'SKU 为空；每一行都需要自己的 SKU',
  },
  'import.skuTooLong': { en: 'SKU is longer than 64 characters', 'zh-CN': 'SKU 超过了 64 个字符' },
  'import.skuRepeated': {
    en: 'SKU "{sku}" appears again (first on row {first})',
    'zh-CN': 'SKU「{sku}」重复出现（第一次在第 {first} 行）',
  },
  'import.skuOtherProduct': {
    en: 'SKU "{sku}" already belongs to another product; give this row that product\'s code or another SKU',
    'zh-CN': 'SKU「{sku}」已属于另一个商品；请在这一行填写那个商品的商品编码，或换一个 SKU',
  },
  'import.titleRequired': { en: 'a new product needs a title', 'zh-CN': '新商品需要填写标题' },
  'import.mappingNeedsAttention': {
    en: 'The column mapping needs attention: {list}',
    'zh-CN': '列对应关系需要调整：{list}',
  },
  'import.columnMissing': { en: 'this column is not in the file', 'zh-CN': '文件里没有这一列' },
  'import.notAField': { en: '"{key}" is not a product field', 'zh-CN': '「{key}」不是商品字段' },
  'import.alreadyMapped': {
    en: '"{key}" is already mapped from column "{column}"',
    'zh-CN': '「{key}」已经对应到「{column}」列',
  },
  'import.mapSku': {
    en: 'map one column to SKU: rows are matched by SKU',
    'zh-CN': '请把一列对应到 SKU：导入时按 SKU 匹配每一行',
  },
  'import.notFound': {
    en: 'This import does not exist in this shop. Upload the file again.',
    'zh-CN': '本店铺中没有这次导入，请重新上传文件。',
  },
  'import.running': { en: 'This import is already running.', 'zh-CN': '这次导入正在进行中。' },
  'import.alreadyDone': {
    en: 'This file was already imported. Upload it again to import it again (that is safe: nothing is duplicated).',
    'zh-CN': '这个文件已经导入过了。如需再次导入，请重新上传（这样做是安全的，不会产生重复商品）。',
  },
  'import.failedNothingImported': {
    en: '{failed} row(s) have errors; nothing was imported.',
    'zh-CN': '有 {failed} 行有错误，没有导入任何内容。',
  },
  'import.noErrorsFile': { en: 'This import has no rejected rows.', 'zh-CN': '这次导入没有被拒绝的行。' },
  'import.summaryImported': {
    en: 'Imported: {total} rows, {created} created, {updated} updated, {failed} failed.',
    'zh-CN': '已导入：共 {total} 行，新建 {created} 个，更新 {updated} 个，失败 {failed} 行。',
  },
  'import.summaryNothing': {
    en: 'Nothing imported: {total} rows, {created} created, {updated} updated, {failed} failed.',
    'zh-CN': '没有导入任何内容：共 {total} 行，可新建 {created} 个，可更新 {updated} 个，失败 {failed} 行。',
  },
  'import.columnsRecognised': { en: 'Columns recognised: {list}', 'zh-CN': '识别到的列：{list}' },
} as const satisfies Record<string, Template>;
