import type { Template } from '../types.ts';

/** Slow-moving stock: ageing, sell-through, clearance and its xlsx export (inventory/ageing). */
export const ageingMessages = {
  'ageing.sheet': { en: 'Stock ageing', 'zh-CN': '库龄分析' },
  'ageing.col.sku': { en: 'SKU', 'zh-CN': 'SKU' },
  'ageing.col.product': { en: 'Product', 'zh-CN': '商品' },
  'ageing.col.warehouse': { en: 'Warehouse', 'zh-CN': '仓库' },
  'ageing.col.onHand': { en: 'On hand', 'zh-CN': '在库数量' },
  'ageing.col.available': { en: 'Available', 'zh-CN': '可用数量' },
  'ageing.col.unitCost': { en: 'Unit cost (CNY)', 'zh-CN': '单位成本（元）' },
  'ageing.col.value': { en: 'Value at cost (CNY)', 'zh-CN': '库存成本金额（元）' },
  'ageing.col.bucket': { en: 'Age {bucket} days', 'zh-CN': '库龄 {bucket} 天' },
  'ageing.col.oldestReceived': { en: 'Oldest lot received', 'zh-CN': '最早批次入库日期' },
  'ageing.col.oldestAge': { en: 'Oldest age (days)', 'zh-CN': '最长库龄（天）' },
  'ageing.col.shipped': { en: 'Shipped, last {days} days', 'zh-CN': '近 {days} 天出库' },
  'ageing.col.sellThrough': { en: 'Sell-through {days} days (%)', 'zh-CN': '近 {days} 天售罄率（%）' },
  'ageing.col.avgDaily': { en: 'Avg daily sales, {days} days', 'zh-CN': '近 {days} 天日均销量' },
  'ageing.col.daysOfCover': {
    en: 'Days of cover ({days}-day sales)',
    'zh-CN': '可售天数（按近 {days} 天销量）',
  },
  'ageing.col.lastSale': { en: 'Last sale', 'zh-CN': '最近销售日期' },
  'ageing.col.action': { en: 'Suggested action', 'zh-CN': '建议处理' },
  'ageing.noSales': { en: 'no sales', 'zh-CN': '无销售' },
  'ageing.action.write_off': {
    en: 'Write off (no sales, over a year old)',
    'zh-CN': '报废核销（无销售且库龄超过一年）',
  },
  'ageing.action.move_channel': {
    en: 'Move to another marketplace or channel',
    'zh-CN': '转到其他平台或渠道销售',
  },
  'ageing.action.clearance_price': {
    en: 'Clearance price: mark down {discount}%',
    'zh-CN': '清仓降价 {discount}%',
  },
} as const satisfies Record<string, Template>;
