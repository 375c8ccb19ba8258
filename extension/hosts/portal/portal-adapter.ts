import type { UnstampedContext } from '../../../shared/schemas/host-context';
import type { PortalRule } from '../../../shared/schemas/portal-rules';
import { cleanText } from '../dom/clean-text';
import { readSafely, type ReadResult } from '../dom/read-safely';
import { parsePortalUrl } from './portal-url';
import { recognise } from './recognise';

/** What the portal reader needs: its origin's rule (null = none yet) and where to report problems. */
export type PortalSetup = { origin: string; rule: PortalRule | null; onProblems: (problems: string[]) => void };

/** Reads an approved portal page as a 'page' context (without seq). */
export function readPortalContext(doc: Document, href: string, setup: PortalSetup): UnstampedContext {
  const view = parsePortalUrl(href, setup.origin, setup.rule?.paths ?? []);
  if (view.kind !== 'page') return { host: 'portal', kind: 'none', url: href };
  const { clues, problems } = recognise(doc, setup.rule);
  if (problems.length > 0) setup.onProblems(problems);
  return { host: 'portal', kind: 'page', url: href, title: cleanText(doc.title, 300), clues };
}

/** The edge: never throws; anything unreadable or invalid becomes kind 'unreadable'. */
export function readPortalContextSafely(doc: Document, href: string, seq: number, setup: PortalSetup): ReadResult {
  return readSafely('portal', (d, h) => readPortalContext(d, h, setup), doc, href, seq);
}
