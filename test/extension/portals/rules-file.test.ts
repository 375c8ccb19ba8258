import { describe, expect, it } from 'vitest';
import { readRulesFile, readRuleText, rulesFileText } from '../../../extension/portals/rules-file';
import { RULE_PACK, packRuleFor } from '../../../extension/portals/rule-pack';

const helpdesk = packRuleFor('https://support.acme-helpdesk.example')!;

describe('portal rules as a shared JSON file', () => {
  it('round-trips every shipped rule', () => {
    const rules = RULE_PACK.map((entry, i) => ({ origin: `https://portal${i}.example`, ...entry.rule }));
    expect(readRulesFile(rulesFileText(rules))).toEqual({ ok: true, rules });
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /format/],
    ['a path not starting with /', rulesFileText([{ ...helpdesk, paths: ['tickets'] }]), /rules\.0\.paths\.0.*must start with \//],
    ['a broken pattern', rulesFileText([{ ...helpdesk, recognisers: [{ kind: 'code', pattern: '(unclosed' }] }]), /rules\.0\.recognisers\.0\.pattern.*regular expression/],
    ['a URL instead of an origin', rulesFileText([{ ...helpdesk, origin: 'https://support.acme-helpdesk.example/tickets/' }]), /rules\.0\.origin.*origin/],
    ['an unknown clue kind', rulesFileText([{ ...helpdesk, recognisers: [{ kind: 'phone' as never, selector: 'x' }] }]), /rules\.0\.recognisers\.0\.kind/],
    ['a control character in a selector', rulesFileText([{ ...helpdesk, recognisers: [{ kind: 'code', selector: 'a\u0007b' }] }]), /control characters/],
    ['one origin twice', rulesFileText([helpdesk, helpdesk]), /two rules/],
  ])('refuses %s, saying where and why', (_name, text, reason) => {
    const read = readRulesFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => `${i.path}: ${i.message}`).join('\n')).toMatch(reason);
  });

  it('a rule edited on the options page keeps its origin', () => {
    expect(readRuleText(JSON.stringify(helpdesk), helpdesk.origin)).toEqual({ ok: true, rule: helpdesk });
    const moved = readRuleText(JSON.stringify({ ...helpdesk, origin: 'https://other.example' }), helpdesk.origin);
    expect(moved).toMatchObject({ ok: false, issues: [{ path: 'origin' }] });
  });
});
