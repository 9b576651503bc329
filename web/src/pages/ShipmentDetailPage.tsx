import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, shopPath } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { LabelForm } from '../components/shipments/LabelForm';
import { ShipmentStatusTag } from '../components/shipments/ShipmentStatusTag';
import { formatDateTime } from '../hooks';
import { formatMoney } from '../orders';
import { useCan, useShop } from '../session';
import type { ShipmentDetail, ShipmentParcel } from '../types-shipments';

const DOCS = ['label', 'customs', 'commercial-invoice', 'packing-list', 'packing-slip', 'pick-list'] as const;

/** One shipment: parcels and lines, label / ship / cancel, every document as PDF, tracking link. */
export default function ShipmentDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const canWrite = useCan('shipping:write');
  const { id = '' } = useParams();
  const [s, setS] = useState<ShipmentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const url = shopPath(shop.slug, `/shipments/${id}`);
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const load = useCallback(async () => {
    try {
      setS(await api.get<ShipmentDetail>(url));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    try {
      setS(await api.post<ShipmentDetail>(`${url}${path}`, body));
      setError(null);
      message.success(t(done));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!s && !error) return <FullPageSpin />;
  if (!s) return <ApiErrorAlert error={error} />;
  const docKind = (k: (typeof DOCS)[number]) => (k === 'customs' ? (s.customsForm ?? 'cn23') : k);

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Link to={`${base}/shipments`}>
          <ArrowLeftOutlined /> {t('shipments.title')}
        </Link>
      </Space>
      <Typography.Title level={3}>
        <span data-testid="shipment-number">{s.number}</span> <ShipmentStatusTag status={s.status} />
      </Typography.Title>
      <ApiErrorAlert error={error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('shipments.service')}>
            {s.service ? `${s.service.name} (${s.service.carrier})` : t('shipments.noService')}
            {s.serviceReason && (
              <Typography.Text type="secondary" data-testid="shipment-service-reason">
                {' — '}
                {s.serviceReason === 'manual' ? t('shipments.manualChoice') : s.serviceReason}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.orders')}>
            <Space wrap>
              {s.orders.map((o) => (
                <Link key={o.id} to={`${base}/orders/${o.id}`}>
                  {o.ref}
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.shipTo')}>
            {[
              s.shipTo.name,
              ...s.shipTo.lines,
              [s.shipTo.postcode, s.shipTo.city].filter(Boolean).join(' '),
              s.shipTo.country,
            ].join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.value')}>
            {formatMoney(s.valueMinor, s.currency, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.createdAt')}>
            {formatDateTime(s.createdAt, i18n.language)}
          </Descriptions.Item>
          {s.shippedAt && (
            <Descriptions.Item label={t('shipments.shippedAt')}>
              {formatDateTime(s.shippedAt, i18n.language)}
            </Descriptions.Item>
          )}
          {s.trackingPath && (
            <Descriptions.Item label={t('shipments.tracking')}>
              <a href={s.trackingPath} target="_blank" rel="noreferrer" data-testid="shipment-tracking-link">
                {t('shipments.publicTracking')}
              </a>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {canWrite && (
        <Card size="small" title={t('shipments.actions')} style={{ marginBottom: 16 }}>
          <Space wrap align="start">
            {s.status === 'packed' && (
              <LabelForm
                shipment={s}
                busy={busy}
                onLabel={(numbers) =>
                  void act('/label', numbers.length ? { trackingNumbers: numbers } : {}, 'shipments.labelled')
                }
              />
            )}
            {s.status === 'labelled' && (
              <Button
                type="primary"
                loading={busy}
                data-testid="shipment-ship"
                onClick={() => void act('/ship', {}, 'shipments.shippedDone')}
              >
                {t('shipments.markShipped')}
              </Button>
            )}
            {['draft', 'packed', 'labelled'].includes(s.status) && (
              <Popconfirm
                title={t('shipments.cancelConfirm')}
                onConfirm={() => void act('/cancel', {}, 'shipments.cancelledDone')}
              >
                <Button danger loading={busy} data-testid="shipment-cancel">
                  {t('shipments.cancel')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      )}

      <Card size="small" title={t('shipments.documents')} style={{ marginBottom: 16 }}>
        <Space wrap>
          {DOCS.map((k) => (
            <Button
              key={k}
              icon={<FilePdfOutlined />}
              href={`${url}/documents/${docKind(k)}.pdf`}
              target="_blank"
              data-testid={`doc-${k}`}
            >
              {t(`shipments.doc.${k === 'customs' ? docKind(k) : k}`)}
            </Button>
          ))}
        </Space>
      </Card>

      <Table<ShipmentParcel>
        rowKey="parcelNo"
        size="small"
        data-testid="shipment-parcels"
        dataSource={s.parcels}
        pagination={false}
        columns={[
          { title: t('shipments.parcel'), dataIndex: 'parcelNo' },
          { title: t('shipments.weightG'), dataIndex: 'weightG' },
          {
            title: t('shipments.dimsMm'),
            dataIndex: 'dimsMm',
            render: (d: ShipmentParcel['dimsMm']) => (d ? `${d.l}×${d.w}×${d.h}` : '—'),
          },
          {
            title: t('shipments.trackingNumber'),
            dataIndex: 'trackingNumber',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('shipments.lastMile'),
            dataIndex: 'lastMile',
            render: (v: ShipmentParcel['lastMile']) => (v ? `${v.carrier ?? ''} ${v.trackingNumber}` : '—'),
          },
          {
            title: t('shipments.lines'),
            dataIndex: 'lines',
            render: (lines: ShipmentParcel['lines']) =>
              lines.map((l) => <div key={l.orderLineId}>{`${l.sku} × ${l.quantity}`}</div>),
          },
        ]}
      />
    </div>
  );
}
