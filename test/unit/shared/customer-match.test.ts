import { describe, expect, it } from 'vitest';
import { companyDomainOf, matchCustomers, type MatchLookups } from '../../../shared/domain/customer-match';
import { isFreeMailDomain } from '../../../shared/domain/free-mail-domains';

function lookups(contacts: Record<string, { id: string; customerId: string }[]>, domains: Record<string, string[]>) {
  const asked: string[] = [];
  const l: MatchLookups = {
    contactsByEmailKey: async (email: string) => (asked.push(`email:${email}`), contacts[email] ?? []),
    customerIdsByDomain: async (domain) => (asked.push(`domain:${domain}`), domains[domain] ?? []),
  };
  return { l, asked };
}

describe('matchCustomers', () => {
  it('prefers a contact holding the (normalised) address', async () => {
    const { l, asked } = lookups({ 'ann@acme.example': [{ id: 'k1', customerId: 'c1' }] }, { 'acme.example': ['c2'] });
    expect(await matchCustomers(' Ann@ACME.example', l)).toEqual([{ customerId: 'c1', reason: { kind: 'contact', contactId: 'k1' } }]);
    expect(asked).toEqual(['email:ann@acme.example']);
  });
  it('falls back to the customer owning the domain', async () => {
    const { l } = lookups({}, { 'acme.example': ['c2', 'c3'] });
    expect(await matchCustomers('bob@acme.example', l)).toEqual([
      { customerId: 'c2', reason: { kind: 'domain', domain: 'acme.example' } },
      { customerId: 'c3', reason: { kind: 'domain', domain: 'acme.example' } },
    ]);
  });
  it('never matches by a free-mail domain', async () => {
    const { l, asked } = lookups({}, { 'gmail.com': ['c9'], 'qq.com': ['c9'] });
    expect(await matchCustomers('someone@gmail.com', l)).toEqual([]);
    expect(await matchCustomers('someone@QQ.com', l)).toEqual([]);
    expect(asked.some((a) => a.startsWith('domain:'))).toBe(false);
  });
  it('looks contacts up by match key: case and plus tags do not matter, Gmail dots do not either', async () => {
    const { l, asked } = lookups({ 'zhang.wei@baosteel.example': [{ id: 'k1', customerId: 'c1' }] }, {});
    expect(await matchCustomers('Zhang.Wei+Orders@BaoSteel.example', l)).toHaveLength(1);
    await matchCustomers('Li.Na+cn@Gmail.com', l);
    expect(asked).toContain('email:lina@gmail.com');
  });
  it('still matches a free-mail address held by a contact', async () => {
    const { l } = lookups({ 'boss@163.com': [{ id: 'k1', customerId: 'c1' }] }, {});
    expect(await matchCustomers('boss@163.com', l)).toHaveLength(1);
  });
});

describe('companyDomainOf / isFreeMailDomain', () => {
  it('suggests company domains only', () => {
    expect(companyDomainOf('ann@Acme.Example')).toBe('acme.example');
    expect(companyDomainOf('ann@gmail.com')).toBeNull();
    expect(companyDomainOf('not an address')).toBeNull();
    expect(isFreeMailDomain('Hotmail.com')).toBe(true);
  });
});
