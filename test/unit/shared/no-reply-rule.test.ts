import { describe, expect, it } from 'vitest';
import { customerReplyIn } from '../../../shared/domain/no-reply-rule';
import type { SideLookups } from '../../../shared/domain/thread-reply';

const CUSTOMER = 'c-northwind';
const lookups: SideLookups = {
  isOurAddress: (a) => a.endsWith('@ourco.example'),
  contactsByEmailKey: async (key) => (key === 'olivia.park@northwind.example' ? [{ id: 'k1', customerId: CUSTOMER }] : []),
  customerIdsByDomain: async (domain) => (domain === 'northwind.example' ? [CUSTOMER] : []),
};
const followUp = (afterMessageId: string | null) => ({
  customerId: CUSTOMER,
  replyWatch: { threadRef: 'gmail:18f3', afterMessageId },
  createdAt: '2026-03-04T02:00:00Z',
});

describe('"no reply" closing rule: only a reply from the customer side closes it', () => {
  const page = [
    { id: 'm1', from: 'olivia.park@northwind.example' },
    { id: 'm2', from: 'me@ourco.example' },
    { id: 'm3', from: 'friend@gmail.com' },
  ];

  it('ignores our own messages, strangers and the messages that were there before', async () => {
    expect(await customerReplyIn(followUp('m2'), page, lookups)).toBeNull();
    expect(await customerReplyIn(followUp('m1'), page, lookups)).toBeNull();
  });

  it('closes on the first new message from the customer, by contact or by domain', async () => {
    const reply = await customerReplyIn(followUp('m2'), [...page, { id: 'm4', from: 'buyer@northwind.example' }], lookups);
    expect(reply?.id).toBe('m4');
  });

  it('from a page without the remembered message, nothing counts as new', async () => {
    expect(await customerReplyIn(followUp('gone'), [{ id: 'm9', from: 'olivia.park@northwind.example' }], lookups)).toBeNull();
    expect(await customerReplyIn(followUp(null), [{ id: 'm9', from: 'olivia.park@northwind.example' }], lookups)).toBeNull();
  });

  it('from ingested mail with send times, a customer message after the follow-up was made counts', async () => {
    const mail = [
      { id: 'g1', from: 'olivia.park@northwind.example', sentAt: '2026-03-04T01:00:00Z' },
      { id: 'g2', from: 'me@ourco.example', sentAt: '2026-03-04T03:00:00Z' },
      { id: 'g3', from: 'olivia.park@northwind.example', sentAt: '2026-03-05T01:00:00Z' },
    ];
    expect((await customerReplyIn(followUp(null), mail, lookups))?.id).toBe('g3');
    expect((await customerReplyIn(followUp('unknown-id'), mail, lookups))?.id).toBe('g3');
    expect(await customerReplyIn(followUp(null), mail.slice(0, 2), lookups)).toBeNull();
  });
});
