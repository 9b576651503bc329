import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useCan, useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface ImportResult {
  inserted?: number;
  duplicates?: number;
  journeysUpdated?: number;
  rows?: number;
  failed?: number;
  defaultTimeZone?: string;
  errors?: { row?: number; field: string; message: string }[];
}

/** Upload a CSV of tracking events (English or Chinese headers; GBK works) to the tracking import. */
export function ImportTab() {
  const { t } = useTranslation();
  const shop = useShop();
  const canImport = useCan('shipping:write');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.upload<ImportResult>(shopPath(shop.slug, '/tracking/events/import'), file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const errors = result?.errors ?? [];
  return (
    <div>
      <Typography.Paragraph>{t('tracking.importHelp')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code>
          运单号/tracking number, 承运商/carrier, 时间/time, 状态/status, 描述/description, 地点/location,
          国家/country
        </Typography.Text>
      </Typography.Paragraph>
      <Space>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          data-testid="tracking-import-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
          }}
        />
        <Button
          icon={<UploadOutlined />}
          loading={busy}
          disabled={!canImport}
          data-testid="tracking-import-button"
          onClick={() => input.current?.click()}
        >
          {t('tracking.chooseCsv')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} />
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type={errors.length ? 'warning' : 'success'}
          showIcon
          data-testid="tracking-import-result"
          message={t('tracking.importDone', {
            inserted: result.inserted ?? 0,
            duplicates: result.duplicates ?? 0,
            journeys: result.journeysUpdated ?? 0,
            failed: result.failed ?? errors.length,
          })}
        />
      )}
      {errors.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={errors}
          columns={[
            { title: t('tracking.row'), dataIndex: 'row', width: 80 },
            { title: t('tracking.column'), dataIndex: 'field' },
            { title: t('tracking.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
