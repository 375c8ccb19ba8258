import type { ChartOption } from './echarts-setup';
import { formatCount, formatShare } from './format';

export type BarSeries = { name: string; data: number[]; stack?: string };

/**
 * Bars per category (one series or several side by side), each labelled with its value so the
 * chart reads on paper too. `share`: values are shares in [0, 1], shown and scaled as percent.
 * `target`: a dashed line at that value (the new-customer target).
 */
export function barOption(categories: string[], series: BarSeries[], opts: { share?: boolean; horizontal?: boolean; target?: { value: number; name: string } } = {}): ChartOption {
  const format = opts.share ? (v: number) => formatShare(v) : formatCount;
  const valueAxis = { type: 'value' as const, ...(opts.share ? { max: 1, axisLabel: { formatter: format } } : { minInterval: 1 }) };
  const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, width: 120, overflow: 'truncate' as const } };
  return {
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0 } : { show: false },
    tooltip: { trigger: 'item' },
    xAxis: opts.horizontal ? valueAxis : categoryAxis,
    yAxis: opts.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.data,
      stack: s.stack,
      barMaxWidth: 48,
      label: { show: true, position: opts.horizontal ? ('right' as const) : ('top' as const), formatter: (p: { value: unknown }) => format(Number(p.value)) },
      ...(opts.target && i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed' as const, color: '#c0392b' },
              label: { formatter: opts.target.name },
              data: [opts.horizontal ? { xAxis: opts.target.value } : { yAxis: opts.target.value }],
            },
          }
        : {}),
    })),
  };
}

/** Slices of a whole, each labelled with its count and share. */
export function pieOption(slices: { name: string; value: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { show: false },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: slices, label: { formatter: (p: { name: string; value: unknown; percent?: number }) => `${p.name}: ${formatCount(Number(p.value))} (${formatShare((p.percent ?? 0) / 100)})` } }],
  };
}
