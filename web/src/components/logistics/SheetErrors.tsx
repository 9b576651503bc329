import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { errorMessage } from '../../errors';

/**
 * A refused price sheet: the server's own message ("prices.xlsx: 3 problems…", in the reader's
 * language) rather than the generic bad-file text, then one line per cell (`价格表!C3: …`).
 */
export function SheetErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = isApiError(error) ? error.issues : [];
  const title = isApiError(error) && error.message ? error.message : errorMessage(error, t);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="api-error"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="sheet-issues">
            {issues.map((i) => (
              <li key={`${i.field}-${i.message}`}>
                <strong>{i.field}</strong>: {i.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
