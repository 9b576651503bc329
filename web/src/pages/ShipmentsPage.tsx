import { ScanOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { CreateShipmentWizard } from '../components/shipments/CreateShipmentWizard';
import { openPdf } from '../components/shipments/pdf';
import { ShipmentStatusTag } from '../components/shipments/ShipmentStatusTag';
import { formatDateTime, useDebounced, useItems } from '../hooks';
import { useCan, useSession, useShop } from '../session';
import { SHIPMENT_STATUSES, type ShipmentListItem } from '../types-shipments';

const PAGE = 50;

/** Shipments newest first, filters, create from orders (wizard), bulk print labels and bulk ship. */
export default function ShipmentsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const shop = useShop();
  const csrf = useSession().session?.csrfToken;
  const canWrite = useCan('shipping:write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [serviceId, setServiceId] = useState('');
  const services = useItems<{ id: string; code: string; name: string }>(
    shopPath(shop.slug, '/logistics/services'),
  );
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: ShipmentListItem[]; total: number }>({ items: [], total: 0 });
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const fromOrder = params.get('order');
  const [wizard, setWizard] = useState(!!fromOrder);
  const search = useDebounced(q.trim(), 300);
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const url = withQuery(shopPath(shop.slug, '/shipments'), {
        status,
        serviceId,
        q: search,
        from: range?.[0]?.format('YYYY-MM-DD'),
        to: range?.[1]?.format('YYYY-MM-DD'),
        limit: PAGE,
        offset,
      });
      setData(await api.get(url));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [shop.slug, status, serviceId, search, range, offset]);
  useEffect(() => {
    void load();
  }, [load]);

  const printLabels = async () => {
    setBusy(true);
    try {
      await openPdf(shopPath(shop.slug, '/shipments/documents/labels'), { ids: selected }, csrf);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const pickList = async () => {
    try {
      await openPdf(shopPath(shop.slug, '/shipments/documents/pick-list'), { ids: selected }, csrf);
    } catch (e) {
      setError(e);
    }
  };
  const bulkShip = async () => {
    setBusy(true);
    try {
      const r = await api.post<{
        results: { id: string; ok: boolean; message: string | null }[];
        shipped: number;
      }>(shopPath(shop.slug, '/shipments/ship'), { ids: selected });
      const failed = r.results.filter((x) => !x.ok);
      message.info(t('shipments.bulkShipped', { shipped: r.shipped, failed: failed.length }));
      for (const f of failed) if (f.message) message.warning(f.message);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<ShipmentListItem> = [
    {
      title: t('shipments.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`${base}/shipments/${r.id}`} data-testid="shipment-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('shipments.statusLabel'),
      dataIndex: 'status',
      render: (s) => <ShipmentStatusTag status={s} />,
    },
    { title: t('shipments.orders'), dataIndex: 'orderRefs', render: (v: string[]) => v.join(', ') },
    { title: t('shipments.recipient'), dataIndex: 'recipient' },
    { title: t('shipments.country'), dataIndex: 'destinationCountry' },
    { title: t('shipments.service'), dataIndex: 'serviceName', render: (v: string | null) => v ?? '—' },
    { title: t('shipments.parcels'), dataIndex: 'parcelCount', align: 'right' },
    {
      title: t('shipments.trackingNumber'),
      dataIndex: 'trackingNumber',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('shipments.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('shipments.title')}</Typography.Title>
        <Space>
          <Link to={`${base}/shipments/scan`} data-testid="scan-to-ship-link">
            <Button icon={<ScanOutlined />}>{t('shipments.scan.title')}</Button>
          </Link>
          {canWrite && (
            <Button type="primary" onClick={() => setWizard(true)} data-testid="shipment-create">
              {t('shipments.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          data-testid="shipments-status-filter"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
          options={[
            { value: '', label: t('shipments.allStatuses') },
            ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`shipments.status.${s}`) })),
          ]}
        />
        <Select
          data-testid="shipments-service-filter"
          style={{ minWidth: 220 }}
          value={serviceId}
          onChange={(v) => {
            setServiceId(v);
            setOffset(0);
          }}
          options={[
            { value: '', label: t('shipments.allServices') },
            ...services.items.map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` })),
          ]}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v as typeof range)}
          data-testid="shipments-dates"
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          data-testid="shipments-search"
          placeholder={t('shipments.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </Space>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button
          disabled={!selected.length}
          loading={busy}
          onClick={() => void printLabels()}
          data-testid="bulk-print-labels"
        >
          {t('shipments.printLabels', { count: selected.length })}
        </Button>
        <Button disabled={!selected.length} onClick={() => void pickList()} data-testid="bulk-pick-list">
          {t('shipments.pickList')}
        </Button>
        {canWrite && (
          <Button
            disabled={!selected.length}
            loading={busy}
            onClick={() => void bulkShip()}
            data-testid="bulk-ship"
          >
            {t('shipments.bulkShip', { count: selected.length })}
          </Button>
        )}
      </Space>
      <ApiErrorAlert error={error} />
      <Table<ShipmentListItem>
        rowKey="id"
        size="small"
        data-testid="shipments-table"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        pagination={{
          current: offset / PAGE + 1,
          pageSize: PAGE,
          total: data.total,
          showSizeChanger: false,
          onChange: (p) => setOffset((p - 1) * PAGE),
        }}
        locale={{ emptyText: t('shipments.empty') }}
      />
      <CreateShipmentWizard
        shop={shop.slug}
        open={wizard}
        initialOrders={fromOrder ? [fromOrder] : []}
        onClose={() => {
          setWizard(false);
          if (fromOrder) setParams({}, { replace: true });
        }}
        onCreated={(s) => navigate(`${base}/shipments/${s.id}`)}
      />
    </div>
  );
}
