/**
 * Header and sheet-name aliases, Chinese and English, as forwarders write them (云途, 燕文, 4PX,
 * China Post, DHL/UPS zone charts). Matching ignores case, spaces and full/half-width brackets;
 * an exact match (units included, "带电附加费(元/票)") wins, else the name without its bracketed
 * unit is tried and must point to exactly one field. Listed in the decision note and the admin.
 */
export const columnAliases = {
  country: [
    '国家',
    '目的国',
    '目的国家',
    '国家名称',
    '国家/地区',
    '中文国家',
    'country',
    'destination',
    'destinationcountry',
    'countryname',
  ],
  code: ['国家代码', '二字码', '二字代码', '国家二字码', '代码', 'iso', 'isocode', 'countrycode', 'code'],
  zone: ['分区', '区域', 'zone'],
  postcode: [
    '邮编',
    '邮编范围',
    '邮编段',
    '邮编前缀',
    'postcode',
    'postalcode',
    'zip',
    'zipcode',
    'postcodes',
  ],
  postcodeFrom: ['起始邮编', '邮编起', '开始邮编', 'postcodefrom', 'zipfrom', 'frompostcode'],
  postcodeTo: ['截止邮编', '结束邮编', '邮编止', 'postcodeto', 'zipto', 'topostcode'],
  weight: [
    '重量',
    '重量段',
    '重量区间',
    '计费重量',
    '重量范围',
    'weight',
    'weightrange',
    'weightkg',
    'weightbracket',
  ],
  weightFrom: ['起始重量', '起重', '重量起', '最小重量', 'weightfrom', 'minweight', 'fromkg', 'from'],
  weightTo: ['截止重量', '止重', '重量止', '结束重量', 'weightto', 'tokg', 'to', 'upto'],
  perKg: [
    '运费',
    '运费(元/kg)',
    '单价',
    '运费单价',
    '公斤单价',
    '每公斤',
    '价格(元/kg)',
    'rateperkg',
    'perkg',
    'priceperkg',
    'freight',
    'freightperkg',
  ],
  registration: [
    '挂号费',
    '挂号费(元/票)',
    '处理费',
    '操作费',
    '挂号费(元/件)',
    'registration',
    'registrationfee',
    'handlingfee',
    'perparcelfee',
    'fee',
  ],
  firstWeight: ['首重', '首重(kg)', '首重重量', 'firstweight', 'firstweightkg'],
  firstPrice: ['首重价格', '首重费用', '首重运费', '首重价', 'firstweightprice', 'firstprice'],
  stepWeight: [
    '续重',
    '续重(kg)',
    '续重单位',
    '续重重量',
    'additionalweight',
    'continuedweight',
    'stepweight',
  ],
  stepPrice: [
    '续重单价',
    '续重价格',
    '续重费用',
    '续重运费',
    '续重价',
    'additionalweightprice',
    'continuedprice',
    'stepprice',
  ],
  transit: [
    '参考时效',
    '时效',
    '时效(天)',
    '运输时效',
    '参考时效(天)',
    '妥投时效',
    'transit',
    'transitdays',
    'transittime',
    'deliverydays',
    'leadtime',
  ],
} as const;
export type Column = keyof typeof columnAliases;

