import { Card, Input, Segmented, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, shopPath, withQuery } from '../../api';
import { useShop } from '../../session';
import type { PerformanceFigures, PerformanceReport } from '../../types-tracking';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { PerformanceCharts } from './PerformanceCharts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

/** Transit p50/p90 and on-time rate of delivered parcels, by service or by route, over a period. */
export function PerformanceTab() {
  const { t } = useTranslation();
  const shop = useShop();
  const [to, setTo] = useState(isoDay(new Date()));
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [groupBy, setGroupBy] = useState<'service' | 'route'>('service');
  const [report, setReport] = useState<PerformanceReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    api
      .get<PerformanceReport>(withQuery(shopPath(shop.slug, '/tracking/performance'), { from, to, groupBy }))
      .then((r) => {
        if (!alive) return;
        setReport(r);
        setError(null);
      })
      .catch((e) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [shop.slug, from, to, groupBy]);
  const figureColumns = [
    { title: t('tracking.parcels'), dataIndex: 'count', align: 'right' as const },
    { title: 'p50', dataIndex: 'p50', align: 'right' as const, render: days },
    { title: 'p90', dataIndex: 'p90', align: 'right' as const, render: days },
    { title: t('tracking.mean'), dataIndex: 'mean', align: 'right' as const, render: days },
    {
      title: t('tracking.onTime'),
      align: 'right' as const,
      render: (_: unknown, r: PerformanceFigures) => `${r.onTime} / ${r.judged}`,
    },
    { title: t('tracking.onTimeRate'), dataIndex: 'onTimeRate', align: 'right' as const, render: percent },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input
          type="date"
          data-testid="performance-from"
          value={from}
          max={to}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Input
          type="date"
          data-testid="performance-to"
          value={to}
          min={from}
          onChange={(e) => setTo(e.target.value)}
        />
        <Segmented
          data-testid="performance-group-by"
          value={groupBy}
          onChange={(v) => setGroupBy(v as 'service' | 'route')}
          options={[
            { value: 'service', label: t('tracking.byService') },
            { value: 'route', label: t('tracking.byRoute') },
          ]}
        />
      </Space>
      <ApiErrorAlert error={error} />
      {report && (
        <>
          <Space style={{ marginBottom: 16 }} wrap size="large">
            <Card size="small">
              <Statistic title={t('tracking.delivered')} value={report.total.count} />
            </Card>
            <Card size="small">
              <Statistic title={t('tracking.p50Days')} value={days(report.total.p50)} />
            </Card>
            <Card size="small">
              <Statistic title={t('tracking.p90Days')} value={days(report.total.p90)} />
            </Card>
            <Card size="small" data-testid="performance-on-time">
              <Statistic title={t('tracking.onTimeRate')} value={percent(report.total.onTimeRate)} />
            </Card>
          </Space>
          <PerformanceCharts report={report} />
          <Table
            style={{ marginTop: 16 }}
            rowKey="key"
            size="small"
            data-testid="performance-table"
            pagination={false}
            dataSource={report.groups}
            locale={{ emptyText: t('tracking.noDeliveries') }}
            columns={[
              {
                title: groupBy === 'service' ? t('tracking.service') : t('tracking.route'),
                dataIndex: 'key',
                render: (k: string) => k || t('tracking.noService'),
              },
              ...figureColumns,
            ]}
          />
        </>
      )}
    </div>
  );
}
