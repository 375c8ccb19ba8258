import { describe, expect, it } from 'vitest';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { countRows, m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('custom field definitions on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('are saved by admins only and reach everyone in the organisation', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const manager = await invitedUser(services, admin, 'boss@a.example', 'manager');
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const outsider = await signedInAdmin(services, 'Org B', 'b@b.example');
      const field = m.saveCustomField({ key: 'segment', label: '客户细分', type: 'select', options: ['OEM', 'Trader'], position: 2 });
      const before = await countRows(db);

      for (const actor of [manager, rep]) {
        const out = await (await actor.api()).sync.push({ mutations: [{ ...field, id: crypto.randomUUID() }] });
        expect(out.results[0]).toMatchObject({ code: 'forbidden', reason: 'Only an administrator can change custom fields.' });
      }
      expect(await countRows(db)).toEqual({ ...before, applied_mutations: before.applied_mutations + 2 });

      expect(outcomes(await (await admin.api()).sync.push({ mutations: [field] }))).toEqual(['applied']);
      const expected = {
        id: field.payload.id,
        key: 'segment',
        label: '客户细分',
        type: 'select',
        options: ['OEM', 'Trader'],
        position: 2,
        version: 1,
        updatedAt: expect.any(String),
      };
      expect(rowsOf((await pullAll(await rep.api())).changes, 'customField')).toEqual([expected]);
      expect(rowsOf((await pullAll(await outsider.api())).changes, 'customField')).toEqual([]);
    });

    it('keep keys unique and stable; a change or delete reaches every replica', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const api = await admin.api();
      const field = m.saveCustomField({ key: 'erp_id', label: 'ERP id', type: 'text', options: [] });
      await api.sync.push({ mutations: [field] });
      const { cursor } = await pullAll(await rep.api());

      const out = await api.sync.push({
        mutations: [
          m.saveCustomField({ key: 'erp_id', label: 'Another', type: 'number', options: [] }),
          { ...field, id: crypto.randomUUID(), payload: { ...field.payload, key: 'erp_code' } },
          { ...field, id: crypto.randomUUID(), payload: { ...field.payload, label: 'ERP 编号', type: 'number' } },
        ],
      });
      expect(outcomes(out)).toEqual(['conflict', 'invalid', 'applied']);
      expect(out.results[0]).toMatchObject({ reason: 'Another custom field already has key "erp_id".' });
      expect(rowsOf((await pullAll(await rep.api(), cursor)).changes, 'customField')).toEqual([
        expect.objectContaining({ key: 'erp_id', label: 'ERP 编号', type: 'number', version: 2 }),
      ]);

      const { cursor: beforeDelete } = await pullAll(await rep.api());
      expect(outcomes(await (await rep.api()).sync.push({ mutations: [m.deleteCustomField(field.payload.id)] }))).toEqual(['forbidden']);
      const del = await api.sync.push({ mutations: [m.deleteCustomField(field.payload.id), m.deleteCustomField(field.payload.id)] });
      expect(outcomes(del)).toEqual(['applied', 'applied']);
      expect((await pullAll(await rep.api(), beforeDelete)).changes).toEqual([
        { entity: 'customField', op: 'delete', id: field.payload.id },
      ]);
      // Once deleted, the key may be defined again; the old definition cannot be revived.
      const again = await api.sync.push({
        mutations: [m.saveCustomField({ key: 'erp_id', label: 'ERP id', type: 'text', options: [] }), { ...field, id: crypto.randomUUID() }],
      });
      expect(outcomes(again)).toEqual(['applied', 'not_found']);
    });

    it('refuses a select field without options at the boundary', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      await expect(
        api.sync.push({ mutations: [m.saveCustomField({ key: 'tier', label: 'Tier', type: 'select', options: [] })] }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('payload.options: a select field needs at least one option') });
    });
  });
});
