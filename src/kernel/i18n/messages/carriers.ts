import type { Template } from '../types.ts';

/** Messages of src/domains/carriers (carrier API connectors: accounts, labels, tracking pulls). */
export const carriersMessages = {
  'carriers.account.notFound': { en: 'Carrier account not found', 'zh-CN': '找不到该物流商账号' },
  'carriers.account.nameTaken': {
    en: 'A carrier account named "{name}" already exists',
    'zh-CN': '已有名为「{name}」的物流商账号',
  },
  'carriers.account.inactive': {
    en: 'Carrier account "{name}" is switched off',
    'zh-CN': '物流商账号「{name}」已停用',
  },
  'carriers.account.hostNotAllowed': {
    en: "{host} is not a host of {carrier}; only the carrier's own hosts or hosts listed in CUNKOU_CONNECTOR_HOSTS can be used",
    'zh-CN': '{host} 不是 {carrier} 的地址；只能使用物流商自己的域名或 CUNKOU_CONNECTOR_HOSTS 中列出的地址',
  },
  'carriers.account.credentialsRequired': {
    en: 'Enter the {fields} for a new account',
    'zh-CN': '新账号需要填写 {fields}',
  },
  'carriers.account.inUse': {
    en: 'Labels were bought with this account; switch it off instead of deleting it',
    'zh-CN': '该账号已购买过面单，请停用而不是删除',
  },
  'carriers.account.testOk': {
    en: 'Connected: {count} products available',
    'zh-CN': '连接成功：可用产品 {count} 个',
  },
  'carriers.remote.unreachable': {
    en: '{carrier} could not be reached; try again later',
    'zh-CN': '无法连接 {carrier}，请稍后再试',
  },
  'carriers.remote.throttled': {
    en: '{carrier} kept throttling our calls; try again in a few minutes',
    'zh-CN': '{carrier} 持续限流，请几分钟后再试',
  },
  'carriers.remote.httpError': {
    en: '{carrier} answered with HTTP {status}',
    'zh-CN': '{carrier} 返回 HTTP {status}',
  },
  'carriers.remote.authFailed': {
    en: '{carrier} rejected the credentials or the signature: {message}. Check the app key and secret.',
    'zh-CN': '{carrier} 拒绝了凭据或签名：{message}。请检查 App Key 和 App Secret。',
  },
  'carriers.remote.unexpected': {
    en: '{carrier} gave an answer without {what}',
    'zh-CN': '{carrier} 的返回中缺少 {what}',
  },
  'carriers.refused': {
    en: '{carrier} refused the order: {message}',
    'zh-CN': '{carrier} 拒绝了订单：{message}',
  },
  'carriers.refusal.postcode': {
    en: 'the carrier does not accept this postcode ({carrierMessage})',
    'zh-CN': '物流商不接受该邮编（{carrierMessage}）',
  },
  'carriers.refusal.hsCode': {
    en: 'the carrier does not accept this HS code ({carrierMessage})',
    'zh-CN': '物流商不接受该海关编码（{carrierMessage}）',
  },
  'carriers.refusal.declaredValue': {
    en: 'the declared value is outside what the carrier accepts ({carrierMessage})',
    'zh-CN': '申报价值超出物流商允许的范围（{carrierMessage}）',
  },
  'carriers.refusal.weight': {
    en: 'the weight is over the limit of this carrier product ({carrierMessage})',
    'zh-CN': '重量超过该物流产品的限制（{carrierMessage}）',
  },
  'carriers.refusal.addressTooLong': {
    en: 'the address is too long for the carrier; shorten the street lines ({carrierMessage})',
    'zh-CN': '地址超过物流商允许的长度，请缩短街道地址（{carrierMessage}）',
  },
  'carriers.label.badUrl': {
    en: '{carrier} gave an invalid label URL',
    'zh-CN': '{carrier} 返回的面单链接无效',
  },
  'carriers.label.hostNotAllowed': {
    en: 'The label URL points to {host}, which is not an allowed host',
    'zh-CN': '面单链接指向 {host}，该地址不在允许范围内',
  },
  'carriers.label.notPdf': { en: '{carrier} label is not a PDF', 'zh-CN': '{carrier} 的面单不是 PDF 文件' },
  'carriers.label.notFound': { en: 'Label not found', 'zh-CN': '找不到该面单' },
  'carriers.label.cancelNotAllowed': {
    en: '{carrier} did not cancel the order: {message}',
    'zh-CN': '{carrier} 未能取消订单：{message}',
  },
  'carriers.label.cancelled': { en: 'Cancelled at the carrier', 'zh-CN': '已在物流商处取消' },
} as const satisfies Record<string, Template>;
