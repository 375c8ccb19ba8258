import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullOutputSchema, type PulledChange } from '../../shared/schemas/sync';
import type { ImportedSource } from '../../shared/schemas/timeline';
import { FakeGoogle } from '../fakes/fake-google';
import type { FakeMessageSpec } from '../fakes/mail-spec';
import type { Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m, outcomes } from './support/mutations';
import { orgWorld, type PersonName } from './support/org-world';
import { pullAll, rowsOf } from './support/pull';

/**
 * Issue 7's access rules over issue 5's imported mail: an item is seen only by people who see
 * its customer, and then only as far as its mailboxes share it (private, metadata, subject,
 * full); mail accounts are their owner's alone; the audit trail records mail work without a
 * word of the mail; a deactivated person's mailbox is no longer read.
 */
const BUYER = { address: 'buyer@east.example', name: '王采购' };
const mail = (messageId: string, to: string, subject: string): FakeMessageSpec => ({
  messageId,
  from: BUYER,
  to: [{ address: to }],
  subject,
  date: new Date(Date.now() - 3600_000),
  text: `${subject} — body text`,
  labels: ['INBOX'],
});
const A = 'A private subject';
const B = 'B shared subject';

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

/** One person's pull from `cursor` to the end: the raw answers as sent, and the parsed changes. */
async function replicaOf(actor: Actor, cursor: string | null = null) {
  const api = await actor.api();
  const raw: unknown[] = [];
  const changes: PulledChange[] = [];
  for (;;) {
    const answer = await api.sync.pull({ cursor, limit: 1000 });
    raw.push(answer);
    const page = pullOutputSchema.parse(answer);
    if (page.resetRequired) throw new Error('unexpected reset');
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  const imported = rowsOf(changes, 'timelineItem').filter((i) => i.imported) as { id: string; summary: string; imported: ImportedSource }[];
  return { json: JSON.stringify(raw), changes, cursor, imported };
}
const view = (items: { imported: ImportedSource }[]) =>
  items.map((i) => ({ subject: i.imported.subject, body: i.imported.body, mine: i.imported.mine })).sort((x, y) => String(x.subject).localeCompare(String(y.subject)));

describe.each(databaseKinds)('imported mail under the access rules on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    afterEach(() => fake.mailboxes.clear());

    /** East Co (the East rep's); A in the East rep's mailbox (private), B in East rep 2's (subject). */
    async function world() {
      const t = testDb();
      const { services } = ingestionServices(t.store, { google: fake.url });
      const w = await orgWorld(services);
      const east = m.createCustomer('East Co', { emailDomains: ['east.example'] });
      expect(outcomes(await (await w.eastRep.api()).sync.push({ mutations: [east] }))).toEqual(['applied']);
      fake.addMessage(w.eastRep.email, mail('a@east.example', w.eastRep.email, A));
      fake.addMessage(w.eastRep2.email, mail('b@east.example', w.eastRep2.email, B));
      await connectAccount(services, w.eastRep, 'google', w.eastRep.email);
      await connectAccount(services, w.eastRep2, 'google', w.eastRep2.email);
      const accountOf = async (who: Actor) => rowsOf((await pullAll(await who.api())).changes, 'mailAccount')[0]!.id;
      const rep2Account = await accountOf(w.eastRep2);
      await (await w.eastRep2.api()).mail.update({ accountId: rep2Account, sharing: 'subject' });
      expect((await ingestAll(services)).linked).toBe(2);
      return { ...t, services, w, east: east.payload.id, repAccount: await accountOf(w.eastRep), rep2Account };
    }

    it('an item reaches only people who see its customer, narrowed to its mailboxes\' sharing; bodies only to owners', async () => {
      const { w, repAccount, rep2Account } = await world();
      const onlyB = [{ subject: B, body: null, mine: false }];
      const expected: Record<PersonName, object[]> = {
        eastRep: [{ subject: A, body: `${A} — body text`, mine: true }, { subject: B, body: null, mine: false }],
        // Full access to the customer does not open a colleague's private mailbox, admins included.
        admin: onlyB,
        eastManager: onlyB,
        // Mail is service history: the support lead sees what is shared, like anyone.
        supportLead: onlyB,
        // East rep 2 does not see East Co, so not even the mail of their own mailbox on it.
        eastRep2: [],
        westRep: [],
        accountManager: [],
      };
      for (const [name, want] of Object.entries(expected)) {
        const replica = await replicaOf(w[name as PersonName]);
        expect({ name, items: view(replica.imported) }).toEqual({ name, items: want });
        // Storage-only facts never travel; nobody but the owner learns anything of A.
        expect(replica.json).not.toContain('importedFacts');
        expect(replica.json).not.toContain('mailboxUserIds');
        if (name !== 'eastRep') expect(replica.json).not.toContain(A);
        if (name !== 'eastRep2') expect(replica.json).not.toContain(`${B} — body text`);
        // A mail account and its health are their owner's alone, not even a tombstone for others.
        const accounts = rowsOf(replica.changes, 'mailAccount').map((a) => a.id);
        expect(accounts).toEqual(name === 'eastRep' ? [repAccount] : name === 'eastRep2' ? [rep2Account] : []);
        if (name !== 'eastRep') expect(replica.json).not.toContain(repAccount);
      }
      // The thread reference opens the owner's own mailbox only.
      const seenByManager = (await replicaOf(w.eastManager)).imported[0]!;
      expect(seenByManager.imported.threadRef).toBeNull();
    });

    it('metadata shows that a message happened, not its subject; the replica follows sharing changes and reassignment', async () => {
      const { w, east, rep2Account } = await world();
      const manager = await replicaOf(w.eastManager);
      const rep = await replicaOf(w.eastRep);
      const rep2Api = await w.eastRep2.api();

      await rep2Api.mail.update({ accountId: rep2Account, sharing: 'metadata' });
      const meta = await replicaOf(w.eastManager, manager.cursor);
      expect(meta.imported.map((i) => ({ subject: i.imported.subject, summary: i.summary, from: i.imported.from?.address }))).toEqual([
        { subject: null, summary: '', from: BUYER.address },
      ]);
      expect(meta.json).not.toContain(B);

      await rep2Api.mail.update({ accountId: rep2Account, sharing: 'full' });
      const full = await replicaOf(w.eastManager, meta.cursor);
      expect(view(full.imported)).toEqual([{ subject: B, body: `${B} — body text`, mine: false }]);

      await rep2Api.mail.update({ accountId: rep2Account, sharing: 'private' });
      const hidden = await replicaOf(w.eastManager, full.cursor);
      const itemB = full.imported[0]!.id;
      expect(hidden.changes).toEqual([{ entity: 'timelineItem', op: 'delete', id: itemB }]);

      // The East rep loses East Co: the next pull takes the customer and its imported mail away.
      const itemA = rep.imported.find((i) => i.imported.subject === A)!.id;
      expect(outcomes(await (await w.admin.api()).sync.push({ mutations: [m.updateCustomer(east, { ownerUserId: w.westRep.userId })] }))).toEqual(['applied']);
      const after = await replicaOf(w.eastRep, rep.cursor);
      const gone = after.changes.filter((c) => c.op === 'delete').map((c) => c.id);
      expect(gone).toEqual(expect.arrayContaining([east, itemA, itemB]));
      expect(after.changes.filter((c) => c.op === 'upsert' && c.entity === 'timelineItem')).toEqual([]);
      // The new owner sees the customer; A is still the East rep's private mail.
      expect((await replicaOf(w.westRep)).imported).toEqual([]);
    });

    it('the audit trail records connecting, sharing and never-log work by whom, but nothing of the mail or the token', async () => {
      const { w, db, rep2Account } = await world();
      await (await w.eastRep.api()).mail.neverLogAdd({ kind: 'address', value: 'doctor@clinic.example', scope: 'personal' });
      const { events } = await (await w.admin.api()).audit.list({ limit: 500 });
      const text = JSON.stringify(events);
      for (const secret of [A, B, 'body text', BUYER.address, 'doctor@clinic.example', 'a@east.example']) expect(text).not.toContain(secret);
      const [sealed] = await db.query<{ refresh_token_enc: string }>('SELECT refresh_token_enc FROM mail_accounts WHERE id = $1', [rep2Account]);
      expect(text).not.toContain(sealed!.refresh_token_enc);

      const connect = events.filter((e) => e.action === 'mail.connect' && e.entity === 'mail_accounts');
      expect(connect.map((e) => e.userId).sort()).toEqual([w.eastRep.userId, w.eastRep2.userId].sort());
      expect(connect[0]!.changes).toMatchObject({ refresh_token_enc: ['(hidden)', '(hidden)'] });
      expect(events.find((e) => e.action === 'mail.update' && e.entity === 'mail_accounts')).toMatchObject({
        userId: w.eastRep2.userId,
        entityId: rep2Account,
        changes: { sharing: [0, 2] },
      });
      expect(events.find((e) => e.action === 'mail.neverLogAdd')).toMatchObject({ userId: w.eastRep.userId, changes: { value: ['(hidden)', '(hidden)'] } });
      // Imports are the server's work: recorded without a user, their mail fields hidden.
      const imported = events.filter((e) => e.entity === 'timeline_items' && e.op === 'insert');
      expect(imported).toHaveLength(2);
      expect(imported.every((e) => e.userId === null && e.changes.subject?.[0] === '(hidden)')).toBe(true);
      // The job's progress on a channel is bookkeeping, not an event.
      expect(events.filter((e) => e.entity === 'sync_channels' && e.op === 'update')).toEqual([]);
    });

    it("a deactivated person's mailbox is not read any more; reactivated, it continues", async () => {
      const { w, services, store, repAccount, rep2Account } = await world();
      const admin = await w.admin.api();
      const runNow = async () => {
        for (const id of [repAccount, rep2Account]) await store.repos.syncChannels.wakeAccount(id, new Date());
        return ingestAll(services);
      };
      fake.addMessage(w.eastRep.email, mail('c@east.example', w.eastRep.email, 'C while away'));
      await admin.users.setActive({ id: w.eastRep.userId, active: false });
      expect((await runNow()).linked).toBe(0);
      await admin.users.setActive({ id: w.eastRep.userId, active: true });
      expect((await runNow()).linked).toBe(1);
    });
  });
});
