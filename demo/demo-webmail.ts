import { createHash } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeMessageSpec } from '../test/fakes/mail-spec';
import { fixturesDir, makeTempDir } from '../test/support/paths';
import { DEMO_ME } from './demo-data';

const hex16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * A copy of the Gmail-like fixture (test/fixtures/gmail) whose inbox shows the demo mailbox's
 * conversations, so the extension can be tried on "mail.google.com" with no Google account.
 */
export function demoWebmailRoot(messages: FakeMessageSpec[]): { root: string; threads: { id: string; subject: string }[]; cleanup: () => void } {
  const temp = makeTempDir('demo-webmail');
  cpSync(fixturesDir, temp.dir, { recursive: true });
  const threads = new Map<string, FakeMessageSpec[]>();
  for (const m of messages) {
    if (m.labels.some((l) => l.startsWith('CATEGORY_'))) continue;
    const key = m.references?.[0] ?? m.messageId ?? m.subject;
    threads.set(key, [...(threads.get(key) ?? []), m]);
  }
  const party = (a: { address: string; name?: string }) => ({ email: a.address, name: a.name ?? a.address });
  const data = {
    account: { email: DEMO_ME.address, name: DEMO_ME.name },
    threads: [...threads.entries()]
      .map(([key, list]) => ({ key, list: [...list].sort((a, b) => a.date.getTime() - b.date.getTime()) }))
      .sort((a, b) => b.list.at(-1)!.date.getTime() - a.list.at(-1)!.date.getTime())
      .map(({ key, list }) => {
        const id = hex16(key);
        return {
          id,
          route: 'inbox',
          subject: list[0]!.subject,
          subjectEmoji: null,
          subjectAttrs: { 'data-legacy-thread-id': id, 'data-thread-perm-id': 'undefined' },
          broken: false,
          messages: list.map((m, i) => ({
            id: i === 0 ? id : hex16(`${key}/${i}`),
            from: party(m.from),
            to: [...m.to, ...(m.cc ?? [])].map(party),
            body: m.text ?? (m.html ?? '').replace(/<[^>]*>/g, ''),
            date: m.date.toISOString(),
          })),
        };
      }),
    // The fixture's compose windows (#compose=<key>) are named here; the demo opens none by name.
    composes: {},
  };
  writeFileSync(path.join(temp.dir, 'gmail', 'threads.json'), JSON.stringify(data, null, 2));
  return { root: temp.dir, threads: data.threads.map((t) => ({ id: t.id, subject: t.subject })), cleanup: temp.cleanup };
}
