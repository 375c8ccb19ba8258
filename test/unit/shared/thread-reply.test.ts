import { describe, expect, it } from 'vitest';
import { firstNewMessageFrom, messagesAfter, sideOf, type SideLookups } from '../../../shared/domain/thread-reply';

const CUSTOMER = 'c-northwind';
const lookups: SideLookups = {
  isOurAddress: (a) => a === 'me@ourco.example' || a.endsWith('@ourco.example'),
  async contactsByEmailKey(key) {
    return key === 'olivia.park@northwind.example' ? [{ id: 'k1', customerId: CUSTOMER }] : [];
  },
  async customerIdsByDomain(domain) {
    return domain === 'northwind.example' ? [CUSTOMER] : domain === 'other.example' ? ['c-other'] : [];
  },
};
const thread = [
  { id: 'a1', from: 'olivia.park@northwind.example' },
  { id: 'a2', from: 'me@ourco.example' },
  { id: 'a3', from: 'someone@gmail.com' },
  { id: 'a4', from: 'Olivia.Park+orders@northwind.example' },
];

describe('no-reply rule: which side wrote', () => {
  it('tells our side, the customer side (by contact or domain) and strangers apart', async () => {
    expect(await sideOf('ben.wright@ourco.example', CUSTOMER, lookups)).toBe('ours');
    expect(await sideOf('olivia.park+x@northwind.example', CUSTOMER, lookups)).toBe('customer');
    expect(await sideOf('daniel.kim@northwind.example', CUSTOMER, lookups)).toBe('customer');
    expect(await sideOf('buyer@other.example', CUSTOMER, lookups)).toBe('other');
    // Free mail never makes someone the customer.
    expect(await sideOf('someone@gmail.com', CUSTOMER, lookups)).toBe('other');
  });
});

describe('no-reply rule: only messages after the watch began count', () => {
  it('lists what came after the remembered newest message', () => {
    expect(messagesAfter(thread, 'a2').map((m) => m.id)).toEqual(['a3', 'a4']);
    expect(messagesAfter(thread, 'a4')).toEqual([]);
  });

  it('counts nothing when the remembered message is not on the page or there was none', () => {
    expect(messagesAfter(thread, 'collapsed')).toEqual([]);
    expect(messagesAfter(thread, null)).toEqual([]);
  });

  it('closes only on a reply from the customer side, not on ours or a stranger\'s', async () => {
    const watch = { customerId: CUSTOMER, afterMessageId: 'a1' };
    expect((await firstNewMessageFrom('customer', watch, thread, lookups))?.id).toBe('a4');
    expect((await firstNewMessageFrom('ours', watch, thread, lookups))?.id).toBe('a2');
    expect(await firstNewMessageFrom('customer', watch, thread.slice(0, 3), lookups)).toBeNull();
  });
});
