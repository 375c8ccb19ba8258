import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, makeTempDir } from './paths';

export type ExtraThread = {
  /** 16 hex digits, like Gmail's legacy thread ids. */
  id: string;
  subject: string;
  from: { email: string; name: string };
  cc?: { email: string; name: string }[];
};

const ACCOUNT = { email: 'me@ourco.example', name: 'Mia Chen' };

/**
 * A copy of the fixtures tree whose Gmail fixture has extra threads, for scenarios that need
 * senders the shared fixture does not have (a plus-tagged address, an ambiguous domain) without
 * changing threads.json, which the adapter tests and other scenarios count on.
 */
export function gmailFixtureWith(threads: ExtraThread[]): { root: string; cleanup: () => void } {
  const temp = makeTempDir('fixture-copy');
  cpSync(fixturesDir, temp.dir, { recursive: true });
  const file = path.join(temp.dir, 'gmail', 'threads.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { threads: unknown[] };
  for (const t of threads) {
    data.threads.push({
      id: t.id,
      route: 'inbox',
      subject: t.subject,
      subjectEmoji: null,
      subjectAttrs: { 'data-legacy-thread-id': t.id, 'data-thread-perm-id': 'undefined' },
      broken: false,
      messages: [{ id: t.id, from: t.from, to: [ACCOUNT, ...(t.cc ?? [])], body: `${t.subject} (e2e)`, date: '2026-03-10T09:00:00Z' }],
    });
  }
  writeFileSync(file, JSON.stringify(data, null, 2));
  return { root: temp.dir, cleanup: temp.cleanup };
}
