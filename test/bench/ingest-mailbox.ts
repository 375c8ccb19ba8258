import type { FakeMessageSpec } from '../fakes/mail-spec';

export const BENCH_MAILBOX = 'bench.user@ourco.example';
export const BENCH_CUSTOMERS = 50;
export const benchDomain = (i: number) => `customer${i}.example`;

const SUBJECTS = ['Order confirmation', '关于三季度报价', 'Delivery schedule', '发票和付款', 'Quality report', '样品测试结果'];

/**
 * A mailbox for the ingestion bench: `count` messages from 50 customers' contacts in the last
 * 60 days, every third one HTML, every fifth in Chinese with an encoded subject, replies with
 * quoted history. Deterministic, so every run imports the same mail.
 */
export function benchMessages(count: number, now = Date.now()): FakeMessageSpec[] {
  return Array.from({ length: count }, (_, n) => {
    const customer = n % BENCH_CUSTOMERS;
    const inbound = n % 4 !== 0;
    const them = { address: `buyer${n % 7}@${benchDomain(customer)}`, name: n % 5 === 0 ? '王经理' : `Buyer ${n % 7}` };
    const me = { address: BENCH_MAILBOX, name: 'Bench User' };
    const subject = `${SUBJECTS[n % SUBJECTS.length]} #${n}`;
    const text = `Hello,\n\nline one of message ${n}\nline two with some detail about the order and the delivery.\n\nOn Mon, 1 Jun 2026 at 10:00, ${them.name} wrote:\n> earlier text\n> more earlier text`;
    return {
      messageId: `bench-${n}@${inbound ? benchDomain(customer) : 'ourco.example'}`,
      from: inbound ? them : me,
      to: [inbound ? me : them],
      subject,
      date: new Date(now - (n % 60) * 24 * 3600_000 - n * 1000),
      ...(n % 3 === 0 ? { html: `<div><p>${text.split('\n').join('</p><p>')}</p></div>` } : { text }),
      ...(n % 5 === 0 ? { encodeHeaders: 'utf-8' as const } : {}),
      ...(n > 0 && n % 2 === 0 ? { inReplyTo: `bench-${n - 1}@${benchDomain(customer)}` } : {}),
      labels: inbound ? ['INBOX'] : ['SENT'],
    };
  });
}
