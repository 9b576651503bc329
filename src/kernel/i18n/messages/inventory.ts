import type { Template } from '../types.ts';

/** Warehouses, the stock ledger, reservations (src/domains/inventory). */
export const inventoryMessages = {
  'warehouse.notFound': {
    en: 'This warehouse does not exist in this shop.',
    'zh-CN': '本店铺中没有这个仓库。',
  },
  'warehouse.codeNotFound': {
    en: 'There is no warehouse with code "{code}" in this shop. Add it first (cunkou warehouse add).',
    'zh-CN': '本店铺没有编码为「{code}」的仓库，请先添加（cunkou warehouse add）。',
  },
  'warehouse.codeTaken': {
    en: 'The warehouse code "{code}" is already used in this shop; choose another code.',
    'zh-CN': '仓库编码「{code}」已被使用，请换一个编码。',
  },
  'warehouse.codeTakenIssue': { en: 'already used by another warehouse', 'zh-CN': '已被其他仓库使用' },
  'stock.unknownSku': { en: 'no variant with SKU "{sku}" in this shop', 'zh-CN': '本店铺没有 SKU「{sku}」' },
  'stock.unknownVariant': { en: 'no such variant in this shop', 'zh-CN': '本店铺没有这个商品规格' },
  'stock.variantRequired': { en: 'give a variantId or a SKU', 'zh-CN': '请填写规格 ID 或 SKU' },
  'stock.unknownWarehouse': { en: 'no such warehouse in this shop', 'zh-CN': '本店铺没有这个仓库' },
  'stock.belowReserved': {
    en: 'Cannot take {delta} from SKU "{sku}" in {warehouse}: {onHand} on hand, {reserved} reserved for orders. At most {max} can be removed; release or ship the reservations first.',
    'zh-CN':
      'SKU「{sku}」在「{warehouse}」不能减少 {delta}：在库 {onHand}，其中 {reserved} 已被订单占用，最多只能减少 {max}。请先释放或发出这些订单。',
  },
  'stock.notEnoughOnHand': {
    en: 'Cannot take {delta} from SKU "{sku}" in {warehouse}: only {onHand} on hand.',
    'zh-CN': 'SKU「{sku}」在「{warehouse}」不能减少 {delta}：在库只有 {onHand}。',
  },
  'stock.notEnoughToMove': {
    en: 'SKU "{sku}" in {warehouse} has only {available} available (on hand minus reserved), {quantity} requested.',
    'zh-CN': 'SKU「{sku}」在「{warehouse}」只有 {available} 件可用（在库减去已占用），需要 {quantity} 件。',
  },
  'stock.levelRule': {
    en: 'This change would make stock negative or below what is reserved for orders; nothing was changed. Reload the stock levels and try again.',
    'zh-CN': '这次操作会让库存变成负数或低于订单占用数，已取消，没有做任何修改。请刷新库存后重试。',
  },
  'stock.reasonRequired': { en: 'a reason is required for an adjustment', 'zh-CN': '调整库存必须填写原因' },
  'stock.zeroDelta': { en: 'the change must not be 0', 'zh-CN': '调整数量不能为 0' },
  'stock.duplicateReservation': {
    en: 'Stock for {ref} is being reserved by another request at the same moment. Try again.',
    'zh-CN': '另一个请求正在为 {ref} 占用库存，请稍后重试。',
  },
  'transfer.notFound': {
    en: 'This transfer does not exist in this shop.',
    'zh-CN': '本店铺中没有这个调拨单。',
  },
  'transfer.sameWarehouse': {
    en: 'A transfer needs two different warehouses.',
    'zh-CN': '调拨的出发仓和目的仓不能相同。',
  },
  'transfer.alreadyReceived': {
    en: 'This transfer was already received on {date}.',
    'zh-CN': '这个调拨单已于 {date} 收货。',
  },
  'transfer.notInTransfer': { en: 'this variant is not in the transfer', 'zh-CN': '这个规格不在调拨单里' },
  'transfer.overReceived': {
    en: 'received {received}, but only {shipped} were shipped; book the extra as a receipt',
    'zh-CN': '收到 {received} 件，但只发出了 {shipped} 件；多出的请另做入库',
  },
  'stocktake.notFound': {
    en: 'This stocktake does not exist in this shop.',
    'zh-CN': '本店铺中没有这个盘点单。',
  },
  'stocktake.alreadyApplied': {
    en: 'This stocktake was already applied on {date}.',
    'zh-CN': '这个盘点单已于 {date} 生效。',
  },
  'stocktake.belowReserved': {
    en: 'counted {counted}, but {reserved} are reserved for orders; release or ship them first',
    'zh-CN': '盘点数 {counted} 少于订单占用的 {reserved}，请先释放或发出这些订单',
  },
  'stocktake.countedTwice': { en: 'this SKU is counted twice', 'zh-CN': '这个 SKU 重复盘点了' },
} as const satisfies Record<string, Template>;
