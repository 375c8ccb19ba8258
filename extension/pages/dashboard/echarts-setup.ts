import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only the parts of ECharts the dashboard draws (docs/reports-ui.md): bars, pies, their axes,
 * legend, tooltip and a target line, painted on a canvas. Importing `echarts/core` instead of `echarts` keeps
 * maps, 3-D and the rest out of the page (and nothing of it reaches a content script: only
 * dashboard.html imports this file). Core already carries the ZH and EN locales.
 */
use([BarChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export { init, type EChartsType } from 'echarts/core';
