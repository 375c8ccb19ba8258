import type { ComponentChildren } from 'preact';
import { rt } from '../../i18n/reports';
import type { ReportFailure } from './report-client';
import type { Loaded } from './use-reports';

/** Why a report or a drill-down did not load, in the reader's words, with a way to try again. */
export function FailureNotice({ failure, onRetry }: { failure: ReportFailure; onRetry: () => void }) {
  const message =
    failure.kind === 'offline'
      ? rt('state.offline')
      : failure.kind === 'network'
        ? rt('state.network')
        : failure.kind === 'signed-out'
          ? rt('state.signedOut')
          : failure.kind === 'forbidden'
            ? rt('state.forbidden', { reason: failure.reason })
            : rt('state.error', { reason: failure.reason });
  return (
    <div class={failure.kind === 'offline' ? 'notice offline' : 'notice error'} role="alert" data-testid="report-failure" data-kind={failure.kind}>
      <p>{message}</p>
      {failure.kind !== 'signed-out' && (
        <button type="button" onClick={onRetry}>
          {rt('state.retry')}
        </button>
      )}
    </div>
  );
}

/** A dashboard section: its title, then loading, the failure, or the figures. */
export function ReportSection<T>(props: {
  title: string;
  name: string;
  loaded: Loaded<T> | undefined;
  onRetry: () => void;
  children: (value: T) => ComponentChildren;
}) {
  const { loaded } = props;
  return (
    <section class="report" data-report={props.name} data-state={loaded?.state ?? 'loading'} aria-busy={loaded?.state !== 'ok'}>
      <h2>{props.title}</h2>
      {!loaded || loaded.state === 'loading' ? (
        <p class="muted">{rt('state.loading')}</p>
      ) : loaded.state === 'failed' ? (
        <FailureNotice failure={loaded.failure} onRetry={props.onRetry} />
      ) : (
        props.children(loaded.value)
      )}
    </section>
  );
}
