import type { Template } from '../types.ts';

/** Returns (RMA): creation, receiving, quarantine, refunds (src/domains/returns). */
export const returnsMessages = {
  'returns.notFound': { en: 'Return not found', 'zh-CN': '找不到该退货单' },
  'returns.orderNotFound': { en: 'Order not found', 'zh-CN': '找不到该订单' },
  'returns.orderStatus': {
    en: 'Order {orderId} is {status}; a return can be created only for shipped, partially shipped, delivered or completed orders',
    'zh-CN': '订单 {orderId} 的状态是「{status}」；只有已发货、部分发货、已签收或已完成的订单才能创建退货',
  },
  'returns.unknownLine': {
    en: 'this line is not part of order {orderId}',
    'zh-CN': '这一行不属于订单 {orderId}',
  },
  'returns.duplicateLine': {
    en: 'this order line is listed twice; give it once with the total quantity',
    'zh-CN': '同一订单行出现了两次；请只填一次并写总数量',
  },
  'returns.tooMany': {
    en: '{sku}: {requested} to return, but only {max} can still be returned ({ordered} ordered, {already} already on other returns)',
    'zh-CN':
      '{sku}：要退 {requested} 件，但最多还能退 {max} 件（订购 {ordered} 件，其他退货单已占 {already} 件）',
  },
  'returns.pleaseCorrect': {
    en: 'The return could not be saved: {list}',
    'zh-CN': '退货单无法保存：{list}',
  },
  'returns.receive.notOpen': {
    en: '{number} is {status}; only requested or partially received returns can be received',
    'zh-CN': '{number} 的状态是「{status}」；只有待收货或部分收货的退货单可以收货',
  },
  'returns.receive.unknownLine': {
    en: 'this line is not part of {number}',
    'zh-CN': '这一行不属于 {number}',
  },
  'returns.receive.tooMany': {
    en: '{sku}: receiving {quantity}, but only {max} of {requested} are still expected',
    'zh-CN': '{sku}：本次收货 {quantity} 件，但 {requested} 件中只剩 {max} 件待收',
  },
  'returns.receive.warehouseRequired': {
    en: 'choose the warehouse the goods came back to',
    'zh-CN': '请选择退回商品入库的仓库',
  },
  'returns.receive.unmapped': {
    en: '{sku} is not mapped to a Cunkou SKU yet; map it in the SKU mapping queue, then receive',
    'zh-CN': '{sku} 还没有对应的村口 SKU；请先在 SKU 映射队列中映射，再收货',
  },
  'returns.receive.failed': {
    en: 'The return could not be received: {list}',
    'zh-CN': '无法收货：{list}',
  },
  'returns.refund.already': {
    en: '{number} was already refunded ({amount} {currency} in minor units)',
    'zh-CN': '{number} 已经退款（{amount} {currency}，最小货币单位）',
  },
  'returns.refund.notAllowed': {
    en: '{number} is {status}; a cancelled or rejected return cannot be refunded',
    'zh-CN': '{number} 的状态是「{status}」；已取消或已拒绝的退货单不能退款',
  },
  'returns.refund.tooMuch': {
    en: 'a refund of {amount} is more than what is left to refund on order {orderId}: at most {max} ({currency}, minor units)',
    'zh-CN': '退款 {amount} 超过订单 {orderId} 可退金额：最多 {max}（{currency}，最小货币单位）',
  },
  'returns.cancel.notAllowed': {
    en: '{number} is {status}; only a return with nothing received and nothing refunded can be cancelled or rejected',
    'zh-CN': '{number} 的状态是「{status}」；只有尚未收货且未退款的退货单可以取消或拒绝',
  },
  'returns.hold.notFound': {
    en: 'This quarantine hold is not part of the return',
    'zh-CN': '该隔离库存不属于这张退货单',
  },
  'returns.hold.settled': {
    en: 'This quarantine hold was already settled ({status})',
    'zh-CN': '该隔离库存已经处理过（{status}）',
  },
  'returns.status.requested': { en: 'requested', 'zh-CN': '待收货' },
  'returns.status.partially_received': { en: 'partially received', 'zh-CN': '部分收货' },
  'returns.status.received': { en: 'received', 'zh-CN': '已收货' },
  'returns.status.closed': { en: 'closed', 'zh-CN': '已关闭' },
  'returns.status.cancelled': { en: 'cancelled', 'zh-CN': '已取消' },
  'returns.status.rejected': { en: 'rejected', 'zh-CN': '已拒绝' },
  'returns.hold.status.held': { en: 'held', 'zh-CN': '隔离中' },
  'returns.hold.status.released': { en: 'released to sellable', 'zh-CN': '已转为可售' },
  'returns.hold.status.written_off': { en: 'written off', 'zh-CN': '已报废' },
} as const satisfies Record<string, Template>;
