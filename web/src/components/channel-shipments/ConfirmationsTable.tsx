import { RedoOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../hooks';
import type { ShipmentConfirmation, ShipmentConfirmationStatus } from '../../types-shipment-confirmations';

const COLORS: Record<ShipmentConfirmationStatus, string> = {
  pending: 'gold',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  file_exported: 'purple',
  uploaded: 'green',
};

export function ConfirmationStatusTag({ status }: { status: ShipmentConfirmationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="channel-shipments-status" data-status={status}>
      {t(`shipmentConfirmations.status.${status}`)}
    </Tag>
  );
}

/** One row per (order, tracking number): what was told to the channel and what it answered. */
export function ConfirmationsTable(props: {
  items: ShipmentConfirmation[];
  loading: boolean;
  canRetry: boolean;
  onRetry: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<ShipmentConfirmation> = [
    {
      title: t('shipmentConfirmations.order'),
      dataIndex: 'externalOrderId',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('shipmentConfirmations.carrier'),
      key: 'carrier',
      // The channel's carrier code (Amazon), or the name when the code says nothing more (Other, Shopee).
      render: (_, r) =>
        r.carrierCode === 'Other' || r.carrierCode === r.carrier ? r.carrierName : r.carrierCode,
    },
    {
      title: t('shipmentConfirmations.tracking'),
      dataIndex: 'trackingNumber',
      render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
    },
    {
      title: t('shipmentConfirmations.shippedAt'),
      dataIndex: 'shippedAt',
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('shipmentConfirmations.lines'),
      key: 'lines',
      render: (_, r) => r.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', '),
    },
    {
      title: t('shipmentConfirmations.state'),
      dataIndex: 'status',
      render: (s: ShipmentConfirmationStatus) => <ConfirmationStatusTag status={s} />,
    },
    { title: t('shipmentConfirmations.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('shipmentConfirmations.error'),
      key: 'error',
      render: (_, r) =>
        r.lastError ? (
          <Typography.Text type="danger" data-testid="channel-shipments-error">
            {r.lastError}
          </Typography.Text>
        ) : null,
    },
    {
      key: 'actions',
      render: (_, r) =>
        props.canRetry && r.status === 'failed' ? (
          <Button
            size="small"
            icon={<RedoOutlined />}
            data-testid="channel-shipments-retry"
            onClick={() => props.onRetry(r.id)}
          >
            {t('shipmentConfirmations.retry')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: t('shipmentConfirmations.empty') }}
      onRow={(r) => ({ 'data-testid': 'channel-shipments-row', 'data-order': r.externalOrderId }) as never}
      scroll={{ x: true }}
    />
  );
}
