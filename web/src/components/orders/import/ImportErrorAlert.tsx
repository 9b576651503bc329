import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ApiErrorAlert } from '../../ApiErrorAlert';

/**
 * A refused file (wrong channel, missing columns, unreadable) in the server's own words: they say
 * which channel the file looks like and which format to choose, which a generic "bad file" would
 * lose (also used for stock conflicts, whose message says what changed). Every other error goes
 * through ApiErrorAlert.
 */
export function ImportErrorAlert({ error, codes = ['BAD_FILE'] }: { error: unknown; codes?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error) || !codes.includes(error.code) || !error.message)
    return <ApiErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="server-worded-error"
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        error.issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.issues.map((i) => (
              <li key={`${i.row ?? ''}-${i.field}-${i.message}`}>
                {i.row !== undefined ? `${t('import.row', { row: i.row })} · ` : ''}
                <strong>{i.field}</strong>: {i.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
