import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { MetricsTrends, TrendBucket } from '@whistle/shared';

// Only what this chart draws is registered, so the lazily loaded chunk stays small.
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type TrendOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const SERIES = [
  { key: 'incidents', color: '#35d0ff', type: 'bar' },
  { key: 'whistles', color: '#f5b21b', type: 'line' },
  { key: 'arrivals', color: '#2ee59d', type: 'line' },
  { key: 'resolutions', color: '#b18cff', type: 'line' },
] as const;

/** Axis labels in Beijing time: "14:00" for hours, "03-05" for days. */
function bucketLabel(iso: string, bucket: TrendBucket): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return bucket === 'hour' ? local.slice(11, 16) : local.slice(5, 10);
}

/** Incidents as bars, whistles, arrivals and resolutions as lines, over the chosen period. */
export function TrendsChart({ trends }: { trends: MetricsTrends }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = init(container.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const option: TrendOption = {
      animationDuration: 300,
      textStyle: { color: '#dbeafe', fontSize: 13 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      legend: { top: 4, textStyle: { color: '#dbeafe' } },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: trends.points.map((p) => bucketLabel(p.start, trends.bucket)),
        axisLine: { lineStyle: { color: '#1e5fa8' } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        splitLine: { lineStyle: { color: 'rgba(30, 95, 168, 0.35)' } },
      },
      series: SERIES.map((s) => ({
        name: t(`leaders.trends.${s.key}`),
        type: s.type,
        data: trends.points.map((p) => p[s.key]),
        itemStyle: { color: s.color },
        ...(s.type === 'line' ? { smooth: true, symbolSize: 5 } : { barMaxWidth: 24 }),
      })),
    };
    chart.current?.setOption(option, true);
  }, [trends, t]);

  return <div ref={container} className="trends-chart" data-testid="trends-chart" />;
}
