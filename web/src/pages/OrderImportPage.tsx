import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Radio, Select, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, shopPath } from '../api';
import { GenericMappingModal } from '../components/orders/import/GenericMappingModal';
import { ImportErrorAlert } from '../components/orders/import/ImportErrorAlert';
import { ImportReport } from '../components/orders/import/ImportReport';
import { readHeaders } from '../components/orders/import/readHeaders';
import { useItems } from '../hooks';
import type { ChannelAccount } from '../orders';
import { useShop } from '../session';
import type { OrderImportMapping, OrderImportResult } from '../types';

const FORMATS = ['amazon', 'amazon-unshipped', 'shopee', 'tiktok', 'aliexpress', 'generic'] as const;
type Format = (typeof FORMATS)[number];
/** The channel whose export each format reads; generic reads any channel's file. */
const FORMAT_CHANNEL: Record<Format, string | null> = {
  amazon: 'amazon',
  'amazon-unshipped': 'amazon',
  shopee: 'shopee',
  tiktok: 'tiktok',
  aliexpress: 'aliexpress',
  generic: null,
};
const defaultFormat = (channel: string): Format =>
  (FORMATS.find((f) => FORMAT_CHANNEL[f] === channel) as Format | undefined) ?? 'generic';

type Step = 'setup' | 'preview' | 'done';

/**
 * Order import wizard: account + format (+ saved mapping for generic) + file → preview (imported
 * in a rolled-back transaction: exact counts, row errors, a sample) → mode → import → result.
 */
