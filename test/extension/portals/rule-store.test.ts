import { fakeBrowser } from '../support/fake-chrome';
import { beforeEach, describe, expect, it } from 'vitest';
import { packRuleFor } from '../../../extension/portals/rule-pack';
import { allRules, recordProblem, ruleFor, ruleProblems, RULES_KEY, saveRule } from '../../../extension/portals/rule-store';

const helpdesk = packRuleFor('https://support.acme-helpdesk.example')!;

describe('portal rules in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a damaged entry is reported and skipped without touching another origin', async () => {
    await saveRule(helpdesk);
    const stored = (await fakeBrowser.storage.local.get(RULES_KEY))[RULES_KEY] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({
      [RULES_KEY]: { ...stored, 'https://broken.example': { origin: 'https://broken.example', name: 'x', recognisers: [{ kind: 'code', pattern: '(' }] } },
    });
    expect((await ruleFor(helpdesk.origin)).rule).toEqual(helpdesk);
    const broken = await ruleFor('https://broken.example');
    expect(broken.rule).toBeNull();
    expect(broken.problem).toMatch(/recognisers\.0\.pattern: is not a valid regular expression/);
    expect((await allRules()).map((r) => [r.origin, r.rule !== null])).toEqual([
      [helpdesk.origin, true],
      ['https://broken.example', false],
    ]);
  });

  it('an entry filed under another origin than it names is not used', async () => {
    await fakeBrowser.storage.local.set({ [RULES_KEY]: { 'https://a.example': { ...helpdesk } } });
    expect(await ruleFor('https://a.example')).toMatchObject({ rule: null, problem: expect.stringContaining('another origin') });
  });

  it('keeps the last problem per origin for the options page', async () => {
    await recordProblem(helpdesk.origin, 'Broken code: not a valid selector');
    expect(await ruleProblems()).toEqual({ [helpdesk.origin]: { reason: 'Broken code: not a valid selector', at: expect.any(String) } });
  });
});
