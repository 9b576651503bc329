import { ReloadOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shopPath } from '../../api';
import { formatDateTime, useItems } from '../../hooks';
import type { MappingQueueItem } from '../../orders';
import { useCan, useShop } from '../../session';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { MapSkuModal } from './MapSkuModal';

/** Channel SKUs that orders are waiting on, with a "map" action (orders:write). */
export function MappingQueue() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const canWrite = useCan('orders:write');
  const queue = useItems<MappingQueueItem>(shopPath(shop.slug, '/sku-mappings/queue'));
  const [mapping, setMapping] = useState<MappingQueueItem | null>(null);

  const columns: ColumnsType<MappingQueueItem> = [
    {
      title: t('orders.mapping.channelSku'),
      dataIndex: 'channelSku',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('orders.account'), dataIndex: 'accountName' },
    { title: t('orders.mapping.orders'), dataIndex: 'orders', align: 'right', width: 100 },
    { title: t('orders.mapping.units'), dataIndex: 'units', align: 'right', width: 100 },
    {
      title: t('orders.mapping.oldest'),
      dataIndex: 'oldest',
      width: 160,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    ...(canWrite
      ? [
          {
            key: 'map',
            width: 100,
            render: (_: unknown, row: MappingQueueItem) => (
              <Button size="small" type="primary" data-testid="map-sku" onClick={() => setMapping(row)}>
                {t('orders.mapping.map')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('orders.mapping.help')}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void queue.load()} data-testid="mapping-refresh">
          {t('common.refresh')}
        </Button>
      </div>
      <ApiErrorAlert error={queue.error} />
      <Table<MappingQueueItem>
        rowKey={(r) => `${r.accountId}:${r.channelSku}`}
        size="middle"
        data-testid="mapping-queue"
        loading={queue.loading}
        columns={columns}
        dataSource={queue.items}
        pagination={false}
        locale={{ emptyText: t('orders.mapping.empty') }}
        onRow={(r) =>
          ({ 'data-testid': 'mapping-row', 'data-sku': r.channelSku }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {mapping && (
        <MapSkuModal
          item={mapping}
          onClose={() => setMapping(null)}
          onSaved={() => {
            setMapping(null);
            void queue.load();
          }}
        />
      )}
    </div>
  );
}
