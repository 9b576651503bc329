import type { Template } from '../types.ts';

/** Messages of src/domains/connectors/confirm-shipments (write-back of shipments to channels). */
export const shipmentConfirmationsMessages = {
  'shipmentConfirmations.orderNotFound': {
    en: 'Order {orderId} not found',
    'zh-CN': '找不到订单 {orderId}',
  },
  'shipmentConfirmations.unknownLine': {
    en: 'Line {lineId} is not part of order {orderId}',
    'zh-CN': '订单行 {lineId} 不属于订单 {orderId}',
  },
  'shipmentConfirmations.badQuantity': {
    en: 'Line {lineId}: quantity {quantity} must be a whole number from 1 to {max}',
    'zh-CN': '订单行 {lineId}：数量 {quantity} 必须是 1 到 {max} 之间的整数',
  },
  'shipmentConfirmations.trackingRequired': {
    en: 'Order {orderId}: a tracking number is required to confirm the shipment to the channel',
    'zh-CN': '订单 {orderId}：需要物流单号才能向渠道确认发货',
  },
  'shipmentConfirmations.notFound': {
    en: 'Shipment confirmation not found',
    'zh-CN': '找不到该发货确认',
  },
  'shipmentConfirmations.noConnector': {
    en: 'Channel account {account} has no connected API: download the upload file instead',
    'zh-CN': '渠道账号 {account} 没有连接 API：请改为下载上传文件',
  },
  'shipmentConfirmations.noFileFormat': {
    en: 'Channel {channel} has no shipping-confirmation upload file in Cunkou (Amazon and Shopee have)',
    'zh-CN': 'Cunkou 暂不支持渠道 {channel} 的发货确认上传文件（支持 Amazon 和 Shopee）',
  },
  'shipmentConfirmations.nothingToExport': {
    en: 'No pending or failed shipment confirmations for {account}',
    'zh-CN': '{account} 没有待发送或失败的发货确认',
  },
  'shipmentConfirmations.retryNotFailed': {
    en: 'Only failed confirmations can be retried; this one is {status}',
    'zh-CN': '只有失败的发货确认可以重试；当前状态为「{status}」',
  },
  'shipmentConfirmations.noLineId': {
    en: 'Order {orderId}: line {sku} has no channel line id (re-sync the order from the channel)',
    'zh-CN': '订单 {orderId}：订单行 {sku} 没有渠道订单行编号（请从渠道重新同步该订单）',
  },
  'shipmentConfirmations.cli.pushed': {
    en: 'Shipment confirmations: {sent} sent, {failed} failed',
    'zh-CN': '发货确认：已发送 {sent}，失败 {failed}',
  },
  'shipmentConfirmations.cli.exported': {
    en: '{count} shipment confirmations written to {path}. Upload it in the seller centre, then run: cunkou channel confirm-shipments {account} --uploaded {batch}',
    'zh-CN':
      '已将 {count} 条发货确认写入 {path}。请在卖家中心上传，然后运行：cunkou channel confirm-shipments {account} --uploaded {batch}',
  },
  'shipmentConfirmations.cli.marked': {
    en: '{marked} shipment confirmations marked uploaded',
    'zh-CN': '已将 {marked} 条发货确认标记为已上传',
  },
} as const satisfies Record<string, Template>;
