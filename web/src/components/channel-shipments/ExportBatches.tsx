import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../hooks';
import type { ShipmentConfirmation } from '../../types-shipment-confirmations';

/** Files exported but not yet marked uploaded, one line per batch: download again or mark uploaded. */
export function ExportBatches(props: {
  items: ShipmentConfirmation[];
  fileUrl: (batch: string) => string;
  canShip: boolean;
  onMarkUploaded: (batch: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const batches = new Map<string, { count: number; exportedAt: string | null }>();
  for (const r of props.items)
    if (r.status === 'file_exported' && r.exportBatch) {
      const b = batches.get(r.exportBatch) ?? { count: 0, exportedAt: r.exportedAt };
      b.count++;
      batches.set(r.exportBatch, b);
    }
  if (!batches.size) return null;
  return (
    <Card size="small" title={t('shipmentConfirmations.batches')} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={[...batches.entries()]}
        renderItem={([batch, b]) => (
          <List.Item data-testid="channel-shipments-batch" data-batch={batch}>
            <span>
              {t('shipmentConfirmations.batchRow', {
                date: formatDateTime(b.exportedAt, i18n.language),
                count: b.count,
              })}
            </span>
            <Space>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={props.fileUrl(batch)}
                data-testid="channel-shipments-download"
              >
                {t('shipmentConfirmations.download')}
              </Button>
              {props.canShip && (
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  data-testid="channel-shipments-mark-uploaded"
                  onClick={() => props.onMarkUploaded(batch)}
                >
                  {t('shipmentConfirmations.markUploaded')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
