import type { Template } from '../types.ts';

/** Channel API connectors: credentials, Shopee authorisation, sync runs (src/domains/connectors). */
export const connectorsMessages = {
  'connectors.secret.badKey': {
    en: 'CUNKOU_SECRET_KEY must be 32 random bytes in base64 (make one with: openssl rand -base64 32)',
    'zh-CN': 'CUNKOU_SECRET_KEY 必须是 base64 编码的 32 字节随机数（可用 openssl rand -base64 32 生成）',
  },
  'connectors.secret.corrupt': {
    en: 'A stored channel credential is damaged; enter the credentials of this channel account again',
    'zh-CN': '已保存的渠道凭证已损坏，请重新填写这个渠道账号的凭证',
  },
  'connectors.secret.wrongKey': {
    en: 'Channel credentials were sealed with a different key ({keyId}; the current key is {current}): restore the old CUNKOU_SECRET_KEY or key file, or enter the credentials again',
    'zh-CN':
      '渠道凭证是用另一个密钥（{keyId}）加密的，当前密钥为 {current}：请恢复原来的 CUNKOU_SECRET_KEY 或密钥文件，或重新填写凭证',
  },
  'connectors.unsupportedChannel': {
    en: 'There is no API connector for {channel} yet; import its order files instead',
    'zh-CN': '暂不支持 {channel} 的 API 对接，请改用导入订单文件',
  },
  'connectors.credentials.invalid': {
    en: 'Check these credential fields: {fields}',
    'zh-CN': '请检查这些凭证字段：{fields}',
  },
  'connectors.notConfigured': {
    en: 'This channel account has no API credentials yet; enter them on its connection page first',
    'zh-CN': '这个渠道账号还没有填写 API 凭证，请先在「API 连接」页面填写',
  },
  'connectors.shopee.only': {
    en: 'Only Shopee accounts are authorised this way',
    'zh-CN': '只有 Shopee 账号需要这样授权',
  },
  'connectors.shopee.notAuthorised': {
    en: 'The Shopee shop has not been authorised yet; click "Authorise shop" and log in to Shopee',
    'zh-CN': 'Shopee 店铺尚未授权，请点击「授权店铺」并登录 Shopee',
  },
  'connectors.shopee.reauthorise': {
    en: "Shopee no longer accepts this shop's authorisation ({message}); authorise the shop again",
    'zh-CN': 'Shopee 已不再接受这个店铺的授权（{message}），请重新授权店铺',
  },
  'connectors.shopee.badState': {
    en: 'This authorisation link is not valid; start the authorisation again from Cunkou',
    'zh-CN': '授权链接无效，请从村口重新发起授权',
  },
  'connectors.shopee.stateExpired': {
    en: 'This authorisation link has expired; start the authorisation again from Cunkou',
    'zh-CN': '授权链接已过期，请从村口重新发起授权',
  },
  'connectors.shopee.stateUsed': {
    en: 'This authorisation link was already used or has expired; start the authorisation again from Cunkou',
    'zh-CN': '授权链接已被使用或已过期，请从村口重新发起授权',
  },
  'connectors.amazon.marketplaceRequired': {
    en: 'Set the Amazon marketplace id (for example ATVPDKIKX0DER) on account "{account}" or in its credentials',
    'zh-CN': '请在账号「{account}」或其凭证中填写亚马逊站点 ID（例如 ATVPDKIKX0DER）',
  },
  'connectors.amazon.lwaRejected': {
    en: 'Login with Amazon refused the credentials ({code}: {message}); check the client id, client secret and refresh token',
    'zh-CN':
      'Login with Amazon 拒绝了凭证（{code}：{message}），请检查 client id、client secret 和 refresh token',
  },
  'connectors.remote.error': {
    en: '{provider} answered with an error: {code} {message}',
    'zh-CN': '{provider} 返回错误：{code} {message}',
  },
  'connectors.remote.unreachable': {
    en: '{provider} could not be reached; the sync will try again later',
    'zh-CN': '无法连接 {provider}，稍后会自动重试同步',
  },
  'connectors.remote.throttled': {
    en: '{provider} kept limiting the request rate; the sync stopped and will continue where it left off',
    'zh-CN': '{provider} 持续限流，本次同步已暂停，下次会从中断处继续',
  },
  'connectors.credentials.hostNotAllowed': {
    en: "{field} points at {host}, which is not one of the channel's own hosts; an administrator can allow a sandbox host with CUNKOU_CONNECTOR_HOSTS",
    'zh-CN': '{field} 指向 {host}，不是该渠道的官方地址；管理员可通过 CUNKOU_CONNECTOR_HOSTS 允许沙箱地址',
  },
  'connectors.sync.running': {
    en: 'This account is being synced right now; wait for that sync to finish',
    'zh-CN': '这个账号正在同步，请等待本次同步完成',
  },
  'connectors.sync.interrupted': {
    en: 'This sync was interrupted (the server stopped); the next sync continued where it left off',
    'zh-CN': '本次同步被中断（服务器已停止），下一次同步已从中断处继续',
  },
  'connectors.sync.failed': {
    en: 'The sync failed: {message}',
    'zh-CN': '同步失败：{message}',
  },
  'connectors.cli.summary': {
    en: 'Sync {status}: {created} created, {updated} updated, {unchanged} unchanged, {failed} failed',
    'zh-CN': '同步{status}：新建 {created}，更新 {updated}，未变 {unchanged}，失败 {failed}',
  },
} as const satisfies Record<string, Template>;
