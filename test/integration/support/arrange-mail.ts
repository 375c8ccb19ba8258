import { expect } from 'vitest';
import type { Services } from '../../../server/domain/services';
import type { FakeGoogle } from '../../fakes/fake-google';
import { callerFor } from './actors';
import { connectAccount, ingestAll } from './ingestion';
import type { OrgWorld } from './org-world';
import { pullAll, rowsOf } from './pull';

/** What only the East rep may ever receive of their mailbox (leak canaries). */
export const MAIL_SECRET = { subject: '私人邮件 private subject', body: 'private body 报价 9.8%', neverLog: 'doctor@clinic.example' };

/**
 * The East rep's Google mailbox, connected and imported: one private mail from East Co's
 * contact (linked to East Co) and a personal never-log entry. Returns the account and entry ids.
 */
export async function arrangeMail(services: Services, w: OrgWorld, fake: FakeGoogle) {
  fake.addMessage(w.eastRep.email, {
    messageId: `private-${w.eastRep.userId}@east.example`,
    from: { address: 'zhang.wei@east.example', name: '张伟' },
    to: [{ address: w.eastRep.email }],
    subject: MAIL_SECRET.subject,
    date: new Date(Date.now() - 3600_000),
    text: MAIL_SECRET.body,
    labels: ['INBOX'],
  });
  await connectAccount(services, w.eastRep, 'google', w.eastRep.email);
  expect((await ingestAll(services)).linked).toBe(1);
  const api = await callerFor(services, w.eastRep.token);
  const { entry } = await api.mail.neverLogAdd({ kind: 'address', value: MAIL_SECRET.neverLog, scope: 'personal' });
  const [account] = rowsOf((await pullAll(api)).changes, 'mailAccount');
  return { entryId: entry.id, accountId: account!.id };
}
