import { describe, expect, it } from 'vitest';
import { matchChoiceId } from '../../shared/domain/match-choice';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('match choices on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('reach only the user who made them; a second choice replaces the first under the same id', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const acme = m.createCustomer('Acme', { emailDomains: ['shared.example'], sharedWith: [rep.userId] });
      const beta = m.createCustomer('Beta', { emailDomains: ['shared.example'], sharedWith: [rep.userId] });
      await (await admin.api()).sync.push({ mutations: [acme, beta] });
      const adminStart = (await pullAll(await admin.api())).cursor;
      const repStart = (await pullAll(await rep.api())).cursor;

      const first = await (await rep.api()).sync.push({ mutations: [m.setMatchChoice('Buyer+x@Shared.example', acme.payload.id)] });
      expect(outcomes(first)).toEqual(['applied']);
      const id = await matchChoiceId(rep.userId, 'buyer@shared.example');
      expect((await pullAll(await rep.api(), repStart)).changes).toEqual([
        { entity: 'matchChoice', op: 'upsert', row: { id, addressKey: 'buyer@shared.example', customerId: acme.payload.id, updatedAt: expect.any(String) } },
      ]);

      const second = await (await rep.api()).sync.push({ mutations: [m.setMatchChoice('buyer@shared.example', beta.payload.id)] });
      expect(outcomes(second)).toEqual(['applied']);
      const repRows = rowsOf((await pullAll(await rep.api(), repStart)).changes, 'matchChoice');
      expect(repRows).toEqual([expect.objectContaining({ id, customerId: beta.payload.id })]);
      const [{ n }] = (await db.query<{ n: unknown }>('SELECT count(*) AS n FROM match_choices')) as [{ n: unknown }];
      expect(Number(n)).toBe(1);

      // Nothing at all for the others: no row, no tombstone, not even from the beginning.
      expect((await pullAll(await admin.api(), adminStart)).changes).toEqual([]);
      expect(JSON.stringify((await pullAll(await admin.api())).changes)).not.toContain(id);

      // The same address chosen by the admin is a separate choice.
      await (await admin.api()).sync.push({ mutations: [m.setMatchChoice('buyer@shared.example', acme.payload.id)] });
      const adminRows = rowsOf((await pullAll(await admin.api(), adminStart)).changes, 'matchChoice');
      expect(adminRows).toEqual([expect.objectContaining({ id: await matchChoiceId(admin.userId, 'buyer@shared.example'), customerId: acme.payload.id })]);
      expect(rowsOf((await pullAll(await rep.api())).changes, 'matchChoice')).toEqual([expect.objectContaining({ id, customerId: beta.payload.id })]);
    });

    it('refuses a choice of a missing, deleted or foreign customer', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const other = await signedInAdmin(services, 'Org B', 'b@b.example');
      const gone = m.createCustomer('Gone');
      const foreign = m.createCustomer('Foreign');
      await (await admin.api()).sync.push({ mutations: [gone, m.deleteCustomer(gone.payload.id)] });
      await (await other.api()).sync.push({ mutations: [foreign] });
      const out = await (await admin.api()).sync.push({
        mutations: [
          m.setMatchChoice('x@y.example', newId()),
          m.setMatchChoice('x@y.example', gone.payload.id),
          m.setMatchChoice('x@y.example', foreign.payload.id),
        ],
      });
      expect(outcomes(out)).toEqual(['not_found', 'not_found', 'not_found']);
    });
  });
});
