/** One thing a service or visit rule needs before it lets a change through (shared/domain). */
export type RuleProblem = { code: string; field: string | null; message: string; params?: Record<string, string | number> };

/**
 * The shared service or visit rules refused a change; nothing was written. The sidebar shows each
 * problem beside its field, translated by its code (the message is the rule's English).
 */
export class RuleRefusal extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'RuleRefusal';
  }
}
