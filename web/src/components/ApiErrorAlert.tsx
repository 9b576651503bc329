import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { errorMessage, fieldLabel } from '../errors';

/** An error from the API: the translated message, then every field issue on its own line. */
export function ApiErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = isApiError(error) ? error.issues : [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="api-error"
      style={{ marginBottom: 16 }}
      title={errorMessage(error, t)}
      closable={onClose ? { onClose } : undefined}
      description={
        issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {issues.map((issue) => (
              <li key={`${issue.row ?? ''}-${issue.field}-${issue.message}`}>
                {issue.row !== undefined ? `${t('import.row', { row: issue.row })} · ` : ''}
                <strong>{fieldLabel(issue.field, t)}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
