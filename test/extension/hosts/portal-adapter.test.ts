// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostContextSchema } from '../../../shared/schemas/host-context';
import type { PortalRule } from '../../../shared/schemas/portal-rules';
import { readPortalContext, readPortalContextSafely } from '../../../extension/hosts/portal/portal-adapter';
import { RULE_PACK, packEntryFor, packRuleFor } from '../../../extension/portals/rule-pack';
import { fixturesRoot, loadPageFixture } from './load-fixture';

type Entry = { url: string; file: string; description: string; pack: string | null; expected: Record<string, unknown>; packSelectorCounts: Record<string, number> };
const entries = JSON.parse(readFileSync(`${fixturesRoot}portal/expected-contexts.json`, 'utf8')) as Entry[];
const load = (e: Entry) => loadPageFixture(`portal/${e.file}`, e.url);
const setup = (url: string, rule: PortalRule | null, problems: string[] = []) => ({
  origin: new URL(url).origin,
  rule,
  onProblems: (p: string[]) => problems.push(...p),
});

describe('portal pages and the shipped rule pack', () => {
  it.each(entries.map((e) => [e.description, e] as const))('%s', (_name, e) => {
    load(e);
    const rule = packRuleFor(new URL(e.url).origin);
    expect(packEntryFor(new URL(e.url).origin)?.id ?? null).toBe(e.pack);
    const problems: string[] = [];
    const { context } = readPortalContextSafely(document, e.url, 3, setup(e.url, rule, problems));
    expect(hostContextSchema.safeParse(context).success).toBe(true);
    const { seq, url, ...rest } = context;
    expect(rest).toEqual(e.expected);
    expect(problems).toEqual([]);
    // House rule 2 for the pack: each of its selectors matches as many elements as documented.
    const counts = Object.fromEntries((rule?.recognisers ?? []).flatMap((r) => (r.selector ? [[r.selector, document.querySelectorAll(r.selector).length]] : [])));
    expect(counts).toEqual(e.packSelectorCounts);
  });

  it('every pack entry has a fixture page on which it finds something', () => {
    for (const entry of RULE_PACK) {
      const pages = entries.filter((e) => e.pack === entry.id);
      expect(pages.length, entry.id).toBeGreaterThan(0);
      expect(pages.some((e) => (e.expected.clues as { source: string }[]).some((c) => c.source === 'rule')), entry.id).toBe(true);
    }
  });
});

describe('broken rules', () => {
  const ticket = entries[0]!;

  it('a broken selector is reported with its reason; the other recognisers and the page still count', () => {
    load(ticket);
    const rule: PortalRule = {
      ...packRuleFor(new URL(ticket.url).origin)!,
      recognisers: [{ kind: 'code', selector: 'dd[data-field=', label: 'Broken code' }, ...packRuleFor(new URL(ticket.url).origin)!.recognisers],
    };
    const problems: string[] = [];
    const context = readPortalContext(document, ticket.url, setup(ticket.url, rule, problems));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Broken code: .*dd\[data-field=/);
    expect(context).toMatchObject({ kind: 'page', clues: expect.arrayContaining([{ kind: 'code', value: 'LF-0042', source: 'rule' }]) });
  });

  it('a rule limited to some paths leaves the others as no page', () => {
    load(ticket);
    const rule = { ...packRuleFor(new URL(ticket.url).origin)!, paths: ['/reports/'] };
    expect(readPortalContext(document, ticket.url, setup(ticket.url, rule)).kind).toBe('none');
  });
});
