import { readFileSync } from 'node:fs';
import path from 'node:path';
import { companyDomainOf } from '../../shared/domain/customer-match';
import { fixturesDir } from './paths';

/** A readable thread of the Gmail fixture, as its expected HostContext describes it. */
export interface FixtureThread {
  id: string;
  /** The hash route that opens it, without '#', e.g. `inbox/FMfcgz...`. */
  hash: string;
  subject: string;
  senderEmail: string;
  senderName: string;
}

const dir = path.join(fixturesDir, 'gmail');

type ExpectedEntry = { hash: string; context: Record<string, any> };

/** Reads test/fixtures/gmail/expected-contexts.json (route → expected HostContext). */
function readExpected(): ExpectedEntry[] {
  const file = path.join(dir, 'expected-contexts.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the Gmail fixture's ${file}: ${String(error)}`);
  }
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : Object.entries(raw as Record<string, unknown>).map(([key, value]) =>
        typeof value === 'object' && value !== null && !('hash' in value) ? { hash: key, context: value } : value,
      );
  return list.map((item) => {
    const entry = item as Record<string, any>;
    const hash = String(entry.hash ?? entry.route ?? new URL(String(entry.url)).hash).replace(/^#/, '');
    const context = (entry.context ?? entry.expected ?? entry) as Record<string, any>;
    return { hash, context };
  });
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

export function gmailThreads() {
  const entries = readExpected();
  const readable: FixtureThread[] = entries
    .filter((e) => e.context.kind === 'thread' && e.context.sender)
    .map((e) => ({
      id: String(e.context.threadId),
      hash: e.hash,
      subject: String(e.context.subject ?? ''),
      senderEmail: String(e.context.sender.email),
      senderName: String(e.context.sender.name ?? ''),
    }));
  const list = entries.find((e) => e.context.kind === 'none');
  const broken = entries.find((e) => e.context.kind === 'unreadable');
  const chinese = readable.find((t) => hasCjk(t.subject) && hasCjk(t.senderName)) ?? readable.find((t) => hasCjk(t.subject));
  if (!list || !broken || !chinese || readable.length < 3) {
    throw new Error(`the Gmail fixture lacks a list view, a broken thread, a Chinese thread or 3 readable threads (${dir})`);
  }
  return {
    all: readable,
    listHash: list.hash,
    broken: { hash: broken.hash },
    chinese,
    /**
     * `n` non-Chinese threads whose senders are different people at different company domains
     * (so a customer made for one can never match another by domain).
     */
    distinctSenders(n: number): FixtureThread[] {
      const picked: FixtureThread[] = [];
      const keys = new Set<string>([chinese.senderEmail.toLowerCase(), companyDomainOf(chinese.senderEmail) ?? '']);
      for (const t of readable) {
        if (t === chinese || hasCjk(t.subject)) continue;
        const email = t.senderEmail.toLowerCase();
        const domain = companyDomainOf(email);
        if (keys.has(email) || (domain && keys.has(domain))) continue;
        keys.add(email);
        if (domain) keys.add(domain);
        picked.push(t);
        if (picked.length === n) return picked;
      }
      throw new Error(`the Gmail fixture has fewer than ${n} threads from distinct senders and domains`);
    },
  };
}
