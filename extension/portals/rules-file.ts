import * as z from 'zod/mini';
import { portalRuleSchema, portalRulesFileSchema, type PortalRule, type PortalRulesFile } from '../../shared/schemas/portal-rules';

/** Portal rules as a JSON file a team shares (export on one browser, import on another). */
export function rulesFileText(rules: PortalRule[]): string {
  const file: PortalRulesFile = { format: 'inbox-crm-portal-rules', version: 1, rules };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Each problem of a rejected file or rule: where (a JSON path) and what is wrong. */
export type RuleIssue = { path: string; message: string };

const issuesOf = (error: z.core.$ZodError): RuleIssue[] =>
  error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.') || '(file)', message: issue.message }));

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: RuleIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [{ path: '(file)', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** A rules file read, or every reason it was refused; nothing is half-imported. */
export function readRulesFile(text: string): { ok: true; rules: PortalRule[] } | { ok: false; issues: RuleIssue[] } {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = portalRulesFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const origins = parsed.data.rules.map((r) => r.origin);
  const twice = origins.find((o, i) => origins.indexOf(o) !== i);
  if (twice) return { ok: false, issues: [{ path: 'rules', message: `${twice} has two rules; keep one` }] };
  return { ok: true, rules: parsed.data.rules };
}

/** One rule edited as JSON on the options page, for the given origin. */
export function readRuleText(text: string, origin: string): { ok: true; rule: PortalRule } | { ok: false; issues: RuleIssue[] } {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = portalRuleSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  if (parsed.data.origin !== origin) return { ok: false, issues: [{ path: 'origin', message: `must stay ${origin}` }] };
  return { ok: true, rule: parsed.data };
}