export default function OrderImportPage() {
  const { t } = useTranslation();
  const shop = useShop();
  const navigate = useNavigate();
  const accounts = useItems<ChannelAccount>(shopPath(shop.slug, '/channel-accounts'));
  const mappings = useItems<OrderImportMapping>(shopPath(shop.slug, '/order-import-mappings'));
  const [accountId, setAccountId] = useState<string | undefined>();
  const [format, setFormat] = useState<Format | undefined>();
  const [mappingName, setMappingName] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [step, setStep] = useState<Step>('setup');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<OrderImportResult | null>(null);
  const [result, setResult] = useState<OrderImportResult | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);

  const account = accounts.items.find((a) => a.id === accountId);
  const formatsFor = useMemo(
    () =>
      FORMATS.filter((f) => !account || FORMAT_CHANNEL[f] === null || FORMAT_CHANNEL[f] === account.channel),
    [account],
  );
  useEffect(() => {
    if (file) void readHeaders(file).then(setHeaders);
    else setHeaders([]);
  }, [file]);

  const ready = Boolean(accountId && format && file && (format !== 'generic' || mappingName));

  const send = async (asPreview: boolean) => {
    if (!ready || !file || !accountId || !format) return;
    const form = new FormData();
    // Fields before the file: the server reads them as the multipart stream arrives.
    form.append('channelAccountId', accountId);
    form.append('format', format);
    if (format === 'generic' && mappingName) form.append('mappingName', mappingName);
    form.append('allOrNothing', String(allOrNothing));
    form.append('preview', String(asPreview));
    form.append('file', file, file.name);
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<OrderImportResult>(shopPath(shop.slug, '/order-imports'), form);
      if (asPreview) {
        setPreview(res);
        setStep('preview');
      } else {
        setResult(res);
        setStep('done');
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep('setup');
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const current = step === 'setup' ? 0 : step === 'preview' ? 1 : 2;
  const ordersUrl = `/shops/${encodeURIComponent(shop.slug)}/orders`;

  return (
    <div>
      <Typography.Title level={3}>{t('adminOps.import.title')}</Typography.Title>
      <Steps
        current={current}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[
          { title: t('adminOps.import.stepFile') },
          { title: t('adminOps.import.stepPreview') },
          { title: t('adminOps.import.stepResult') },
        ]}
      />
      <ImportErrorAlert error={error ?? accounts.error} />

      {step === 'setup' && (
        <Card style={{ maxWidth: 760 }}>
          <Form layout="vertical">
            <Form.Item
              label={t('adminOps.import.account')}
              required
              extra={
                <Link
                  to={`/shops/${encodeURIComponent(shop.slug)}/channels`}
                  data-testid="import-create-account"
                >
                  <PlusOutlined /> {t('adminOps.import.createAccount')}
                </Link>
              }
            >
              <Select
                data-testid="import-account"
                aria-label={t('adminOps.import.account')}
                loading={accounts.loading}
                value={accountId}
                placeholder={t('adminOps.import.pickAccount')}
                onChange={(id: string) => {
                  setAccountId(id);
                  const a = accounts.items.find((x) => x.id === id);
                  if (a) setFormat(defaultFormat(a.channel));
                }}
                options={accounts.items.map((a) => ({
                  value: a.id,
                  label: `${a.name} · ${t(`channels.${a.channel}`, { defaultValue: a.channel })}${a.marketplace ? ` (${a.marketplace})` : ''}`,
                }))}
                notFoundContent={t('adminOps.import.noAccounts')}
              />
            </Form.Item>
            <Form.Item label={t('adminOps.import.format')} required>
              <Select
                data-testid="import-format"
                aria-label={t('adminOps.import.format')}
                value={format}
                onChange={setFormat}
                options={formatsFor.map((f) => ({ value: f, label: t(`adminOps.format.${f}`) }))}
              />
            </Form.Item>
            {format === 'generic' && (
              <Form.Item label={t('adminOps.import.mapping')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    data-testid="import-mapping"
                    aria-label={t('adminOps.import.mapping')}
                    value={mappingName}
                    onChange={setMappingName}
                    placeholder={t('adminOps.import.pickMapping')}
                    options={mappings.items.map((m) => ({ value: m.name, label: m.name }))}
                    notFoundContent={t('adminOps.import.noMappings')}
                  />
                  <Button data-testid="import-new-mapping" onClick={() => setMappingOpen(true)}>
                    {t('adminOps.import.newMapping')}
                  </Button>
                </Space.Compact>
              </Form.Item>
            )}
            <Form.Item label={t('adminOps.import.file')} required>
              <Upload.Dragger
                data-testid="import-file"
                multiple={false}
                maxCount={1}
                accept=".txt,.tsv,.csv,.xlsx"
                beforeUpload={(f) => {
                  setFile(f);
                  setError(null);
                  return false;
                }}
                onRemove={() => setFile(null)}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('adminOps.import.dropFile')}</p>
                <p className="ant-upload-hint">{t('adminOps.import.fileHint')}</p>
              </Upload.Dragger>
            </Form.Item>
            <Button
              type="primary"
              data-testid="import-preview"
              disabled={!ready}
              loading={busy}
              onClick={() => void send(true)}
            >
              {t('adminOps.import.preview')}
            </Button>
          </Form>
        </Card>
      )}

      {step === 'preview' && preview && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('adminOps.import.previewNote', { fileName: file?.name ?? '' })}
          />
          <ImportReport result={preview} testId="import-preview-report" />
          <Card style={{ marginTop: 16 }} title={t('adminOps.import.mode')}>
            <Radio.Group
              data-testid="import-mode"
              value={allOrNothing ? 'all' : 'valid'}
              onChange={(e) => setAllOrNothing(e.target.value === 'all')}
            >
              <Space orientation="vertical">
                <Radio value="valid" data-testid="import-mode-valid">
                  {t('adminOps.import.modeValid')}
                </Radio>
                <Radio value="all" data-testid="import-mode-all">
                  {t('adminOps.import.modeAll')}
                </Radio>
              </Space>
            </Radio.Group>
            {allOrNothing && preview.failed > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={t('adminOps.import.allWillFail', { count: preview.failed })}
              />
            )}
            <Space style={{ marginTop: 16, display: 'flex' }}>
              <Button onClick={() => setStep('setup')} data-testid="import-back">
                {t('common.previous')}
              </Button>
              <Button type="primary" data-testid="import-run" loading={busy} onClick={() => void send(false)}>
                {t('adminOps.import.run')}
              </Button>
            </Space>
          </Card>
        </>
      )}

      {step === 'done' && result && (
        <>
          <Alert
            type={result.failed ? 'warning' : 'success'}
            showIcon
            data-testid="import-done"
            style={{ marginBottom: 16 }}
            title={t(result.failed ? 'adminOps.import.doneWithFailures' : 'adminOps.import.done', {
              created: result.created,
              updated: result.updated,
              failed: result.failed,
            })}
          />
          <ImportReport result={{ ...result, sample: undefined }} testId="import-result" />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => navigate(ordersUrl)} data-testid="import-to-orders">
              {t('adminOps.import.toOrders')}
            </Button>
            <Button onClick={restart} data-testid="import-again">
              {t('adminOps.import.again')}
            </Button>
          </Space>
        </>
      )}

      {mappingOpen && (
        <GenericMappingModal
          headers={headers}
          onClose={() => setMappingOpen(false)}
          onSaved={(m) => {
            setMappingOpen(false);
            void mappings.load();
            setMappingName(m.name);
          }}
        />
      )}
    </div>
  );
}
