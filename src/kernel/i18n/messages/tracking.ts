import type { Template } from '../types.ts';

/** Messages of src/domains/tracking (numbers, events, journeys, webhooks, the public page). */
export const trackingMessages = {
  'tracking.journeyNotFound': {
    en: 'No journey with the reference {reference}',
    'zh-CN': '找不到参考号为 {reference} 的运单轨迹',
  },
  'tracking.shopNotFound': { en: 'Shop not found', 'zh-CN': '找不到该店铺' },
  'tracking.webhook.unknownCarrier': {
    en: 'Unknown carrier code {carrier}',
    'zh-CN': '未知的承运商代码 {carrier}',
  },
  'tracking.webhook.notConfigured': {
    en: 'This shop has no webhook secret for this sender yet; create one under Tracking → Webhooks',
    'zh-CN': '该店铺尚未为此发送方设置 Webhook 密钥；请在「轨迹 → Webhook」中创建',
  },
  'tracking.webhook.missing_signature': {
    en: 'The request is not signed (X-Cunkou-Signature or sign header missing)',
    'zh-CN': '请求未签名（缺少 X-Cunkou-Signature 或 sign 请求头）',
  },
  'tracking.webhook.missing_timestamp': {
    en: 'X-Cunkou-Timestamp is missing or not Unix seconds',
    'zh-CN': '缺少 X-Cunkou-Timestamp，或它不是 Unix 秒数',
  },
  'tracking.webhook.stale_timestamp': {
    en: 'X-Cunkou-Timestamp is more than 5 minutes away from now; re-sign the request with the current time',
    'zh-CN': 'X-Cunkou-Timestamp 与当前时间相差超过 5 分钟；请用当前时间重新签名',
  },
  'tracking.webhook.signature_mismatch': {
    en: 'The signature does not match; check the shop’s webhook secret',
    'zh-CN': '签名不匹配；请核对店铺的 Webhook 密钥',
  },
  'tracking.webhook.replayed': {
    en: 'Delivery {deliveryId} was already received; it is not stored again',
    'zh-CN': '推送 {deliveryId} 已接收过，不会重复保存',
  },
  'tracking.webhook.deliveryMissing': {
    en: 'X-Cunkou-Delivery (a unique id per delivery) is missing',
    'zh-CN': '缺少 X-Cunkou-Delivery（每次推送唯一的编号）',
  },
  'tracking.webhook.notJson': {
    en: 'The body is not valid JSON',
    'zh-CN': '请求体不是有效的 JSON',
  },
  'tracking.csv.missingColumns': {
    en: 'required columns are missing: {columns}',
    'zh-CN': '缺少必需的列：{columns}',
  },
  'tracking.csv.required': {
    en: 'File "{fileName}", column "{column}": a value is required',
    'zh-CN': '文件「{fileName}」，列「{column}」：必须填写',
  },
  'tracking.csv.unknownCarrier': {
    en: 'File "{fileName}", column "{column}": unknown carrier "{value}"; use a carrier code such as yunexpress, 4px, chinapost, usps',
    'zh-CN':
      '文件「{fileName}」，列「{column}」：未知承运商「{value}」；请使用 yunexpress、4px、chinapost、usps 等代码',
  },
  'tracking.csv.carrierUnknown': {
    en: 'File "{fileName}", column "{column}": cannot tell the carrier of {value}; add a carrier column or choose the carrier for the file',
    'zh-CN':
      '文件「{fileName}」，列「{column}」：无法识别 {value} 的承运商；请添加承运商列或为整个文件指定承运商',
  },
  'tracking.csv.badZone': {
    en: 'File "{fileName}", column "{column}": "{value}" is not a time zone (use e.g. Asia/Shanghai or +08:00)',
    'zh-CN': '文件「{fileName}」，列「{column}」：「{value}」不是时区（例如 Asia/Shanghai 或 +08:00）',
  },
  'tracking.csv.badTime': {
    en: 'File "{fileName}", column "{column}": "{value}" is not a date and time (use 2026-11-02 14:05 or ISO 8601)',
    'zh-CN':
      '文件「{fileName}」，列「{column}」：「{value}」不是日期时间（例如 2026-11-02 14:05 或 ISO 8601）',
  },
  'tracking.csv.badCountry': {
    en: 'File "{fileName}", column "{column}": "{value}" is not a two-letter country code',
    'zh-CN': '文件「{fileName}」，列「{column}」：「{value}」不是两位国家代码',
  },
  'tracking.public.notFound': {
    en: 'No tracking information for this number yet',
    'zh-CN': '暂时没有该单号的物流信息',
  },
} as const satisfies Record<string, Template>;
