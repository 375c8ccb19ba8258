import { contactEmail, contactName, customerName, type SeededOrg } from './seed';

export type BenchThread = { id: string; hash: string; senderEmail: string; customerName: string };

export const ACCOUNT = { email: 'me@ourco.example', name: 'Mia Chen' };

/**
 * `count` threads whose senders are contacts of different customers spread evenly over the
 * seeded organisation (every third one a multiple of 5, i.e. a Chinese-named customer), in the
 * shape test/fixtures/gmail/app.js renders.
 */
export function benchThreads(org: SeededOrg, count: number) {
  const threads: BenchThread[] = [];
  const json: unknown[] = [];
  const step = Math.floor(org.customers / count);
  for (let n = 0; n < count; n++) {
    let i = 1 + n * step + (n % 7);
    if (n % 3 === 0) i = Math.max(5, i - (i % 5));
    const j = (i - 1) * org.contactsPerCustomer + 1 + (n % org.contactsPerCustomer);
    const id = `b${(n + 1).toString(16).padStart(15, '0')}`;
    const email = contactEmail(org.tag, j, org.contactsPerCustomer);
    const name = contactName(j);
    threads.push({ id, hash: `inbox/${id}`, senderEmail: email, customerName: customerName(i) });
    json.push({
      id,
      route: 'inbox',
      subject: n % 2 ? `报价单 ${n}` : `Order ${n}: delivery dates`,
      subjectEmoji: null,
      subjectAttrs: { 'data-legacy-thread-id': id, 'data-thread-perm-id': `thread-f:${BigInt(`0x${id}`).toString(10)}` },
      broken: false,
      messages: [
        {
          id,
          from: { email, name },
          to: [ACCOUNT],
          body: `Hello, about order ${n}.`,
          date: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}T09:15:00Z`,
        },
      ],
    });
  }
  return { threads, threadsJson: JSON.stringify({ account: ACCOUNT, threads: json }) };
}
