import { describe, expect, it } from 'vitest';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { deleteCustomField, saveCustomField } from '../../../extension/local-db/mutations/save-custom-field';
import { customFieldDefinitions } from '../../../extension/local-db/queries/custom-field-definitions';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { freshDb } from './helpers';

const refuse = (mutationId: string) => [
  { mutationId, status: 'rejected' as const, code: 'forbidden' as const, reason: 'admins only' },
];

describe('custom field definitions', () => {
  it('saves a definition with its outbox entry, in the order they were added', async () => {
    const db = freshDb();
    await saveCustomField(db, { key: 'erp_id', label: 'ERP 编号', type: 'text', options: [] });
    await saveCustomField(db, { key: 'region', label: '区域', type: 'select', options: ['华东', '华南'] });
    expect((await customFieldDefinitions(db)).map((d) => [d.key, d.position])).toEqual([
      ['erp_id', 0],
      ['region', 1],
    ]);
    const kinds = (await db.outbox.toArray()).map((e) => e.mutation.kind);
    expect(kinds).toEqual(['customField.save', 'customField.save']);
  });

  it('refuses an invalid definition or a key already in use, writing nothing', async () => {
    const db = freshDb();
    await expect(saveCustomField(db, { key: 'Bad Key', label: 'x', type: 'text', options: [] })).rejects.toThrow();
    await expect(saveCustomField(db, { key: 'region', label: '区域', type: 'select', options: [] })).rejects.toThrow();
    await saveCustomField(db, { key: 'erp_id', label: 'ERP', type: 'text', options: [] });
    await expect(saveCustomField(db, { key: 'erp_id', label: 'Again', type: 'number', options: [] })).rejects.toThrow(
      /already uses the key "erp_id"/,
    );
    expect(await db.customFields.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a refused change, once dismissed, leaves the definitions as they were', async () => {
    const db = freshDb();
    const id = await saveCustomField(db, { key: 'erp_id', label: 'ERP', type: 'text', options: [] });
    const [created] = await db.outbox.toArray();
    await applyPushResults(db, [{ mutationId: created!.id, status: 'applied' }]);
    const before = await db.customFields.get(id);

    await saveCustomField(db, { id, key: 'erp_id', label: 'ERP number', type: 'text', options: [] });
    await deleteCustomField(db, id);
    const [edit, removal] = await db.outbox.toArray();
    await applyPushResults(db, [...refuse(edit!.id), ...refuse(removal!.id)]);
    await dismissRejected(db, removal!.id);
    await dismissRejected(db, edit!.id);
    expect(await db.customFields.get(id)).toEqual(before);

    const fresh = await saveCustomField(db, { key: 'vip', label: 'VIP', type: 'boolean', options: [] });
    const [refusedNew] = await db.outbox.toArray();
    await applyPushResults(db, refuse(refusedNew!.id));
    await dismissRejected(db, refusedNew!.id);
    expect(await db.customFields.get(fresh)).toBeUndefined();
  });
});
