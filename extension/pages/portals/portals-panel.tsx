import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { approvedPortals } from '../../portals/approval';
import { readRulesFile, rulesFileText, type RuleIssue } from '../../portals/rules-file';
import { allRules, PROBLEMS_KEY, ruleProblems, RULES_KEY, saveRule, type RuleProblem, type StoredRule } from '../../portals/rule-store';
import { downloadText } from '../export/download';
import { IssueList, PortalRow } from './portal-row';

type Overview = { origins: string[]; rules: Map<string, StoredRule>; approved: Set<string>; problems: Record<string, RuleProblem> };

async function overview(): Promise<Overview> {
  const [rules, approved, problems] = await Promise.all([allRules(), approvedPortals(), ruleProblems()]);
  const origins = [...new Set([...approved, ...rules.map((r) => r.origin)])].sort();
  return { origins, rules: new Map(rules.map((r) => [r.origin, r])), approved: new Set(approved), problems };
}

/**
 * Approved portals and their rules: each rule as JSON (checked against the schema before it is
 * saved), the problems content scripts met applying it, and the team's file to export or import.
 */
export function PortalsPanel() {
  const [state, setState] = useState<Overview | null>(null);
  const [issues, setIssues] = useState<RuleIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = (): void => void overview().then(setState);
  useEffect(() => {
    refresh();
    const changed = (changes: Record<string, unknown>): void => {
      if (RULES_KEY in changes || PROBLEMS_KEY in changes) refresh();
    };
    browser.storage.local.onChanged.addListener(changed);
    return () => browser.storage.local.onChanged.removeListener(changed);
  }, []);
  if (!state) return null;

  const exportRules = (): void => {
    const rules = [...state.rules.values()].flatMap((r) => (r.rule ? [r.rule] : []));
    downloadText(`inbox-crm-portal-rules-${new Date().toISOString().slice(0, 10)}.json`, rulesFileText(rules), 'application/json');
  };
  const importRules = async (file: File | undefined): Promise<void> => {
    setIssues([]);
    setMessage(null);
    if (!file) return;
    const read = readRulesFile(await file.text());
    if (!read.ok) return setIssues(read.issues);
    for (const rule of read.rules) await saveRule(rule);
    setMessage(t('portals.imported', { count: read.rules.length }));
  };

  return (
    <section class="card" data-testid="portals-panel">
      <h2 class="card-title">{t('portals.title')}</h2>
      <p class="muted">{t('portals.hint')}</p>
      {state.origins.length === 0 && <p class="muted">{t('portals.none')}</p>}
      {state.origins.map((origin) => (
        <PortalRow
          // A rule changed elsewhere (an element pointed at, an import) shows its new text.
          key={`${origin} ${JSON.stringify(state.rules.get(origin)?.rule ?? null)}`}
          origin={origin}
          stored={state.rules.get(origin) ?? null}
          approved={state.approved.has(origin)}
          problem={state.problems[origin] ?? null}
          onChanged={refresh}
        />
      ))}
      <div class="row">
        <button type="button" data-testid="portals-export" onClick={exportRules}>
          {t('portals.export')}
        </button>
        <label class="file-button">
          {t('portals.import')}
          <input type="file" accept="application/json,.json" data-testid="portals-import" onChange={(e) => void importRules(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {message && (
        <p class="muted" role="status" data-testid="portals-message">
          {message}
        </p>
      )}
      <IssueList issues={issues} testId="portals-import-issues" />
    </section>
  );
}
