import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReportQuery, ReportPeriod, ResolvedPeriod } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { syncStatus } from '../../local-db/queries/sync-status';
import { allDepartments, viewerOf } from '../../local-db/queries/viewer';
import { useLive } from '../../sidebar/hooks/use-live';
import { ActivitySection } from './activity-section';
import { CadenceSection } from './cadence-section';
import { CustomersSection } from './customers-section';
import { DrillPanel } from './drill-panel';
import type { Drill } from './figure';
import { periodWords } from './format';
import { GrowthSection } from './growth-section';
import { PeriodPicker } from './period-picker';
import { reportScopesFor, reportsFor } from '../../../shared/domain/report-scope';
import { ReportSection } from './report-state';
import { ScopePicker, type ScopeChoice } from './scope-picker';
import { ServiceSection } from './service-section';
import { useReports, type ReportStates } from './use-reports';

/** The first answered report's period: every report of one query resolves the same one. */
function resolvedPeriod(states: ReportStates): ResolvedPeriod | null {
  for (const loaded of Object.values(states)) if (loaded?.state === 'ok') return loaded.value.period;
  return null;
}

/** The managers' dashboard (issue 9): figures of the company rules for a period and a scope. */
export function DashboardPage() {
  const status = useLive(() => live(() => syncStatus(getLocalDb())), []);
  const viewer = useLive(() => live(() => viewerOf(getLocalDb())), [status?.signedIn]);
  const departments = useLive(() => live(() => allDepartments(getLocalDb())), []);
  const [period, setPeriod] = useState<ReportPeriod>({ kind: 'this-month' });
  const [choice, setChoice] = useState<ScopeChoice | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const scopes = viewer ? reportScopesFor(viewer) : [];

  // The widest scope the role may use is where a manager starts; a rep has only their own.
  useEffect(() => {
    if (viewer && (!choice || !scopes.includes(choice.scope))) setChoice({ scope: scopes[0]! });
  }, [viewer?.role, viewer?.departmentId]);

  const query = useMemo<ReportQuery | null>(
    () => (choice ? { period, scope: choice.scope, ...(choice.departmentId ? { departmentId: choice.departmentId } : {}) } : null),
    [period, choice],
  );
  const names = viewer && choice ? reportsFor(viewer, choice.scope) : [];
  const { states, reload } = useReports(query, names);
  useEffect(() => setDrill(null), [query]);

  if (status && !status.signedIn) return <main class="dashboard"><p data-testid="dashboard-signed-out">{rt('state.signedOut')}</p></main>;
  if (!viewer || !query || !choice) return <main class="dashboard"><p class="muted">{status ? rt('state.noMember') : rt('state.loading')}</p></main>;

  const resolved = resolvedPeriod(states);
  const sections = { onDrill: setDrill };
  return (
    <main class="dashboard" data-testid="dashboard">
      <header class="dashboard-header">
        <h1>{rt('dashboard.title')}</h1>
        {resolved && (
          <p class="muted" data-testid="dashboard-period">
            {rt('dashboard.asOf', periodWords(resolved))}
          </p>
        )}
        <div class="row no-print">
          <PeriodPicker initial={period.kind} onChange={setPeriod} />
          <ScopePicker scopes={scopes} value={choice} onChange={setChoice} departments={viewer.role === 'admin' ? (departments ?? []) : null} />
          <button type="button" data-testid="dashboard-print" onClick={() => window.print()}>
            {rt('dashboard.print')}
          </button>
        </div>
        <p class="muted no-print">{rt('drill.hint')}</p>
      </header>
      {drill && <DrillPanel drill={drill} query={query} onClose={() => setDrill(null)} />}
      {names.includes('customers') && <ReportSection title={rt('customers.title')} name="customers" loaded={states.customers} onRetry={reload}>{(r) => <CustomersSection report={r} {...sections} />}</ReportSection>}
      {names.includes('cadence') && <ReportSection title={rt('cadence.title')} name="cadence" loaded={states.cadence} onRetry={reload}>{(r) => <CadenceSection report={r} {...sections} />}</ReportSection>}
      {names.includes('activity') && <ReportSection title={rt('activity.title')} name="activity" loaded={states.activity} onRetry={reload}>{(r) => <ActivitySection report={r} {...sections} />}</ReportSection>}
      {names.includes('service') && <ReportSection title={rt('service.title')} name="service" loaded={states.service} onRetry={reload}>{(r) => <ServiceSection report={r} {...sections} />}</ReportSection>}
      {names.includes('growth') && <ReportSection title={rt('growth.title')} name="growth" loaded={states.growth} onRetry={reload}>{(r) => <GrowthSection report={r} {...sections} />}</ReportSection>}
    </main>
  );
}
