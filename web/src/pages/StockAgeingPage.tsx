import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { AgeingCharts } from '../components/ageing/AgeingCharts';
import { DebouncedInput } from '../components/ProductFilters';
import { CursorPager, useCursorPages } from '../cursorPages';
import { useItems } from '../hooks';
import { formatMoney, type Warehouse } from '../orders';
import { useShop } from '../session';
import { AGE_BUCKETS, type AgeBucket, type AgeingRow, type AgeingSummary, type ClearanceRow } from '../types';

const WINDOWS = [30, 90] as const;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Slow-moving stock: FIFO ageing by warehouse (charts), sell-through and days of cover per SKU ×
 * warehouse, and the clearance list, as of a day; the same report as xlsx.
 */
export default function StockAgeingPage() {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const warehouses = useItems<Warehouse>(shopPath(shop.slug, '/warehouses'));
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [windowDays, setWindowDays] = useState<number>(30);
  const [asOf, setAsOf] = useState(today());
  const [search, setSearch] = useState('');
  const [tab, setTab] = useState('skus');
  const [summary, setSummary] = useState<AgeingSummary | null>(null);
  const [clearanceTotal, setClearanceTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const common = { asOf, search: search.trim() };
  const yuan = (minor: number) => formatMoney(minor, 'CNY', i18n.language);

  useEffect(() => {
    let alive = true;
    setError(null);
    api
      .get<AgeingSummary>(withQuery(shopPath(shop.slug, '/stock/ageing'), { asOf, search: search.trim() }))
      .then((s) => alive && setSummary(s))
      .catch((e) => alive && setError(e));
    api
      .get<{ totalValueMinor: number }>(
        withQuery(shopPath(shop.slug, '/stock/clearance'), {
          asOf,
          search: search.trim(),
          warehouseId,
          limit: 1,
        }),
      )
      .then((c) => alive && setClearanceTotal(c.totalValueMinor))
      .catch(() => alive && setClearanceTotal(null));
    return () => {
      alive = false;
    };
  }, [shop.slug, asOf, search, warehouseId]);

  const shown: AgeingSummary | null = summary && {
    ...summary,
    warehouses: summary.warehouses.filter((w) => !warehouseId || w.warehouseId === warehouseId),
  };
  const units = shown?.warehouses.reduce((n, w) => n + w.units, 0) ?? 0;
  const value = shown?.warehouses.reduce((n, w) => n + w.valueMinor, 0) ?? 0;
  const exportUrl = withQuery(shopPath(shop.slug, '/stock/ageing/export'), common);

  return (
    <div>
      <Typography.Title level={3}>{t('ageing.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ageing.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="ageing-warehouse"
          allowClear
          placeholder={t('ageing.allWarehouses')}
          value={warehouseId}
          onChange={setWarehouseId}
          style={{ width: 200 }}
          options={warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
        />
        <Space.Compact>
          <Button disabled>{t('ageing.window')}</Button>
          <Select
            data-testid="ageing-window"
            value={windowDays}
            onChange={setWindowDays}
            style={{ width: 100 }}
            options={WINDOWS.map((days) => ({ value: days, label: t('ageing.windowDays', { days }) }))}
          />
        </Space.Compact>
        <Space.Compact>
          <Button disabled>{t('ageing.asOf')}</Button>
          <Input
            data-testid="ageing-as-of"
            type="date"
            value={asOf}
            max={today()}
            onChange={(e) => setAsOf(e.target.value || today())}
            style={{ width: 160 }}
          />
        </Space.Compact>
        <DebouncedInput
          value={search}
          onChange={setSearch}
          placeholder={t('ageing.search')}
          testId="ageing-search"
          width={200}
          icon
        />
        <Button icon={<DownloadOutlined />} href={exportUrl} download data-testid="ageing-export">
          {t('ageing.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} />
      <Space size={48} style={{ marginBottom: 16 }} wrap>
        <Statistic title={t('ageing.totalUnits')} value={units} data-testid="ageing-total-units" />
        <Statistic title={t('ageing.totalValue')} value={yuan(value)} data-testid="ageing-total-value" />
        <Statistic
          title={t('ageing.clearanceValue')}
          value={clearanceTotal === null ? '—' : yuan(clearanceTotal)}
          data-testid="ageing-clearance-value"
        />
      </Space>
      {summary && summary.missingCost > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ageing.missingCost', { count: summary.missingCost })}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        {shown && shown.warehouses.length > 0 ? (
          <AgeingCharts summary={shown} />
        ) : (
          <Typography.Text type="secondary" data-testid="ageing-no-stock">
            {t('ageing.noStock')}
          </Typography.Text>
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'skus',
            label: <span data-testid="ageing-skus-tab">{t('ageing.tabs.skus')}</span>,
            children: <SkuTable common={common} warehouseId={warehouseId} windowDays={windowDays} />,
          },
          {
            key: 'clearance',
            label: <span data-testid="ageing-clearance-tab">{t('ageing.tabs.clearance')}</span>,
            children: <ClearanceTable common={common} warehouseId={warehouseId} windowDays={windowDays} />,
          },
        ]}
      />
    </div>
  );
}

interface TableProps {
  common: { asOf: string; search: string };
  warehouseId: string | undefined;
  windowDays: number;
}

function SkuTable({ common, warehouseId, windowDays }: TableProps) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const [bucket, setBucket] = useState<AgeBucket | undefined>();
  const pages = useCursorPages<AgeingRow>(shopPath(shop.slug, '/stock/ageing/skus'), {
    ...common,
    warehouseId,
    bucket,
    windows: String(windowDays),
    limit: 50,
  });
  const sales = (r: AgeingRow) => r.sales[0];
  return (
    <>
      <Select
        data-testid="ageing-bucket"
        allowClear
        placeholder={t('ageing.allBuckets')}
        value={bucket}
        onChange={setBucket}
        style={{ width: 160, marginBottom: 12 }}
        options={AGE_BUCKETS.map((b) => ({ value: b, label: t('ageing.bucket', { bucket: b }) }))}
      />
      <ApiErrorAlert error={pages.error} />
      <Table<AgeingRow>
        data-testid="ageing-skus-table"
        rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
        size="small"
        loading={pages.loading}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('ageing.col.sku'),
            key: 'sku',
            render: (_, r) => (
              <>
                <Typography.Text strong>{r.sku}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.productTitle}
                </Typography.Text>
              </>
            ),
          },
          { title: t('ageing.col.warehouse'), dataIndex: 'warehouseCode' },
          { title: t('ageing.col.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('ageing.col.available'), dataIndex: 'available', align: 'right' },
          {
            title: t('ageing.col.oldest'),
            key: 'oldest',
            render: (_, r) =>
              r.oldestReceivedOn ? (
                <span>
                  {r.oldestReceivedOn} <AgeTag days={r.oldestAgeDays ?? 0} />
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('ageing.col.shipped'),
            key: 'shipped',
            align: 'right',
            render: (_, r) => sales(r)?.shipped,
          },
          {
            title: t('ageing.col.sellThrough'),
            key: 'st',
            align: 'right',
            render: (_, r) => (sales(r)?.sellThroughPct == null ? '—' : `${sales(r)!.sellThroughPct}%`),
          },
          {
            title: t('ageing.col.avgDaily'),
            key: 'avg',
            align: 'right',
            render: (_, r) => sales(r)?.avgDailySales,
          },
          {
            title: t('ageing.col.cover'),
            key: 'cover',
            align: 'right',
            render: (_, r) =>
              sales(r)?.daysOfCover == null ? (
                <Typography.Text type="secondary">{t('ageing.noSales')}</Typography.Text>
              ) : (
                sales(r)!.daysOfCover
              ),
          },
          {
            title: t('ageing.col.lastSale'),
            key: 'last',
            render: (_, r) => r.lastSaleOn ?? t('ageing.never'),
          },
          {
            title: t('ageing.col.value'),
            key: 'value',
            align: 'right',
            render: (_, r) => formatMoney(r.valueMinor, 'CNY', i18n.language),
          },
        ]}
      />
      <CursorPager pages={pages} />
    </>
  );
}

function ClearanceTable({ common, warehouseId, windowDays }: TableProps) {
  const { t, i18n } = useTranslation();
  const shop = useShop();
  const pages = useCursorPages<ClearanceRow>(shopPath(shop.slug, '/stock/clearance'), {
    ...common,
    warehouseId,
    windowDays,
    limit: 50,
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('ageing.rules')}</Typography.Paragraph>
      <ApiErrorAlert error={pages.error} />
      <Table<ClearanceRow>
        data-testid="ageing-clearance-table"
        rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
        size="small"
        loading={pages.loading}
        dataSource={pages.page?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('ageing.clearanceEmpty') }}
        columns={[
          {
            title: t('ageing.col.sku'),
            key: 'sku',
            render: (_, r) => (
              <>
                <Typography.Text strong>{r.sku}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.productTitle}
                </Typography.Text>
              </>
            ),
          },
          { title: t('ageing.col.warehouse'), dataIndex: 'warehouseCode' },
          { title: t('ageing.col.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('ageing.col.agedUnits'), dataIndex: 'agedUnits', align: 'right' },
          {
            title: t('ageing.col.oldest'),
            key: 'age',
            render: (_, r) => (r.oldestAgeDays == null ? '—' : <AgeTag days={r.oldestAgeDays} />),
          },
          {
            title: t('ageing.col.cover'),
            key: 'cover',
            align: 'right',
            render: (_, r) =>
              r.daysOfCover ?? <Typography.Text type="secondary">{t('ageing.noSales')}</Typography.Text>,
          },
          {
            title: t('ageing.col.lastSale'),
            key: 'last',
            render: (_, r) => r.lastSaleOn ?? t('ageing.never'),
          },
          {
            title: t('ageing.col.value'),
            key: 'value',
            align: 'right',
            render: (_, r) => (
              <Typography.Text strong>{formatMoney(r.valueMinor, 'CNY', i18n.language)}</Typography.Text>
            ),
          },
          {
            title: t('ageing.col.reasons'),
            key: 'reasons',
            render: (_, r) => r.reasons.map((x) => <Tag key={x}>{t(`ageing.reason.${x}`)}</Tag>),
          },
          {
            title: t('ageing.col.action'),
            key: 'action',
            render: (_, r) => (
              <Tag
                color={r.action === 'write_off' ? 'red' : r.action === 'move_channel' ? 'orange' : 'blue'}
                data-testid={`ageing-action-${r.sku}`}
              >
                {t(`ageing.action.${r.action}`, { discount: r.discountPct })}
              </Tag>
            ),
          },
        ]}
      />
      <CursorPager pages={pages} />
    </>
  );
}

function AgeTag({ days }: { days: number }) {
  const { t } = useTranslation();
  const color =
    days > 365 ? 'red' : days > 180 ? 'volcano' : days > 90 ? 'orange' : days > 30 ? 'gold' : 'green';
  return <Tag color={color}>{t('ageing.col.oldestAge', { days })}</Tag>;
}
