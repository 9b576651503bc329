/**
 * A carrier's refusal text → an AppError that names the field, in the seller's language.
 * Forwarders answer in Chinese (or English) without per-field codes, so the field is recognised
 * from the words; the carrier's own text is kept in the message.
 */
import { appError, type FieldIssue, issue } from '../../kernel/errors.ts';
import type { MessageKey } from '../../kernel/i18n/index.ts';

const rules: { field: string; key: MessageKey; pattern: RegExp }[] = [
  {
    field: 'recipient.postcode',
    key: 'carriers.refusal.postcode',
    pattern: /邮编|邮政编码|post_?code|postcode|zip/i,
  },
  { field: 'items.hsCode', key: 'carriers.refusal.hsCode', pattern: /海关编码|hs ?code|hscode/i },
  {
    field: 'declaredValue',
    key: 'carriers.refusal.declaredValue',
    pattern: /申报价值|申报金额|declared? value|parcel_value/i,
  },
  { field: 'weightG', key: 'carriers.refusal.weight', pattern: /重量|weight/i },
  {
    field: 'recipient.lines',
    key: 'carriers.refusal.addressTooLong',
    pattern: /地址.*(长度|过长|超)|address.*(long|length)/i,
  },
];

export const isDuplicateText = (text: string) => /已存在|重复|already exist|duplicate/i.test(text);

// Word-bounded: "consignment" in a refusal must not read as a signature problem.
export const isAuthText = (text: string) =>
  /签名|\bsign\b|app_?key|access_?token|认证|鉴权|身份验证|unauthori[sz]ed/i.test(text);

/** The refusal as an AppError: one issue per recognised field; credentials problems apart. */
export function refusalFromTexts(carrier: string, texts: string[]) {
  const message = texts.filter(Boolean).join('; ');
  if (isAuthText(message))
    return appError('PROVIDER_FAILED', 'carriers.remote.authFailed', { carrier, message });
  const issues: FieldIssue[] = [];
  for (const text of texts) {
    const rule = rules.find((r) => r.pattern.test(text));
    if (rule && !issues.some((i) => i.field === rule.field))
      issues.push(issue(rule.field, rule.key, { carrierMessage: text }));
  }
  return appError('VALIDATION_FAILED', 'carriers.refused', { carrier, message }, { issues });
}
