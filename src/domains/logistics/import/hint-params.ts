/**
 * Header names quoted in import messages. They are the forwarders' own words (Chinese and
 * English), so they are parameters — the same in both languages — not part of the translation.
 */
export const hints = {
  countryExample: '美国 / United States',
  ratesNames: '价格表 / 报价 / Rates',
  zonesNames: '分区 / Zones',
  countryHeader: '国家 / Country',
  weightHeader: '重量 / Weight',
  zoneHeader: '分区 / Zone',
  perKg: '运费(元/KG) / Rate per kg',
  first: '首重 / First weight',
  firstPrice: '首重价格 / First weight price',
  step: '续重 / Additional weight',
  stepPrice: '续重单价 / Additional weight price',
  kinds:
    'base / 运费, continued / 续重, registration / 挂号费, remote_area / 偏远, battery / 带电, dangerous_goods / 危险品, minimum / 最低',
};

export const zonesHint = {
  zonesNames: hints.zonesNames,
  countryHeader: hints.countryHeader,
  zoneHeader: hints.zoneHeader,
};
