import { appError, issue } from '../../../kernel/errors.ts';
import { detectProfile, type Field, type FormatProfile } from './formats/index.ts';
import { resolveColumns } from './parse-row.ts';

/**
 * Make sure the file is the export the seller said it is. A file from another channel (an Amazon
 * report uploaded as Shopee) is named for what it looks like, so the fix is obvious.
 */
export function checkHeaders(
  profile: FormatProfile,
  headers: readonly string[],
  fileName: string,
): Partial<Record<Field, number[]>> {
  const detected = detectProfile(headers);
  if (profile.format !== 'generic' && detected && detected.format !== profile.format) {
    throw appError(
      'BAD_FILE',
      'orders.file.wrongChannel',
      { fileName, detected: detected.label, expected: profile.label, format: detected.format },
      {
        details: { fileName, detected: detected.format },
        issues: [issue('file', 'orders.file.wrongChannelIssue', { detected: detected.label })],
      },
    );
  }
  const { index, missing } = resolveColumns(profile, headers);
  if (missing.length) {
    const names = missing.map((f) => profile.columns[f]?.join(' / ') ?? f);
    throw appError(
      'BAD_FILE',
      'orders.file.missingColumns',
      { fileName, expected: profile.label, list: { list: names, sep: 'comma' } },
      { issues: names.map((n) => issue(n, 'orders.file.columnMissing')) },
    );
  }
  return index;
}
