/** The header names the importer accepts (same lists as src/domains/logistics/import/headers.ts), shown in the import dialog. */
export const headerAliases = [
  '国家 / 目的国 / Country — 国家代码 / 二字码 / Country code (美国 US, United States, US)',
  '分区 / Zone — 邮编 / Postcode (75*, 96700-96899) or 起始邮编 + 截止邮编 / Postcode from + to',
  '重量 / 重量段 / Weight ("0-0.5", "0.501-2", "71+") or 起始重量 + 截止重量 / Weight from + to (kg)',
  '运费(元/KG) / 单价 / Rate per kg — 挂号费(元/票) / 处理费 / Registration fee / Handling fee',
  '首重 / First weight — 首重价格 / First weight price — 续重 / Additional weight — 续重单价 / Additional weight price',
  '参考时效 / 时效 / Transit days ("7-12")',
  '服务设置 / Settings: 币种 Currency, 生效日期 Valid from, 失效日期 Valid to, 来源 Source, 材积除数 Volumetric divisor, 计泡比例 Volumetric share, 进位 Rounding increment (kg), 最低收费 Minimum charge, 燃油附加费 Fuel surcharge (%), 燃油计费项 Fuel applies to, 偏远附加费(元/KG) Remote area per kg, 偏远最低收费 Remote area minimum, 接受带电 Battery accepted, 带电附加费(元/票) / (元/KG), 接受危险品 Dangerous goods accepted, 危险品附加费, 最大重量 Max weight (kg), 最长边 Max longest side (cm), 最大围长 Max girth (cm), 三边之和 Max sum of sides (cm)',
  '分区 / Zones sheet: 国家 Country, 分区 Zone, 参考时效 Transit days — 偏远地区 / Remote areas sheet: 国家 Country, 邮编 Postcode',
];
