import type { Template } from '../types.ts';

/** Messages of src/domains/logistics: services, price-sheet import, rate shopping, assignment rules. */
export const logisticsMessages = {
  'logistics.serviceNotFound': { en: 'Logistics service not found', 'zh-CN': '找不到该物流渠道' },
  'logistics.cardNotFound': { en: 'Rate card not found', 'zh-CN': '找不到该价格表版本' },
  'logistics.ruleNotFound': { en: 'Assignment rule not found', 'zh-CN': '找不到该分配规则' },
  'logistics.codeTaken': {
    en: 'A logistics service with code {code} already exists; choose another code',
    'zh-CN': '物流渠道代码 {code} 已存在，请换一个代码',
  },
  'logistics.badCarrier': {
    en: 'Unknown carrier code {carrier}; use one of: {codes}',
    'zh-CN': '未知的承运商代码 {carrier}；可用代码：{codes}',
  },
  'logistics.fixedServiceRequired': {
    en: 'A fixed-service rule needs a service; a cheapest-within-days rule needs the number of days',
    'zh-CN': '“指定渠道”规则需要选择渠道；“时效内最便宜”规则需要填写天数',
  },
  // Price-sheet import: every problem names sheet and cell, and says what to do.
  'logistics.import.invalid': {
    en: '{fileName}: {count} problem(s) in the price sheet; nothing was imported. Fix them and upload again',
    'zh-CN': '{fileName}：价格表有 {count} 处问题，未导入任何内容。请修改后重新上传',
  },
  'logistics.import.notXlsx': {
    en: '{fileName} is not an .xlsx workbook; save it from Excel or WPS as .xlsx and upload again',
    'zh-CN': '{fileName} 不是 .xlsx 工作簿；请在 Excel 或 WPS 中另存为 .xlsx 后重新上传',
  },
  'logistics.import.noRatesSheet': {
    en: 'No price sheet found (sheets: {names}); name it {ratesNames}, with a header row containing {countryHeader} (price list by country) or {weightHeader} (zone matrix)',
    'zh-CN':
      '没有找到价格工作表（现有：{names}）；请命名为 {ratesNames}，表头需包含 {countryHeader}（按国家报价）或 {weightHeader}（分区矩阵）',
  },
  'logistics.import.noZonesSheet': {
    en: 'The zone matrix needs a zones sheet ({zonesNames}) with the columns {countryHeader} and {zoneHeader}',
    'zh-CN': '分区矩阵报价需要分区工作表（{zonesNames}），包含 {countryHeader} 和 {zoneHeader} 两列',
  },
  'logistics.import.missingColumn': {
    en: 'column {column} is missing; accepted headers: {aliases}',
    'zh-CN': '缺少“{column}”列；可用表头：{aliases}',
  },
  'logistics.import.badCountry': {
    en: '“{value}” is not a known country; write an ISO code (US) or a Chinese or English name ({example})',
    'zh-CN': '“{value}”不是可识别的国家；请填写二字代码（US）或中英文国名（{example}）',
  },
  'logistics.import.badWeight': {
    en: '“{value}” is not a weight in kg; write e.g. 0.5, or a range such as 0.501-2',
    'zh-CN': '“{value}”不是以公斤计的重量；请填写如 0.5，或区间如 0.501-2',
  },
  'logistics.import.badMoney': {
    en: '“{value}” is not a price; write a non-negative amount with at most 2 decimals, e.g. 85.50',
    'zh-CN': '“{value}”不是有效价格；请填写不小于 0、最多两位小数的金额，如 85.50',
  },
  'logistics.import.missingPrice': {
    en: 'no price in this row: fill {perKg}, or {first} with {firstPrice}',
    'zh-CN': '这一行没有价格：请填写 {perKg}，或 {first} 和 {firstPrice}',
  },
  'logistics.import.missingContinued': {
    en: 'first weight is priced but {step} and {stepPrice} are missing',
    'zh-CN': '已填写首重，但缺少 {step} 和 {stepPrice}',
  },
  'logistics.import.badTransit': {
    en: '“{value}” is not a transit time; write days such as 7-12 or 10',
    'zh-CN': '“{value}”不是有效时效；请填写天数，如 7-12 或 10',
  },
  'logistics.import.overlap': {
    en: 'weight bracket {range} kg overlaps {otherCell} ({otherRange} kg); brackets must follow each other',
    'zh-CN': '重量段 {range} 公斤与 {otherCell}（{otherRange} 公斤）重叠；重量段必须首尾相接',
  },
  'logistics.import.gap': {
    en: 'weights from {from} to {to} kg are not priced between {otherCell} and this row; add a bracket or close the gap',
    'zh-CN': '{otherCell} 与本行之间 {from} 至 {to} 公斤没有价格；请补充重量段或使区间相接',
  },
  'logistics.import.notIncreasing': {
    en: 'weight {value} kg is not above the previous row ({otherCell}); list weights in increasing order',
    'zh-CN': '重量 {value} 公斤不大于上一行（{otherCell}）；请按重量从小到大排列',
  },
  'logistics.import.unknownSetting': {
    en: 'unknown setting “{value}”; known settings: {names}',
    'zh-CN': '未知设置项“{value}”；可用设置项：{names}',
  },
  'logistics.import.badDate': {
    en: '“{value}” is not a date; write it as 2026-12-01',
    'zh-CN': '“{value}”不是有效日期；请写成 2026-12-01',
  },
  'logistics.import.datesOrder': {
    en: 'the end date {to} must be after the start date {from}',
    'zh-CN': '失效日期 {to} 必须晚于生效日期 {from}',
  },
  'logistics.import.badPostcode': {
    en: '“{value}” is not a postcode, prefix (75*) or range (75000-75999)',
    'zh-CN': '“{value}”不是有效邮编、邮编前缀（75*）或邮编区间（75000-75999）',
  },
  'logistics.import.unknownZone': {
    en: 'zone “{zone}” has no column in the price sheet {sheet}; add the column or correct the zone',
    'zh-CN': '分区“{zone}”在价格表 {sheet} 中没有对应列；请添加该列或更正分区',
  },
  'logistics.import.noRows': {
    en: 'sheet {sheet} has no price rows under the header row {row}',
    'zh-CN': '工作表 {sheet} 的表头（第 {row} 行）下没有价格行',
  },
  'logistics.import.duplicateCountry': {
    en: '{country} is listed twice (also {otherCell}); give each country one zone',
    'zh-CN': '{country} 出现了两次（另见 {otherCell}）；每个国家只能对应一个分区',
  },
  'logistics.import.badCurrency': {
    en: '“{value}” is not a currency code; write CNY, USD or EUR',
    'zh-CN': '“{value}”不是币种代码；请填写 CNY、USD 或 EUR',
  },
  'logistics.import.badDivisor': {
    en: '“{value}” is not a volumetric divisor; write 5000, 6000, 8000, 1000 (sea W/M) or leave it empty',
    'zh-CN': '“{value}”不是有效的材积除数；请填写 5000、6000、8000、1000（海运按方）或留空',
  },
  'logistics.import.badYesNo': {
    en: '“{value}” is not yes or no; write 是 / 否 or yes / no',
    'zh-CN': '“{value}”不是是/否；请填写 是 / 否 或 yes / no',
  },
  'logistics.import.badNumber': {
    en: '“{value}” is not a non-negative number',
    'zh-CN': '“{value}”不是不小于 0 的数字',
  },
  'logistics.import.badPercent': {
    en: '“{value}” is not a percentage from 0 to 100; write e.g. 12.5 or 12.5%',
    'zh-CN': '“{value}”不是 0 到 100 之间的百分比；请填写如 12.5 或 12.5%',
  },
  'logistics.import.badKinds': {
    en: '“{value}” names an unknown charge; use {kinds}',
    'zh-CN': '“{value}”包含未知费用项；可用：{kinds}',
  },
  // Why a service cannot carry a parcel.
  'logistics.exclude.no_card': {
    en: 'no rate card is valid on {date}',
    'zh-CN': '{date} 没有生效的价格表',
  },
  'logistics.exclude.inactive': { en: 'the service is inactive', 'zh-CN': '该渠道已停用' },
  'logistics.exclude.country_not_served': {
    en: '{country} is not served',
    'zh-CN': '不发往 {country}',
  },
  'logistics.exclude.postcode_not_served': {
    en: 'postcode {postcode} in {country} is not served',
    'zh-CN': '不发往 {country} 的邮编 {postcode}',
  },
  'logistics.exclude.over_max_weight': {
    en: '{weight} kg is over the maximum weight of {max} kg',
    'zh-CN': '重量 {weight} 公斤超过限重 {max} 公斤',
  },
  'logistics.exclude.over_longest_side': {
    en: 'longest side {side} cm > {max} cm',
    'zh-CN': '最长边 {side} 厘米 > {max} 厘米',
  },
  'logistics.exclude.over_girth': {
    en: 'length + 2 × width + 2 × height {girth} cm > {max} cm',
    'zh-CN': '长 + 2×宽 + 2×高 {girth} 厘米 > {max} 厘米',
  },
  'logistics.exclude.over_sum_of_sides': {
    en: 'sum of the sides {sum} cm > {max} cm',
    'zh-CN': '三边之和 {sum} 厘米 > {max} 厘米',
  },
  'logistics.exclude.battery_not_accepted': {
    en: 'batteries are not accepted',
    'zh-CN': '不接受带电产品',
  },
  'logistics.exclude.dg_not_accepted': {
    en: 'dangerous goods are not accepted',
    'zh-CN': '不接受危险品',
  },
  'logistics.exclude.weight_not_priced': {
    en: '{weight} kg is not priced in zone {zone}',
    'zh-CN': '分区 {zone} 没有 {weight} 公斤的价格',
  },
  // Breakdown lines.
  'logistics.line.flat': { en: 'Freight up to {weight} kg', 'zh-CN': '运费（{weight} 公斤档）' },
  'logistics.line.perKg': {
    en: 'Freight {weight} kg × {rate}/kg',
    'zh-CN': '运费 {weight} 公斤 × {rate}/公斤',
  },
  'logistics.line.first': { en: 'First weight {weight} kg', 'zh-CN': '首重 {weight} 公斤' },
  'logistics.line.continued': {
    en: 'Continued weight {steps} × {step} kg at {rate}',
    'zh-CN': '续重 {steps} × {step} 公斤，每续 {rate}',
  },
  'logistics.line.registration': { en: 'Registration fee', 'zh-CN': '挂号费' },
  'logistics.line.minimum': {
    en: 'Top-up to the minimum charge {minimum}',
    'zh-CN': '补足最低收费 {minimum}',
  },
  'logistics.line.remote': {
    en: 'Remote area (postcode {postcode})',
    'zh-CN': '偏远地区附加费（邮编 {postcode}）',
  },
  'logistics.line.battery': { en: 'Battery surcharge', 'zh-CN': '带电附加费' },
  'logistics.line.dg': { en: 'Dangerous goods surcharge', 'zh-CN': '危险品附加费' },
  'logistics.line.fuel': { en: 'Fuel surcharge {pct}%', 'zh-CN': '燃油附加费 {pct}%' },
  // Assignment.
  'logistics.assign.rule': {
    en: 'Rule “{name}” (priority {priority}) matched; strategy: {strategy}',
    'zh-CN': '命中规则“{name}”（优先级 {priority}）；策略：{strategy}',
  },
  'logistics.assign.noRule': {
    en: 'No rule matched; the cheapest eligible service was chosen',
    'zh-CN': '没有命中任何规则；已选择最便宜的可用渠道',
  },
  'logistics.assign.noOption': {
    en: 'No service can carry this parcel',
    'zh-CN': '没有可承运该包裹的渠道',
  },
  'logistics.assign.unsatisfied': {
    en: 'Rule “{name}” matched, but no eligible service fits its strategy ({strategy}); nothing was chosen',
    'zh-CN': '命中规则“{name}”，但没有符合其策略（{strategy}）的可用渠道；未选择渠道',
  },
  'logistics.strategy.cheapest': { en: 'cheapest', 'zh-CN': '最便宜' },
  'logistics.strategy.fastest': { en: 'fastest', 'zh-CN': '最快' },
  'logistics.strategy.cheapest_within_days': {
    en: 'cheapest within {days} days',
    'zh-CN': '{days} 天内送达中最便宜',
  },
  'logistics.strategy.fixed': { en: 'fixed service {code}', 'zh-CN': '指定渠道 {code}' },
  // CLI.
  'logistics.cli.badDims': {
    en: '“{value}” is not L×W×H in cm; write e.g. 30x20x10',
    'zh-CN': '“{value}”不是长×宽×高（厘米）；请写成如 30x20x10',
  },
  'logistics.cli.badWeight': {
    en: '“{value}” is not a weight in kg; write e.g. 1.25',
    'zh-CN': '“{value}”不是公斤重量；请写成如 1.25',
  },
  'logistics.cli.badValue': {
    en: '“{value}” is not an amount and currency; write e.g. --value 25.00 USD',
    'zh-CN': '“{value}”不是金额和币种；请写成如 --value 25.00 USD',
  },
} as const satisfies Record<string, Template>;
