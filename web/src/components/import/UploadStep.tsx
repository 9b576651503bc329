import { InboxOutlined } from '@ant-design/icons';
import { Descriptions, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath } from '../../api';
import { useShop } from '../../session';
import type { ImportUpload } from '../../types';
import { ApiErrorAlert } from '../ApiErrorAlert';

interface Props {
  upload: ImportUpload | null;
  onUploaded: (upload: ImportUpload) => void;
}

export function UploadStep({ upload, onUploaded }: Props) {
  const { t } = useTranslation();
  const shop = useShop();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      onUploaded(await api.upload<ImportUpload>(shopPath(shop.slug, '/imports'), file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Spin spinning={busy}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          customRequest={({ file }) => void send(file as File)}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.dropHere')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </Spin>
      <div style={{ marginTop: 16 }}>
        <ApiErrorAlert error={error} />
      </div>
      {upload && (
        <div style={{ marginTop: 16 }} data-testid="import-detected">
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('import.fileName')}>{upload.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('import.encoding')}>{upload.encoding}</Descriptions.Item>
            <Descriptions.Item label={t('import.columns')}>{upload.headers.length}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.sample')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={upload.sampleRows.map((row) => Object.fromEntries(row.map((v, i) => [String(i), v])))}
            columns={upload.headers.map((h, i) => ({ title: h, dataIndex: String(i), key: String(i) }))}
          />
        </div>
      )}
    </div>
  );
}
