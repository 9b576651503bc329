import { Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../orders';
import { AGE_BUCKETS, type AgeingSummary } from '../../types';
import { EChart } from '../charts/EChart';

// Only what these two charts draw: keeps the lazily loaded page chunk small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Young stock green through to old stock red, so the eye finds the right end of each bar.
const BUCKET_COLOURS = ['#52c41a', '#a0d911', '#fadb14', '#fa8c16', '#fa541c', '#cf1322'];

/** Units by age bucket per warehouse (stacked), and value at cost by bucket (stacked by warehouse). */
export function AgeingCharts({ summary }: { summary: AgeingSummary }) {
  const { t, i18n } = useTranslation();
  const codes = summary.warehouses.map((w) => w.warehouseCode);
  // Bare ranges ("91-180"): the chart titles say they are days, and long names would wrap.
  const bucketLabels = [...AGE_BUCKETS];
  const units = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { top: 40, left: 48, right: 16, bottom: 32 },
    xAxis: { type: 'category', data: codes },
    yAxis: { type: 'value' },
    series: AGE_BUCKETS.map((_, i) => ({
      name: bucketLabels[i],
      type: 'bar',
      stack: 'units',
      barMaxWidth: 64,
      itemStyle: { color: BUCKET_COLOURS[i] },
      data: summary.warehouses.map((w) => w.buckets[i]?.units ?? 0),
    })),
  };
  const yuan = (minor: number) => formatMoney(minor, 'CNY', i18n.language);
  const wholeYuan = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN', {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  });
  const value = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => yuan(v * 100),
    },
    legend: { top: 0 },
    grid: { top: 40, left: 72, right: 16, bottom: 32 },
    xAxis: { type: 'category', data: bucketLabels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => wholeYuan.format(v) } },
    series: summary.warehouses.map((w) => ({
      name: w.warehouseCode,
      type: 'bar',
      stack: 'value',
      barMaxWidth: 64,
      data: w.buckets.map((b) => b.valueMinor / 100),
    })),
  };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
      <div data-testid="ageing-units-chart">
        <Typography.Text strong>{t('ageing.unitsChart')}</Typography.Text>
        <EChart option={units} />
      </div>
      <div data-testid="ageing-value-chart">
        <Typography.Text strong>{t('ageing.valueChart')}</Typography.Text>
        <EChart option={value} />
      </div>
    </div>
  );
}
