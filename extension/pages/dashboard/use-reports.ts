import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ActivityReport,
  CadenceReport,
  CustomersReport,
  GrowthReport,
  ReportName,
  ReportQuery,
  ServiceReport,
} from '../../../shared/schemas/reports';
import { callReport, type ReportFailure } from './report-client';

export type ReportValues = {
  customers: CustomersReport;
  cadence: CadenceReport;
  activity: ActivityReport;
  service: ServiceReport;
  growth: GrowthReport;
};
export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'failed'; failure: ReportFailure };
export type ReportStates = { [N in ReportName]?: Loaded<ReportValues[N]> };

/**
 * The dashboard's reports for one query, each loading on its own (a slow one does not hold the
 * others back). A newer query wins over answers still on their way for an older one; coming back
 * online loads again.
 */
export function useReports(query: ReportQuery | null, names: readonly ReportName[]): { states: ReportStates; reload: () => void } {
  const [states, setStates] = useState<ReportStates>({});
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify([query, names, attempt]);

  useEffect(() => {
    if (!query) return;
    const run = ++latest.current;
    setStates(Object.fromEntries(names.map((n) => [n, { state: 'loading' }])));
    for (const name of names) {
      void callReport<ReportValues[typeof name]>({ call: 'report', name, input: query }).then((answer) => {
        if (run !== latest.current) return;
        const loaded = answer.ok ? { state: 'ok' as const, value: answer.value } : { state: 'failed' as const, failure: answer.failure };
        setStates((prev) => ({ ...prev, [name]: loaded }));
      });
    }
  }, [key]);

  // Back online: load again. The 'online' event is not always dispatched (emulated networks,
  // some VPN switches), and the first calls after it can still fail to connect, so while a report
  // waits for the network (offline, or the server unreachable) the page tries again every 3 s.
  const waiting = Object.values(states).some((s) => s?.state === 'failed' && (s.failure.kind === 'offline' || s.failure.kind === 'network'));
  useEffect(() => {
    if (!waiting) return;
    const retry = () => navigator.onLine && setAttempt((n) => n + 1);
    const timer = setInterval(retry, 3000);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [waiting]);

  return { states, reload: () => setAttempt((n) => n + 1) };
}
