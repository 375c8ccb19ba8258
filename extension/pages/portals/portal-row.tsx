import { useState } from 'preact/hooks';
import { formatDateTime, t } from '../../i18n';
import { sendToBackground } from '../../messaging/runtime-client';
import { packRuleFor } from '../../portals/rule-pack';
import { readRuleText, type RuleIssue } from '../../portals/rules-file';
import { clearProblem, deleteRule, saveRule, type RuleProblem, type StoredRule } from '../../portals/rule-store';

type Props = { origin: string; stored: StoredRule | null; approved: boolean; problem: RuleProblem | null; onChanged: () => void };

export function IssueList({ issues, testId }: { issues: RuleIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul class="error" role="alert" data-testid={testId}>
      {issues.map((issue) => (
        <li key={`${issue.path} ${issue.message}`}>
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** One portal origin: approved or not, its rule (edited as JSON), and what went wrong applying it. */
export function PortalRow({ origin, stored, approved, problem, onChanged }: Props) {
  const [text, setText] = useState(stored?.rule ? JSON.stringify(stored.rule, null, 2) : '');
  const [issues, setIssues] = useState<RuleIssue[]>([]);
  const pack = packRuleFor(origin);
  const save = async (): Promise<void> => {
    const read = readRuleText(text, origin);
    if (!read.ok) return setIssues(read.issues);
    setIssues([]);
    await saveRule(read.rule);
    await clearProblem(origin);
    onChanged();
  };
  const usePack = (): void => setText(JSON.stringify(pack, null, 2));
  const revoke = async (): Promise<void> => {
    await sendToBackground({ type: 'portal-revoke', origin });
    onChanged();
  };
  return (
    <div class="portal" data-testid="portal-row" data-origin={origin}>
      <p>
        <strong>{origin}</strong>{' '}
        <span class={approved ? 'badge' : 'badge badge-off'} data-testid="portal-approved" data-approved={String(approved)}>
          {approved ? t('portals.approved') : t('portals.notApproved')}
        </span>
      </p>
      {stored?.problem && (
        <p class="error" data-testid="portal-rule-invalid">
          {t('portals.invalidStored', { reason: stored.problem })}
        </p>
      )}
      {problem && (
        <p class="error" data-testid="portal-problem">
          {t('portals.problem', { reason: problem.reason, at: formatDateTime(problem.at) })}
        </p>
      )}
      <label class="form">
        <span>{t('portals.ruleJson')}</span>
        <textarea name="rule" rows={8} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <IssueList issues={issues} testId="portal-rule-issues" />
      <div class="row">
        <button type="button" class="primary" data-testid="portal-save" onClick={() => void save()}>
          {t('portals.save')}
        </button>
        {pack && (
          <button type="button" data-testid="portal-use-pack" onClick={usePack}>
            {t('portals.usePack')}
          </button>
        )}
        {stored && (
          <button type="button" data-testid="portal-delete-rule" onClick={() => void deleteRule(origin).then(onChanged)}>
            {t('portals.deleteRule')}
          </button>
        )}
        {approved && (
          <button type="button" data-testid="portal-revoke" onClick={() => void revoke()}>
            {t('portals.revoke')}
          </button>
        )}
      </div>
    </div>
  );
}
