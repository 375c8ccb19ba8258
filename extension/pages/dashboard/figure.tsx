import type { ComponentChildren } from 'preact';
import type { DrillFigure, DrillFilter } from '../../../shared/schemas/report-rows';

export type Drill = { figure: DrillFigure; filter: DrillFilter; title: string };
export type OnDrill = (drill: Drill) => void;

type Props = {
  label: string;
  value: string;
  /** A line under the number (the share, the median, what it is out of). */
  detail?: ComponentChildren;
  /** The rows behind the number; without it the number is not clickable (it is a ratio or an average). */
  drill?: Drill;
  onDrill: OnDrill;
  tone?: 'warn';
};

/** One headline number; a button when rows stand behind it. */
export function Figure({ label, value, detail, drill, onDrill, tone }: Props) {
  const body = (
    <>
      <span class="figure-value">{value}</span>
      <span class="figure-label">{label}</span>
      {detail && <span class="figure-detail">{detail}</span>}
    </>
  );
  const cls = tone ? `figure ${tone}` : 'figure';
  return drill ? (
    <button type="button" class={cls} data-figure={drill.figure} onClick={() => onDrill(drill)}>
      {body}
    </button>
  ) : (
    <div class={cls}>{body}</div>
  );
}
