/**
 * Canonical carrier codes shared by logistics services, shipments, carrier connectors, write-back
 * and tracking. Lower-case, stable: they are stored in the database and sent in webhooks.
 */
export const carrierCodes = [
  'chinapost',
  'ems',
  'yunexpress',
  '4px',
  'yanwen',
  'cainiao',
  'sfexpress',
  'ups',
  'fedex',
  'usps',
  'dhl',
  'royalmail',
  'postnl',
  'correos',
  'laposte',
  'deutschepost',
  'auspost',
  'canadapost',
  'japanpost',
  'jtexpress',
  'zto',
  'yto',
  'sto',
  'yunda',
  'jd',
  'railway', // China–Europe rail forwarders
  'sea',
  'other',
] as const;

export type CarrierCode = (typeof carrierCodes)[number];

const carrierCodeSet: ReadonlySet<string> = new Set(carrierCodes);

export function isCarrierCode(value: string): value is CarrierCode {
  return carrierCodeSet.has(value);
}

/** Display names (brand names are not translated; Chinese names are the ones sellers know). */
export const carrierNames: Record<CarrierCode, { en: string; zh: string }> = {
  chinapost: { en: 'China Post', zh: '中国邮政' },
  ems: { en: 'China EMS', zh: '中国EMS' },
  yunexpress: { en: 'YunExpress', zh: '云途物流' },
  '4px': { en: '4PX', zh: '递四方' },
  yanwen: { en: 'Yanwen', zh: '燕文物流' },
  cainiao: { en: 'Cainiao', zh: '菜鸟' },
  sfexpress: { en: 'SF Express', zh: '顺丰速运' },
  ups: { en: 'UPS', zh: 'UPS' },
  fedex: { en: 'FedEx', zh: '联邦快递' },
  usps: { en: 'USPS', zh: '美国邮政' },
  dhl: { en: 'DHL Express', zh: 'DHL' },
  royalmail: { en: 'Royal Mail', zh: '英国皇家邮政' },
  postnl: { en: 'PostNL', zh: '荷兰邮政' },
  correos: { en: 'Correos', zh: '西班牙邮政' },
  laposte: { en: 'La Poste', zh: '法国邮政' },
  deutschepost: { en: 'Deutsche Post', zh: '德国邮政' },
  auspost: { en: 'Australia Post', zh: '澳大利亚邮政' },
  canadapost: { en: 'Canada Post', zh: '加拿大邮政' },
  japanpost: { en: 'Japan Post', zh: '日本邮政' },
  jtexpress: { en: 'J&T Express', zh: '极兔速递' },
  zto: { en: 'ZTO Express', zh: '中通快递' },
  yto: { en: 'YTO Express', zh: '圆通速递' },
  sto: { en: 'STO Express', zh: '申通快递' },
  yunda: { en: 'Yunda Express', zh: '韵达快递' },
  jd: { en: 'JD Logistics', zh: '京东物流' },
  railway: { en: 'China–Europe Railway', zh: '中欧班列' },
  sea: { en: 'Sea freight', zh: '海运' },
  other: { en: 'Other', zh: '其他' },
};

/** The national post that issues UPU S10 numbers ending in a country code (others → 'other'). */
export const postBySuffix: Record<string, CarrierCode> = {
  CN: 'chinapost',
  US: 'usps',
  GB: 'royalmail',
  NL: 'postnl',
  ES: 'correos',
  FR: 'laposte',
  DE: 'deutschepost',
  AU: 'auspost',
  CA: 'canadapost',
  JP: 'japanpost',
};
