import { FilePdfOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../hooks';
import type { CarrierLabel, CarrierPullResult } from '../../types-carriers';

/** Labels bought through carrier APIs: open the PDF, cancel before pickup, pull tracking. */
export function CarrierLabelsTable({ basePath, canWrite }: { basePath: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<CarrierLabel[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: CarrierLabel[] }>(`${basePath}?limit=50`)).items);
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  }, [basePath, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const cancel = async (l: CarrierLabel) => {
    setBusy(l.id);
    try {
      const r = await api.post<{ cancelled: boolean; message: string | null }>(`${basePath}/${l.id}/cancel`);
      if (r.cancelled) message.success(t('carriers.labels.cancelledOk'));
      else message.warning(t('carriers.labels.cancelRefused', { message: r.message ?? '' }));
      await load();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const pullAll = async () => {
    setBusy('pull');
    try {
      const r = await api.post<CarrierPullResult>(`${basePath}/tracking/pull`, {});
      message.success(
        t('carriers.labels.pulled', { labels: r.labels, inserted: r.inserted, duplicates: r.duplicates }),
      );
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={t('carriers.labels.title')}
      style={{ marginTop: 24 }}
      extra={
        canWrite && (
          <Button
            icon={<SyncOutlined />}
            loading={busy === 'pull'}
            onClick={() => void pullAll()}
            data-testid="carrier-pull-tracking"
          >
            {t('carriers.labels.pull')}
          </Button>
        )
      }
    >
      <Table<CarrierLabel>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        data-testid="carrier-labels-table"
        locale={{ emptyText: t('carriers.labels.empty') }}
        columns={[
          {
            title: t('carriers.labels.created'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          { title: t('carriers.labels.parcel'), dataIndex: 'idempotencyKey' },
          { title: t('carriers.labels.tracking'), dataIndex: 'trackingNumber' },
          {
            title: t('carriers.labels.lastMile'),
            key: 'lastMile',
            render: (_, l) =>
              l.lastMile ? `${l.lastMile.carrier.toUpperCase()} ${l.lastMile.trackingNumber}` : '—',
          },
          {
            title: t('carriers.columns.status'),
            dataIndex: 'status',
            render: (s: CarrierLabel['status']) => (
              <Tag color={s === 'bought' ? 'green' : 'default'}>{t(`carriers.labels.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('carriers.columns.actions'),
            key: 'actions',
            render: (_, l) => (
              <Space>
                <Button
                  icon={<FilePdfOutlined />}
                  href={`${basePath}/${l.id}/label.pdf`}
                  target="_blank"
                  data-testid={`carrier-label-pdf-${l.id}`}
                >
                  PDF
                </Button>
                {canWrite && l.status === 'bought' && (
                  <Popconfirm title={t('carriers.labels.cancelConfirm')} onConfirm={() => void cancel(l)}>
                    <Button danger loading={busy === l.id} data-testid={`carrier-label-cancel-${l.id}`}>
                      {t('carriers.labels.cancel')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
