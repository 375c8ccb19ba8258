import type { FakeMessageSpec } from '../../fakes/mail-spec';

/** A rep's mailbox and a customer's contact writing in one conversation (thread-rule tests). */
export const REP = 'rep@ourco.example';
export const rep = { address: REP, name: 'Rep' };
export const olivia = { address: 'olivia.park@northwind.example', name: 'Olivia Park' };
export const hour = 3600_000;
// Date headers carry whole seconds.
export const at = (hoursAgo: number) => new Date(Math.floor((Date.now() - hoursAgo * hour) / 1000) * 1000);
export const mail = (spec: Pick<FakeMessageSpec, 'messageId' | 'from' | 'to' | 'date'> & Partial<FakeMessageSpec>): FakeMessageSpec => ({
  subject: '交货延迟 / delivery delay',
  text: '请尽快答复',
  labels: ['INBOX'],
  ...spec,
});