export const settingAliases = {
  currency: ['币种', '货币', '结算币种', 'currency'],
  validFrom: [
    '生效日期',
    '生效时间',
    '启用日期',
    '开始日期',
    'validfrom',
    'effectivefrom',
    'effectivedate',
    'startdate',
  ],
  validTo: [
    '失效日期',
    '截止日期',
    '到期日期',
    '结束日期',
    'validto',
    'effectiveto',
    'expirydate',
    'enddate',
  ],
  source: ['来源', '报价来源', '供应商', '货代', '报价单号', 'source', 'forwarder', 'supplier', 'reference'],
  volumetricDivisor: [
    '材积除数',
    '体积重除数',
    '抛重除数',
    '泡重除数',
    '抛比',
    '材积',
    'volumetricdivisor',
    'dimdivisor',
    'dimensionaldivisor',
    'divisor',
  ],
  volumetricShare: [
    '计泡比例',
    '计泡',
    '泡重比例',
    '计抛比例',
    'volumetricshare',
    'volumetricsharepct',
    'volumetricshare(%)',
  ],
  rounding: [
    '进位',
    '计费重量进位',
    '进位单位',
    '重量进位',
    '进位(kg)',
    'rounding',
    'roundingincrement',
    'roundupto',
    'roundingincrement(kg)',
  ],
  minimum: [
    '最低收费',
    '最低消费',
    '最低运费',
    '最低收费(元/票)',
    'minimumcharge',
    'minimum',
    'minimumcharge(perparcel)',
  ],
  fuel: [
    '燃油附加费',
    '燃油费',
    '燃油',
    '燃油附加费(%)',
    '燃油附加费率',
    'fuel',
    'fuelsurcharge',
    'fuelsurcharge(%)',
  ],
  fuelAppliesTo: ['燃油计费项', '燃油适用', '燃油基数', '燃油计算基数', 'fuelappliesto', 'fuelbase'],
  remotePerKg: [
    '偏远附加费',
    '偏远费',
    '偏远地区附加费',
    '偏远附加费(元/kg)',
    'remoteareaperkg',
    'remoteperkg',
    'remoteareasurcharge',
    'remoteareasurcharge(perkg)',
  ],
  remoteMinimum: [
    '偏远最低收费',
    '偏远费最低',
    '偏远附加费最低',
    '偏远最低收费(元/票)',
    'remoteareaminimum',
    'remoteminimum',
  ],
  batteryAccepted: [
    '接受带电',
    '可走带电',
    '带电',
    '是否接受带电',
    'batteryaccepted',
    'battery',
    'acceptsbatteries',
  ],
  batteryPerParcel: [
    '带电附加费(元/票)',
    '带电费(元/票)',
    '带电附加费',
    'batterysurchargeperparcel',
    'batteryperparcel',
    'batterysurcharge',
  ],
  batteryPerKg: ['带电附加费(元/kg)', '带电费(元/kg)', 'batterysurchargeperkg', 'batteryperkg'],
  dgAccepted: [
    '接受危险品',
    '危险品',
    '是否接受危险品',
    'dangerousgoodsaccepted',
    'dgaccepted',
    'dangerousgoods',
  ],
  dgPerParcel: ['危险品附加费', '危险品附加费(元/票)', 'dangerousgoodssurcharge', 'dgsurcharge'],
  maxWeight: [
    '最大重量',
    '限重',
    '单票限重',
    '重量上限',
    '最大重量(kg)',
    'maxweight',
    'maxweight(kg)',
    'weightlimit',
  ],
  maxLongestSide: [
    '最长边',
    '最长边限制',
    '单边限长',
    '最长边(cm)',
    'maxlongestside',
    'longestside',
    'maxlength',
    'maxlongestside(cm)',
  ],
  maxGirth: ['最大围长', '围长', '长+2宽+2高', '围长(cm)', 'maxgirth', 'girth', 'maxgirth(cm)', 'l+2w+2h'],
  maxSumOfSides: ['三边之和', '三边和', '三边长之和', '三边之和(cm)', 'maxsumofsides', 'sumofsides', 'l+w+h'],
} as const;
export type Setting = keyof typeof settingAliases;

export const sheetAliases = {
  settings: ['服务设置', '设置', '渠道设置', '参数', 'settings', 'servicesettings', 'service'],
  zones: ['分区', '分区表', '国家分区', 'zones', 'zonechart', 'zone'],
  remote: ['偏远地区', '偏远邮编', '偏远', 'remoteareas', 'remote', 'remotearea'],
} as const;

export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s_:：]/g, '');
const bare = (s: string) => norm(s).replace(/\([^)]*\)/g, '');

/** The one key of `aliases` that `header` names, or null. */
export function matchAlias<K extends string>(
  aliases: Record<K, readonly string[]>,
  header: string,
): K | null {
  const h = norm(header);
  if (!h) return null;
  const keys = Object.keys(aliases) as K[];
  const exact = keys.find((k) => aliases[k].some((a) => norm(a) === h));
  if (exact) return exact;
  const b = bare(header);
  const loose = keys.filter((k) => aliases[k].some((a) => bare(a) === b));
  return loose.length === 1 ? loose[0]! : null;
}
