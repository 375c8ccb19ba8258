import { describe, expect, it } from 'vitest';
import { inboundMessage, ourFirstReply } from '../../../shared/domain/service-thread';
import type { SideLookups } from '../../../shared/domain/thread-reply';

const CUSTOMER = 'c-northwind';
const lookups: SideLookups = {
  isOurAddress: (a) => a.endsWith('@ourco.example'),
  contactsByEmailKey: async () => [],
  customerIdsByDomain: async (domain) => (domain === 'northwind.example' ? [CUSTOMER] : []),
};
const item = (afterMessageId: string | null) => ({ customerId: CUSTOMER, afterMessageId, receivedAt: '2026-03-03T03:00:00.000Z' });
const page = [
  { id: 'a1', from: 'me@ourco.example' },
  { id: 'a2', from: 'olivia@northwind.example' },
  { id: 'a3', from: 'ben@ourco.example' },
  { id: 'a4', from: 'someone@gmail.com' },
];

describe('service first-reply rule: our first message after the one the item was logged from', () => {
  it('first-reply rule: counts only our side, only after the logged message (the page shows no times)', async () => {
    expect(await ourFirstReply(item('a2'), page, lookups)).toEqual(page[2]);
    expect(await ourFirstReply(item('a3'), page, lookups)).toBeNull();
    // The logged message is not on the page (collapsed) and there are no times: nothing counts.
    expect(await ourFirstReply(item('zz'), page, lookups)).toBeNull();
    expect(await ourFirstReply(item(null), page, lookups)).toBeNull();
  });

  it('first-reply rule: with send times (mail ingestion), our first message after the clock started counts', async () => {
    const dated = [
      { id: 'b1', from: 'me@ourco.example', sentAt: '2026-03-03T02:00:00.000Z' },
      { id: 'b2', from: 'me@ourco.example', sentAt: '2026-03-03T04:00:00.000Z' },
    ];
    expect(await ourFirstReply(item('unknown'), dated, lookups)).toEqual(dated[1]);
  });

  it("clock-start rule: the customer's newest message up to the logged one is the inbound mail", async () => {
    expect(await inboundMessage(item('a3'), page, lookups)).toEqual(page[1]);
    expect(await inboundMessage(item('a2'), page, lookups)).toEqual(page[1]);
    expect(await inboundMessage(item('a1'), page, lookups)).toBeNull();
    expect(await inboundMessage(item(null), page, lookups)).toBeNull();
  });
});
