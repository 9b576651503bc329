import { Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformanceReport } from '../../types-tracking';
import { EChart } from '../charts/EChart';

// Only what these charts draw (same approach as the ageing charts: echarts/core, tree-shaken).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** p50/p90 transit days per service or route (bars), and daily deliveries with on-time % (line). */
export function PerformanceCharts({ report }: { report: PerformanceReport }) {
  const { t } = useTranslation();
  const transit = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { top: 40, left: 48, right: 16, bottom: 56 },
      xAxis: {
        type: 'category',
        data: report.groups.map((g) => g.key || t('tracking.noService')),
        axisLabel: { interval: 0, rotate: report.groups.length > 5 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t('tracking.days') },
      series: [
        {
          name: 'p50',
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: '#1677ff' },
          data: report.groups.map((g) => g.p50),
        },
        {
          name: 'p90',
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: '#fa8c16' },
          data: report.groups.map((g) => g.p90),
        },
      ],
    }),
    [report, t],
  );
  const daily = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 40, left: 48, right: 56, bottom: 32 },
      xAxis: { type: 'category', data: report.daily.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', name: t('tracking.delivered'), minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100 },
      ],
      series: [
        {
          name: t('tracking.delivered'),
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#95de64' },
          data: report.daily.map((d) => d.delivered),
        },
        {
          name: t('tracking.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          symbolSize: 6,
          itemStyle: { color: '#cf1322' },
          data: report.daily.map((d) => pct(d.onTimeRate)),
        },
      ],
    }),
    [report, t],
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
      <div data-testid="performance-transit-chart">
        <Typography.Text strong>{t('tracking.transitChart')}</Typography.Text>
        <EChart option={transit} />
      </div>
      <div data-testid="performance-daily-chart">
        <Typography.Text strong>{t('tracking.dailyChart')}</Typography.Text>
        <EChart option={daily} />
      </div>
    </div>
  );
}
