import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ImportResult, LogisticsService } from '../../types-logistics';
import { days } from './format';
import { headerAliases } from './header-aliases';
import { SheetErrors } from './SheetErrors';

/** Upload a price sheet: preview (validate only) then import; errors list sheet!cell and what to do. */
export function ImportSheetModal(props: {
  service: LogisticsService | null;
  base: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!props.service) return null;
  const send = async (preview: boolean) => {
    if (!file || !props.service) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.upload<ImportResult>(
        `${props.base}/services/${props.service.id}/rate-cards?preview=${preview}`,
        file,
      );
      setResult(r);
      if (!preview) props.onImported();
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('logistics.importTitle', { code: props.service.code })}
      onCancel={props.onClose}
      footer={null}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t('logistics.importHelp')}</Typography.Paragraph>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'aliases',
            label: t('logistics.headerAliases'),
            children: (
              <ul data-testid="header-aliases" style={{ margin: 0, paddingInlineStart: 18 }}>
                {headerAliases.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <label>
          <Button icon={<UploadOutlined />} onClick={() => document.getElementById('sheet-file')?.click()}>
            {t('logistics.chooseFile')}
          </Button>
          <input
            id="sheet-file"
            data-testid="sheet-file"
            type="file"
            accept=".xlsx"
            style={{ display: 'none' }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setError(null);
            }}
          />
        </label>
        <Typography.Text>{file?.name}</Typography.Text>
        <Button disabled={!file} loading={busy} onClick={() => send(true)} data-testid="sheet-preview">
          {t('logistics.preview')}
        </Button>
        <Button
          type="primary"
          disabled={!file}
          loading={busy}
          onClick={() => send(false)}
          data-testid="sheet-commit"
        >
          {t('logistics.commit')}
        </Button>
      </Space>
      <SheetErrors error={error} />
      {result && (
        <div data-testid="sheet-result">
          <Alert
            type={result.status === 'unchanged' ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`logistics.status.${result.status}`, { version: result.version })}
            description={`${t(`logistics.layout.${result.layout}`)} · ${t('logistics.summary', {
              countries: result.summary.countries,
              zones: result.summary.zones,
              brackets: result.summary.brackets,
              remote: result.summary.remotePostcodes,
              currency: result.currency,
              from: new Date(result.validFrom).toLocaleDateString(i18n.language),
            })}`}
          />
          <Table
            size="small"
            rowKey={(r) => `${r.country}-${r.zone}`}
            pagination={{ pageSize: 8 }}
            dataSource={result.sample}
            columns={[
              { title: t('logistics.sample.country'), dataIndex: 'country' },
              { title: t('logistics.sample.zone'), dataIndex: 'zone' },
              { title: t('logistics.sample.brackets'), dataIndex: 'brackets' },
              { title: t('logistics.sample.transit'), dataIndex: 'transit', render: days },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
