import type { Template } from '../types.ts';

/** Messages of src/domains/tracking/insights (exceptions worklist, transit performance). */
export const trackingInsightsMessages = {
  'trackingInsights.journeyNotFound': {
    en: 'Journey not found: no shipment reference or tracking number matches',
    'zh-CN': '找不到该轨迹：没有匹配的发货单号或运单号',
  },
  'trackingInsights.noException': {
    en: 'This journey has no open exception right now; nothing to acknowledge, resolve or snooze',
    'zh-CN': '该轨迹目前没有异常，无需确认、处理或暂缓',
  },
  'trackingInsights.snoozeUntil': {
    en: 'Snoozing needs a date in the future',
    'zh-CN': '暂缓需要一个将来的日期',
  },
  'trackingInsights.snoozeUntilIssue': {
    en: 'give the date until which the exception stays hidden (after today)',
    'zh-CN': '请填写异常隐藏到哪一天（需晚于今天）',
  },
  'trackingInsights.resolveNote': {
    en: 'Resolving an exception needs a note saying what was done',
    'zh-CN': '处理异常时请填写备注，说明做了什么',
  },
  'trackingInsights.resolveNoteIssue': {
    en: 'write what was done (e.g. "carrier confirmed re-delivery")',
    'zh-CN': '请写明处理方式（例如"承运商已确认重新派送"）',
  },
  'trackingInsights.rule.invalid': {
    en: 'The threshold rule could not be saved; correct the fields shown',
    'zh-CN': '阈值规则无法保存，请修改标出的字段',
  },
  'trackingInsights.rule.country': {
    en: '"{value}" is not an ISO country code; use two letters such as DE, or * for every country',
    'zh-CN': '"{value}" 不是 ISO 国家代码；请填写两位字母（如 DE），或用 * 表示所有国家',
  },
  'trackingInsights.rule.validTo': {
    en: 'the end date must be after the start date',
    'zh-CN': '结束日期必须晚于开始日期',
  },
  'trackingInsights.rule.duplicate': {
    en: 'A rule for route {route} already exists; edit that one instead',
    'zh-CN': '线路 {route} 已有规则，请直接修改该规则',
  },
  'trackingInsights.rule.notFound': {
    en: 'Threshold rule not found',
    'zh-CN': '找不到该阈值规则',
  },
  'trackingInsights.performance.range': {
    en: 'The period {from} to {to} is not valid: the start must not be after the end, and at most 366 days',
    'zh-CN': '时间段 {from} 至 {to} 无效：开始日期不能晚于结束日期，且最长 366 天',
  },
  'trackingInsights.performance.rangeIssue': {
    en: 'choose a start date on or before the end date, at most 366 days apart',
    'zh-CN': '请选择不晚于结束日期的开始日期，间隔不超过 366 天',
  },
} as const satisfies Record<string, Template>;
