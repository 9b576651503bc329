import type { Template } from '../types.ts';

/** Channel accounts, orders, order imports, SKU mappings (src/domains/orders). */
export const ordersMessages = {
  'orders.cell.required': {
    en: '"{column}" is empty; every row needs it (if this is the last row, the file may be cut off — download it again)',
    'zh-CN': '「{column}」为空，每一行都必须填写（如果这是最后一行，文件可能不完整，请重新下载）',
  },
  'orders.cell.unknownStatus': {
    en: '"{text}" is not an order status this importer knows ({list}); check the export or choose the right format',
    'zh-CN': '「{text}」不是可识别的订单状态（可识别：{list}）；请检查导出文件或选择正确的格式',
  },
  'orders.cell.badDate': {
    en: '"{text}" is not a date; write it like {formats}',
    'zh-CN': '「{text}」不是日期；请写成 {formats} 这样的格式',
  },
  'orders.cell.unknownCurrency': {
    en: '"{text}" is not an ISO 4217 currency code; write a code such as USD, EUR, BRL or JPY',
    'zh-CN': '「{text}」不是 ISO 4217 货币代码；请填写 USD、EUR、BRL、JPY 这样的代码',
  },
  'orders.cell.noCurrency': {
    en: 'the file has no currency; set the country of this channel account (for example BR for BRL) and import again',
    'zh-CN': '文件里没有货币；请给这个渠道账号设置国家（例如 BR 对应巴西雷亚尔）后重新导入',
  },
  'orders.cell.badCountry': {
    en: '"{text}" is not a country; write a two-letter code such as US, BR or DE',
    'zh-CN': '「{text}」不是国家；请填写 US、BR、DE 这样的两位代码',
  },
  'orders.cell.negativeQuantity': {
    en: 'quantity "{text}" is negative; a sold quantity must be 1 or more (returns are imported as a status, not a negative line)',
    'zh-CN': '数量「{text}」是负数；售出数量至少为 1（退货请用订单状态表示，不要用负数行）',
  },
  'orders.cell.badQuantity': {
    en: 'quantity "{text}" is not a whole number of 1 or more',
    'zh-CN': '数量「{text}」不是大于等于 1 的整数',
  },
  'orders.cell.badAmount': {
    en: '"{text}" is not an amount in {currency}; write it like 12.50 (or 12,50)',
    'zh-CN': '「{text}」不是 {currency} 金额；请写成 12.50（或 12,50）',
  },
  'orders.manual.badPhone': {
    en: '"{text}" is not a phone number we can dial; write it with the country code (+63 917 123 4567) or choose the shipping country first',
    'zh-CN': '「{text}」不是可拨打的电话号码；请带国家区号填写（如 +63 917 123 4567），或先选择收货国家',
  },
  'orders.cell.mixedEncoding': {
    en: 'this text is not in the encoding of the rest of the file (the file mixes encodings, e.g. GBK rows pasted into a UTF-8 file); save the whole file again as "CSV UTF-8" and import it again',
    'zh-CN':
      '这段文字与文件其他部分的编码不同（文件混用了编码，例如把 GBK 的行粘贴进 UTF-8 文件）；请把整个文件另存为“CSV UTF-8”后重新导入',
  },
  'orders.row.mixedCurrency': {
    en: 'order {orderId} has lines in {a} and in {b}; one order has one currency',
    'zh-CN': '订单 {orderId} 的商品行同时使用了 {a} 和 {b}；一个订单只能有一种货币',
  },
  'orders.file.unreadable': {
    en: 'The file "{fileName}" could not be read to the end; download it again',
    'zh-CN': '文件「{fileName}」无法读完，请重新下载',
  },
  'orders.file.wrongChannel': {
    en: 'The file "{fileName}" looks like the {detected}, not the {expected}. Choose the format "{format}" (and a matching channel account), or upload the right file.',
    'zh-CN':
      '文件「{fileName}」看起来是{detected}，不是{expected}。请选择格式「{format}」（以及对应的渠道账号），或上传正确的文件。',
  },
  'orders.file.wrongChannelIssue': {
    en: 'this looks like the {detected}',
    'zh-CN': '这看起来是{detected}',
  },
  'orders.file.missingColumns': {
    en: 'The file "{fileName}" is not a {expected}: these columns are missing: {list}. Export the report again without removing columns.',
    'zh-CN': '文件「{fileName}」不是{expected}：缺少这些列：{list}。请重新导出报表，不要删除列。',
  },
  'orders.file.columnMissing': { en: 'this column is not in the file', 'zh-CN': '文件里没有这一列' },
  'orders.account.notFound': {
    en: 'This channel account does not exist in this shop. Add it first.',
    'zh-CN': '本店铺中没有这个渠道账号，请先添加。',
  },
  'orders.account.nameTaken': {
    en: 'A channel account named "{name}" already exists; choose another name.',
    'zh-CN': '已经有名为「{name}」的渠道账号，请换一个名称。',
  },
  'orders.import.mappingRequired': {
    en: 'The generic importer needs a saved column mapping; choose one or save one first.',
    'zh-CN': '通用导入需要已保存的列对应关系；请选择一个或先保存一个。',
  },
  'orders.import.accountChannel': {
    en: 'The {format} cannot be imported into "{account}", an account of channel {channel}; choose an account of the right channel.',
    'zh-CN': '{format}不能导入到「{account}」（这是 {channel} 渠道账号）；请选择对应渠道的账号。',
  },
  'orders.mapping.fieldsRequired': {
    en: 'Map a column to each of: {list}.',
    'zh-CN': '请为以下每个字段选择对应的列：{list}。',
  },
  'orders.mapping.notFound': {
    en: 'There is no saved order column mapping named "{name}".',
    'zh-CN': '没有名为「{name}」的订单列对应关系。',
  },
  'orders.notFound': {
    en: 'This order does not exist in this shop.',
    'zh-CN': '本店铺中没有这个订单。',
  },
  'orders.transition.notAllowed': {
    en: 'An order that is {from} cannot become {to}. Possible next: {list}.',
    'zh-CN': '状态为「{from}」的订单不能改为「{to}」。可以改为：{list}。',
  },
  'orders.transition.none': { en: 'none', 'zh-CN': '无' },
  // Status names as sellers read them (the admin uses the same words).
  'orders.status.pending': { en: 'pending', 'zh-CN': '待付款' },
  'orders.status.paid': { en: 'paid', 'zh-CN': '已付款' },
  'orders.status.ready_to_ship': { en: 'ready to ship', 'zh-CN': '待发货' },
  'orders.status.partially_shipped': { en: 'partially shipped', 'zh-CN': '部分发货' },
  'orders.status.shipped': { en: 'shipped', 'zh-CN': '已发货' },
  'orders.status.delivered': { en: 'delivered', 'zh-CN': '已送达' },
  'orders.status.completed': { en: 'completed', 'zh-CN': '已完成' },
  'orders.status.cancelled': { en: 'cancelled', 'zh-CN': '已取消' },
  'orders.status.return_requested': { en: 'return requested', 'zh-CN': '退货申请' },
  'orders.status.returned': { en: 'returned', 'zh-CN': '已退货' },
  'orders.status.refunded': { en: 'refunded', 'zh-CN': '已退款' },
  'orders.externalIdTaken': {
    en: 'Order "{externalId}" already exists in this channel account.',
    'zh-CN': '这个渠道账号里已经有订单「{externalId}」。',
  },
  'orders.skuMapping.variantNotFound': {
    en: 'SKU "{sku}" is not in the catalog; add the product first or check the SKU.',
    'zh-CN': '商品库里没有 SKU「{sku}」；请先添加商品或检查 SKU。',
  },
  'orders.skuMapping.exists': {
    en: 'Channel SKU "{sku}" is already mapped for this account.',
    'zh-CN': '渠道 SKU「{sku}」在这个账号下已经有对应关系。',
  },
  'orders.cli.summary': {
    en: 'Orders: {created} created, {updated} updated, {unchanged} unchanged, {failed} failed.',
    'zh-CN': '订单：新建 {created} 个，更新 {updated} 个，未变化 {unchanged} 个，失败 {failed} 个。',
  },
  'orders.cli.accountAdded': {
    en: 'Channel account "{name}" ({channel}) added.',
    'zh-CN': '已添加渠道账号「{name}」（{channel}）。',
  },
} as const satisfies Record<string, Template>;
