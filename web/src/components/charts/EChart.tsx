import type * as echarts from 'echarts/core';
import { init } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * One ECharts instance on a div, resized with its box. Callers register the chart types they draw
 * with `echarts.use([...])` (echarts/core, tree-shaken per page). Not echarts-for-react: its
 * lib/core.js imports tslib without declaring it, which the admin build cannot resolve.
 */
export function EChart({ option, height = 320 }: { option: echarts.EChartsCoreOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current);
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} style={{ height, width: '100%' }} />;
}
