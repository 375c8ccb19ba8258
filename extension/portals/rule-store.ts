import { browser } from 'wxt/browser';
import { portalRuleSchema, type PortalRule } from '../../shared/schemas/portal-rules';

/**
 * Portal rules live in storage.local, one entry per origin. Why there: they hold no customer
 * data (selectors and patterns the user chose), the portal content script needs its own at start
 * without a round trip, and the page itself cannot read extension storage. A content script can
 * read and write storage.local, so every reader parses each entry on its own: a damaged or
 * hand-edited entry is reported and skipped, and never stops another origin's rule.
 */
export const RULES_KEY = 'portalRules';
/** Problems the content scripts met while applying a rule, per origin, for the options page. */
export const PROBLEMS_KEY = 'portalRuleProblems';

export type StoredRule = { origin: string; rule: PortalRule | null; problem: string | null };
export type RuleProblem = { reason: string; at: string };

async function rawRules(): Promise<Record<string, unknown>> {
  const stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY];
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

function parseEntry(origin: string, raw: unknown): StoredRule {
  const parsed = portalRuleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { origin, rule: null, problem: `${issue?.path.join('.') || 'rule'}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.origin !== origin) return { origin, rule: null, problem: `the rule names another origin (${parsed.data.origin})` };
  return { origin, rule: parsed.data, problem: null };
}

/** The rule of one origin (the content script reads only its own). */
export async function ruleFor(origin: string): Promise<StoredRule> {
  const raw = (await rawRules())[origin];
  return raw === undefined ? { origin, rule: null, problem: null } : parseEntry(origin, raw);
}

export async function allRules(): Promise<StoredRule[]> {
  return Object.entries(await rawRules()).map(([origin, raw]) => parseEntry(origin, raw));
}

export async function saveRule(rule: PortalRule): Promise<void> {
  const rules = await rawRules();
  await browser.storage.local.set({ [RULES_KEY]: { ...rules, [rule.origin]: portalRuleSchema.parse(rule) } });
}

export async function deleteRule(origin: string): Promise<void> {
  const { [origin]: _gone, ...rest } = await rawRules();
  await browser.storage.local.set({ [RULES_KEY]: rest });
  await clearProblem(origin);
}

export async function ruleProblems(): Promise<Record<string, RuleProblem>> {
  const stored = (await browser.storage.local.get(PROBLEMS_KEY))[PROBLEMS_KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, RuleProblem>) : {};
}

export async function recordProblem(origin: string, reason: string): Promise<void> {
  const problems = await ruleProblems();
  await browser.storage.local.set({ [PROBLEMS_KEY]: { ...problems, [origin]: { reason: reason.slice(0, 500), at: new Date().toISOString() } } });
}

export async function clearProblem(origin: string): Promise<void> {
  const { [origin]: _gone, ...rest } = await ruleProblems();
  await browser.storage.local.set({ [PROBLEMS_KEY]: rest });
}
