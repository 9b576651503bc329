import type { Template } from '../types.ts';

/** Messages of src/domains/shipping: shipments, parcels, labels, documents, scan-to-ship. */
export const shippingMessages = {
  'shipping.notFound': { en: 'Shipment not found', 'zh-CN': '找不到该发货单' },
  'shipping.notFoundRef': {
    en: 'No shipment with number or tracking number {ref}',
    'zh-CN': '找不到单号或跟踪号为 {ref} 的发货单',
  },
  'shipping.pleaseCorrect': {
    en: 'The shipment could not be saved: {list}',
    'zh-CN': '发货单无法保存：{list}',
  },
  'shipping.status.draft': { en: 'draft', 'zh-CN': '草稿' },
  'shipping.status.packed': { en: 'packed', 'zh-CN': '已打包' },
  'shipping.status.labelled': { en: 'labelled', 'zh-CN': '已出面单' },
  'shipping.status.shipped': { en: 'shipped', 'zh-CN': '已发货' },
  'shipping.status.cancelled': { en: 'cancelled', 'zh-CN': '已取消' },
  'shipping.hold.unmapped_sku': { en: 'SKU not mapped', 'zh-CN': 'SKU 未映射' },
  'shipping.hold.incomplete_address': { en: 'incomplete address', 'zh-CN': '地址不完整' },
  'shipping.hold.insufficient_stock': { en: 'insufficient stock', 'zh-CN': '库存不足' },
  'shipping.order.notFound': { en: 'One or more orders were not found', 'zh-CN': '有订单不存在' },
  'shipping.order.marketplace': {
    en: 'Order {order} is fulfilled by the marketplace; only merchant-fulfilled orders are shipped here',
    'zh-CN': '订单 {order} 由平台仓发货；这里只处理卖家自发货的订单',
  },
  'shipping.order.status': {
    en: 'Order {order} is {status}; only paid, ready to ship or partially shipped orders can be shipped',
    'zh-CN': '订单 {order} 的状态是「{status}」；只有已付款、待发货或部分发货的订单可以发货',
  },
  'shipping.order.onHold': {
    en: 'Order {order} is on hold ({holds}); release the hold first',
    'zh-CN': '订单 {order} 被挂起（{holds}）；请先解除挂起',
  },
  'shipping.order.noAddress': {
    en: 'Order {order} has no complete shipping address (name, street, city and country are needed)',
    'zh-CN': '订单 {order} 的收货地址不完整（需要姓名、街道、城市和国家）',
  },
  'shipping.merge.differentAddress': {
    en: 'Orders {a} and {b} go to different addresses ({addressA} / {addressB}); only orders to the same address can be merged',
    'zh-CN': '订单 {a} 和 {b} 的收货地址不同（{addressA} / {addressB}）；只有同一地址的订单才能合并发货',
  },
  'shipping.merge.differentCurrency': {
    en: 'Orders {a} and {b} are in different currencies and cannot share one customs declaration',
    'zh-CN': '订单 {a} 和 {b} 的币种不同，不能合并在一张报关单上',
  },
  'shipping.line.unknown': {
    en: 'this line is not part of the selected orders',
    'zh-CN': '这一行不属于所选订单',
  },
  'shipping.line.tooMany': {
    en: '{sku} (order {order}): {requested} to ship, but only {max} are left ({ordered} ordered, {already} already in other shipments)',
    'zh-CN':
      '{sku}（订单 {order}）：要发 {requested} 件，但只剩 {max} 件（订购 {ordered} 件，其他发货单已占 {already} 件）',
  },
  'shipping.nothingToShip': {
    en: 'Nothing left to ship: every line of these orders is already in a shipment',
    'zh-CN': '没有可发的商品：这些订单的每一行都已在发货单中',
  },
  'shipping.parcel.weightUnknown': {
    en: 'Parcel {parcel}: the weight is unknown (no catalog weight); enter it in grams',
    'zh-CN': '第 {parcel} 个包裹：重量未知（商品资料没有重量）；请填写克数',
  },
  'shipping.service.notFound': { en: 'Logistics service not found', 'zh-CN': '找不到该物流渠道' },
  'shipping.sender.notFound': { en: 'Sender address not found', 'zh-CN': '找不到该发件人地址' },
  'shipping.sender.warehouseTaken': {
    en: 'This warehouse already has a sender address; edit that one instead',
    'zh-CN': '该仓库已有发件人地址；请修改现有的地址',
  },
  'shipping.sender.missing': {
    en: 'No sender address: add one under Logistics → Senders before printing labels or documents',
    'zh-CN': '没有发件人地址：请先在「物流 → 发件人」中添加，再打印面单或单据',
  },
  'shipping.label.noService': {
    en: '{number} has no logistics service yet; choose one before labelling',
    'zh-CN': '{number} 还没有物流渠道；请先选择渠道再出面单',
  },
  'shipping.label.badTracking': {
    en: 'Tracking number {number} is not valid: {reason}',
    'zh-CN': '跟踪号 {number} 无效：{reason}',
  },
  'shipping.label.unknownParcel': {
    en: 'There is no parcel {parcel} in this shipment',
    'zh-CN': '该发货单没有第 {parcel} 个包裹',
  },
  'shipping.label.carrierMissing': {
    en: 'The carrier label {key} is not stored; buy the label again',
    'zh-CN': '承运商面单 {key} 未保存；请重新购买面单',
  },
  'shipping.ship.cancelled': { en: '{number} is cancelled', 'zh-CN': '{number} 已取消' },
  'shipping.ship.notLabelled': {
    en: '{number} is {status}; only labelled shipments can be marked shipped',
    'zh-CN': '{number} 的状态是「{status}」；只有已出面单的发货单才能标记发货',
  },
  'shipping.ship.stockShort': {
    en: 'Not enough stock on hand to ship: {skus} (available/needed)',
    'zh-CN': '在库库存不足，无法发货：{skus}（可用/需要）',
  },
  'shipping.cancel.shipped': {
    en: '{number} has already shipped and cannot be cancelled',
    'zh-CN': '{number} 已发货，不能取消',
  },
  'shipping.cancel.carrierRefused': {
    en: 'The carrier refused to cancel {number}: {message}',
    'zh-CN': '承运商拒绝取消 {number}：{message}',
  },
  'shipping.update.locked': {
    en: '{number} is {status}; parcels and service can only change before the label is printed',
    'zh-CN': '{number} 的状态是「{status}」；只有出面单前才能修改包裹和渠道',
  },
  'shipping.scan.shipped': { en: '{number} shipped', 'zh-CN': '{number} 已发货' },
  'shipping.scan.already_shipped': {
    en: '{number} was already shipped at {at}',
    'zh-CN': '{number} 已于 {at} 发货',
  },
  'shipping.scan.unknown': {
    en: 'Unknown code {code}: no shipment has this number',
    'zh-CN': '未知条码 {code}：没有这个单号的发货单',
  },
  'shipping.scan.typo': {
    en: '{code} is not a valid Cunkou number (check digit wrong): scan again or check the typing',
    'zh-CN': '{code} 不是有效的寸口单号（校验位错误）：请重新扫描或检查输入',
  },
  'shipping.scan.cancelled': {
    en: '{number} is cancelled; do not ship it',
    'zh-CN': '{number} 已取消；请勿发出',
  },
  'shipping.scan.not_labelled': {
    en: '{number} has no label yet; print the label first',
    'zh-CN': '{number} 还没有面单；请先打印面单',
  },
  'shipping.label.unreadablePdf': {
    en: 'Carrier label "{label}" is not a readable PDF ({reason}); fetch the label from the carrier again',
    'zh-CN': '承运商面单「{label}」不是可读的 PDF（{reason}）；请重新从承运商获取面单',
  },
} as const satisfies Record<string, Template>;
