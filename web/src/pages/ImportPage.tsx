import { Button, Card, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { type Columns, MappingStep, mappingProblems } from '../components/import/MappingStep';
import { PreviewStep } from '../components/import/PreviewStep';
import { ResultStep } from '../components/import/ResultStep';
import { UploadStep } from '../components/import/UploadStep';
import { useShop } from '../session';
import type { ImportCommitResult, ImportMode, ImportPreview, ImportProgress, ImportUpload } from '../types';

const POLL_MS = 1000;

const mapped = (columns: Columns) =>
  Object.fromEntries(Object.entries(columns).filter((e): e is [string, string] => !!e[1]));

export default function ImportPage() {
  const { t } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [commitError, setCommitError] = useState<unknown>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const base = shopPath(shop.slug, '/imports');

  const stopPolling = () => {
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
  };
  useEffect(
    () => () => {
      if (polling.current) clearInterval(polling.current);
    },
    [],
  );

  const onUploaded = (u: ImportUpload) => {
    setUpload(u);
    setColumns(Object.fromEntries(u.headers.map((h) => [h, u.suggestedMapping[h] ?? null])));
    setPreview(null);
  };

  const runPreview = async () => {
    if (!upload) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.post<ImportPreview>(`${base}/${upload.id}/preview`, { columns: mapped(columns) }));
      setStep(2);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const poll = (id: string) =>
    api.get<ImportProgress>(`${base}/${id}`).then((p) => {
      setProgress(p);
      return p;
    });

  const commit = async () => {
    if (!upload) return;
    setStep(3);
    setResult(null);
    setProgress(null);
    setCommitError(null);
    stopPolling();
    polling.current = setInterval(() => void poll(upload.id).catch(() => undefined), POLL_MS);
    try {
      const res = await api.post<ImportCommitResult>(`${base}/${upload.id}/commit`, {
        columns: mapped(columns),
        mode,
      });
      if (res.status !== 'running') {
        stopPolling();
        setResult(res);
        return;
      }
      // The server finishes in the background: keep polling until it says done or failed.
      stopPolling();
      polling.current = setInterval(async () => {
        try {
          const p = await poll(upload.id);
          if (p.status === 'done' || p.status === 'failed') {
            stopPolling();
            setResult({
              status: p.status,
              created: p.created,
              updated: p.updated,
              failed: p.failed,
              errorsUrl: res.errorsUrl ?? (p.failed > 0 ? `${base}/${upload.id}/errors` : null),
            });
          }
        } catch (e) {
          stopPolling();
          setCommitError(e);
        }
      }, POLL_MS);
    } catch (e) {
      stopPolling();
      setCommitError(e);
    }
  };

  const restart = () => {
    stopPolling();
    setStep(0);
    setUpload(null);
    setPreview(null);
    setResult(null);
    setProgress(null);
    setCommitError(null);
    setError(null);
  };

  const problems = upload ? mappingProblems(upload, columns) : null;
  const canPreview = !!problems && problems.missing.length === 0 && problems.duplicates.length === 0;

  return (
    <div>
      <Typography.Title level={3}>{t('import.title')}</Typography.Title>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.stepUpload') },
          { title: t('import.stepMapping') },
          { title: t('import.stepPreview') },
          { title: t('import.stepCommit') },
        ]}
      />
      <Card>
        <ApiErrorAlert error={error} onClose={() => setError(null)} />
        {step === 0 && <UploadStep upload={upload} onUploaded={onUploaded} />}
        {step === 1 && upload && <MappingStep upload={upload} columns={columns} onChange={setColumns} />}
        {step === 2 && preview && <PreviewStep preview={preview} mode={mode} onModeChange={setMode} />}
        {step === 3 && (
          <ResultStep
            progress={progress}
            result={result}
            error={commitError}
            onRestart={restart}
            onProducts={() => navigate(`/shops/${encodeURIComponent(shop.slug)}/products`)}
          />
        )}
        {step < 3 && (
          <Space style={{ marginTop: 24, width: '100%', justifyContent: 'flex-end' }}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.previous')}</Button>}
            {step === 0 && (
              <Button type="primary" disabled={!upload} onClick={() => setStep(1)} data-testid="import-next">
                {t('common.next')}
              </Button>
            )}
            {step === 1 && (
              <Button
                type="primary"
                loading={busy}
                disabled={!canPreview}
                onClick={() => void runPreview()}
                data-testid="import-next"
              >
                {t('import.checkFile')}
              </Button>
            )}
            {step === 2 && (
              <Button
                type="primary"
                disabled={!preview || (mode === 'valid_rows' && preview.validRows === 0)}
                onClick={() => void commit()}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}
