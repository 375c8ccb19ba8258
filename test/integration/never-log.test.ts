import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../fakes/fake-google';
import type { FakeMessageSpec } from '../fakes/mail-spec';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

const REP = 'rep@ourco.example';
const BOSS = 'admin@ourco.example';
const mail = (messageId: string, from: string, subject: string, to = [REP, BOSS]): FakeMessageSpec => ({
  messageId,
  from: { address: from },
  to: to.map((address) => ({ address })),
  subject,
  date: new Date(Date.now() - 3600_000),
  text: `${subject} — private details`,
  labels: ['INBOX'],
});

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

describe.each(databaseKinds)('never-log list on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    afterEach(() => fake.mailboxes.clear());

    async function world() {
      const { store, db } = testDb();
      const { services } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', BOSS);
      const rep = await invitedUser(services, admin, REP);
      await (await admin.api()).sync.push({
        mutations: [
          m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: rep.userId }),
          m.createCustomer('Hush Co', { emailDomains: ['hush.example'], ownerUserId: rep.userId }),
        ],
      });
      for (const box of [REP, BOSS]) {
        fake.addMessage(box, mail('n1@northwind.example', 'olivia@northwind.example', 'Order'));
        fake.addMessage(box, mail('h1@hush.example', 'ceo@hush.example', 'Confidential merger'));
        fake.addMessage(box, mail('h2@hush.example', 'cfo@hush.example', 'Numbers'));
      }
      await connectAccount(services, rep, 'google', REP);
      await connectAccount(services, admin, 'google', BOSS);
      await ingestAll(services);
      return { store, db, services, admin, rep };
    }
    const subjects = async (api: Awaited<ReturnType<Awaited<ReturnType<typeof world>>['rep']['api']>>) =>
      rowsOf((await pullAll(api)).changes, 'timelineItem').map((i) => i.imported?.subject).sort();

    it('a personal entry takes my mailbox out of the items; an item nobody else holds is gone, bodies included', async () => {
      const w = await world();
      const repApi = await w.rep.api();
      expect(await subjects(repApi)).toEqual(['Confidential merger', 'Numbers', 'Order']);
      // Only the rep's mailbox holds this one.
      fake.addMessage(REP, mail('h3@hush.example', 'ceo@hush.example', 'Rep only', [REP]));
      const [account] = rowsOf((await pullAll(repApi)).changes, 'mailAccount');
      await repApi.mail.syncNow({ accountId: account!.id });
      await ingestAll(w.services);

      const added = await repApi.mail.neverLogAdd({ kind: 'address', value: 'CEO@hush.example', scope: 'personal' });
      expect(added.entry).toMatchObject({ kind: 'address', value: 'ceo@hush.example', scope: 'personal' });
      expect(await subjects(repApi)).toEqual(['Numbers', 'Order']);
      // The boss's own mailbox still holds the merger mail; the rep-only one is gone with its body.
      expect(await subjects(await w.admin.api())).toEqual(['Confidential merger', 'Numbers', 'Order']);
      const bodies = await w.db.query<{ body: string }>('SELECT body FROM timeline_item_bodies');
      expect(bodies.map((b) => b.body)).not.toContain('Rep only — private details');
      expect((await repApi.mail.neverLogList()).map((e) => e.value)).toEqual(['ceo@hush.example']);
    });

    it('an organisation-wide domain (admins only) purges every item and stops later imports', async () => {
      const w = await world();
      await expect((await w.rep.api()).mail.neverLogAdd({ kind: 'domain', value: 'hush.example', scope: 'organisation' })).rejects.toThrow(/administrator/);
      const result = await (await w.admin.api()).mail.neverLogAdd({ kind: 'domain', value: 'Hush.Example', scope: 'organisation' });
      expect(result.removedItems).toBe(2);
      expect(await subjects(await w.rep.api())).toEqual(['Order']);
      const left = await w.db.query<{ n: unknown }>("SELECT count(*) AS n FROM timeline_items WHERE participant_domains @> ARRAY['hush.example']");
      expect(Number(left[0]!.n)).toBe(0);

      fake.addMessage(REP, mail('h9@hush.example', 'ceo@hush.example', 'Later', [REP]));
      const [account] = rowsOf((await pullAll(await w.rep.api())).changes, 'mailAccount');
      await (await w.rep.api()).mail.syncNow({ accountId: account!.id });
      await ingestAll(w.services);
      expect(await subjects(await w.rep.api())).toEqual(['Order']);
      // The rep sees the organisation's entry but cannot remove it.
      const [entry] = await (await w.rep.api()).mail.neverLogList();
      await expect((await w.rep.api()).mail.neverLogRemove({ id: entry!.id })).rejects.toThrow(/administrator/);
    });

    it('another user\u2019s account is not found; another organisation cannot see any of it', async () => {
      const w = await world();
      const [account] = rowsOf((await pullAll(await w.rep.api())).changes, 'mailAccount');
      await expect((await w.admin.api()).mail.disconnect({ accountId: account!.id })).rejects.toThrow(/no such connected account/);
      const stranger = await signedInAdmin(w.services, 'Other Org', 'boss@other.example');
      await expect((await stranger.api()).mail.syncNow({ accountId: account!.id })).rejects.toThrow(/no such connected account/);
      expect(rowsOf((await pullAll(await stranger.api())).changes, 'timelineItem')).toEqual([]);
      await (await w.rep.api()).mail.disconnect({ accountId: account!.id });
      const [row] = await w.store.repos.mailAccounts.listByUser(w.rep.userId);
      expect(row).toMatchObject({ status: 'disconnected', refreshTokenSealed: null });
      expect(rowsOf((await pullAll(await w.rep.api())).changes, 'mailAccount')).toEqual([]);
    });
  });
});
