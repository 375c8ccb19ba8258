import { useEffect, useRef } from 'preact/hooks';
import { language } from '../../i18n';
import { rt } from '../../i18n/reports';
import { init, type ChartOption, type EChartsType } from './echarts-setup';

type Props = {
  option: ChartOption;
  /** What the chart shows, for screen readers (the figures are also on the page as text). */
  label: string;
  /**
   * A bar or slice was clicked: its index in the chart's data, and the index of its series (the
   * month of "new customers per rep per month", where each month is a series; 0 with one series).
   */
  onPick?: (dataIndex: number, seriesIndex: number) => void;
  testId?: string;
  /** Nothing to draw (all zero, no rows): a sentence instead of an empty frame. */
  empty?: boolean;
};

/** The page's own font stack (sidebar.css), so Chinese labels on the canvas use the same faces. */
const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/**
 * One ECharts chart on a canvas. Tooltips are painted on the canvas too (`richText`): the HTML
 * tooltip would put customer and rep names into the page as markup. Charts redraw at the size
 * of their box, on screen and when printing (the print layout is narrower).
 */
export function Chart({ option, label, onPick, testId, empty }: Props) {
  if (empty) return <p class="muted" data-testid={testId}>{rt('table.empty')}</p>;
  return <DrawnChart option={option} label={label} onPick={onPick} testId={testId} />;
}

function DrawnChart({ option, label, onPick, testId }: Omit<Props, 'empty'>) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = box.current!;
    // A pixel ratio of 2 keeps the canvas sharp on paper and on high-density screens.
    const instance = init(el, null, { renderer: 'canvas', locale: language === 'zh-CN' ? 'ZH' : 'EN', devicePixelRatio: 2 });
    chart.current = instance;
    instance.on('click', (params) => pick.current?.(params.dataIndex, params.seriesIndex ?? 0));
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    return () => {
      observer.disconnect();
      print.removeEventListener('change', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Sections rebuild their options on every render (each report arriving re-renders the page);
  // the chart redraws only when what it shows changed (formatters are fixed per chart).
  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option, tooltip: { ...option.tooltip, renderMode: 'richText' } }, { notMerge: true });
  }, [JSON.stringify(option)]);

  return <div ref={box} class={onPick ? 'chart pickable' : 'chart'} role="img" aria-label={label} data-testid={testId} />;
}
