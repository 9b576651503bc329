import { DownloadOutlined } from '@ant-design/icons';
import { Button, Progress, Result, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportCommitResult, ImportProgress } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Props {
  progress: ImportProgress | null;
  result: ImportCommitResult | null;
  error: unknown;
  onRestart: () => void;
  onProducts: () => void;
}

export function ResultStep({ progress, result, error, onRestart, onProducts }: Props) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div data-testid="import-result" data-status="error">
        <ApiErrorAlert error={error} />
        <Button onClick={onRestart}>{t('import.again')}</Button>
      </div>
    );
  }
  if (!result) {
    const percent = progress?.totalRows ? Math.floor((progress.processedRows / progress.totalRows) * 100) : 0;
    return (
      <div style={{ textAlign: 'center', padding: 32 }}>
        <Progress type="circle" percent={percent} status="active" />
        <p style={{ marginTop: 16 }}>
          {t('import.running', { done: progress?.processedRows ?? 0, total: progress?.totalRows ?? '…' })}
        </p>
      </div>
    );
  }
  const ok = result.status !== 'failed';
  return (
    <div data-testid="import-result" data-status={result.status}>
      <Result
        status={ok ? (result.failed > 0 ? 'warning' : 'success') : 'error'}
        title={ok ? t('import.doneTitle') : t('import.failedTitle')}
        subTitle={!ok ? t('import.failedHelp') : undefined}
        extra={
          <Space wrap>
            {result.errorsUrl && (
              <a href={result.errorsUrl} download data-testid="import-errors-download">
                <Button icon={<DownloadOutlined />}>{t('import.downloadErrors')}</Button>
              </a>
            )}
            <Button onClick={onRestart}>{t('import.again')}</Button>
            <Button type="primary" onClick={onProducts}>
              {t('import.toProducts')}
            </Button>
          </Space>
        }
      >
        <Space size={48} style={{ justifyContent: 'center', width: '100%' }}>
          <Statistic title={t('import.created')} value={result.created} />
          <Statistic title={t('import.updated')} value={result.updated} />
          <Statistic title={t('import.failed')} value={result.failed} />
        </Space>
      </Result>
    </div>
  );
}
