import type { Template } from '../types.ts';

/** Available-to-sell per channel account, stock pushes and channel upload files (src/domains/availability). */
export const availabilityMessages = {
  'availability.account.notFound': {
    en: 'This channel account does not exist in this shop',
    'zh-CN': '本店铺没有这个渠道账号',
  },
  'availability.rules.invalid': {
    en: 'The stock rules could not be saved; please correct the fields marked',
    'zh-CN': '库存规则无法保存；请修改标出的字段',
  },
  'availability.rules.unknownWarehouse': {
    en: 'this warehouse does not exist in this shop',
    'zh-CN': '本店铺没有这个仓库',
  },
  'availability.rules.marketplaceWarehouse': {
    en: 'warehouse {code} is marketplace-fulfilled (FBA): its stock belongs to the marketplace and never feeds a listing you ship yourself',
    'zh-CN': '仓库 {code} 是平台仓（如 FBA）：库存由平台发货，不能用于自发货的商品',
  },
  'availability.rules.duplicateSku': {
    en: 'channel SKU {sku} has more than one override; keep one',
    'zh-CN': '渠道 SKU {sku} 有多条单独设置；只保留一条',
  },
  'availability.push.noConnector': {
    en: 'This channel account has no connected API. Download the channel upload file, upload it in the seller centre, then mark it uploaded.',
    'zh-CN': '这个渠道账号没有连接 API。请下载平台上传文件，在卖家中心上传后，再标记为“已上传”。',
  },
  'availability.file.notFound': {
    en: 'This upload file does not exist in this shop',
    'zh-CN': '本店铺没有这个上传文件',
  },
  'availability.file.wrongChannel': {
    en: 'A {format} file cannot be uploaded to a {channel} account; choose the file of that channel',
    'zh-CN': '{format} 文件不能上传到 {channel} 账号；请选择该平台的文件',
  },
  'availability.file.notShopeeTemplate': {
    en: 'This is not a Shopee "Sales Info" mass update file; download it in Seller Centre (My Products → Mass Update → Sales Info) and upload it unchanged',
    'zh-CN':
      '这不是 Shopee「销售信息」批量更新文件；请在卖家中心（我的商品 → 批量更新 → 销售信息）下载后原样上传',
  },
  'availability.cli.accountNotFound': {
    en: 'No channel account named "{name}" in this shop',
    'zh-CN': '本店铺没有名为「{name}」的渠道账号',
  },
  'availability.cli.noFileFormat': {
    en: 'Channel {channel} has no upload file Cunkou can write; use --format amazon or --format shopee',
    'zh-CN': '{channel} 渠道没有可生成的上传文件；请用 --format amazon 或 --format shopee',
  },
} as const satisfies Record<string, Template>;
