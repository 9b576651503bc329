import { type CarrierCode, carrierCodes, isCarrierCode } from '../../domains/tracking/index.ts';
import { appError, issue } from '../../kernel/errors.ts';

/** --carrier: a canonical carrier code, or a clear error listing them. */
export function carrierOption(value: string | undefined): CarrierCode | undefined {
  if (value === undefined) return undefined;
  const c = value.trim().toLowerCase();
  if (!isCarrierCode(c))
    throw appError(
      'VALIDATION_FAILED',
      'common.pleaseCorrect',
      { list: `--carrier ${carrierCodes.join('|')}` },
      { issues: [issue('--carrier', 'common.invalid')] },
    );
  return c;
}
