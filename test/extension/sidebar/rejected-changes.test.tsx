// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dictionaries, type Language } from '../../../extension/i18n';
import type { LocalDb } from '../../../extension/local-db/db';
import { setMeta } from '../../../extension/local-db/meta';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { completeFollowUp } from '../../../extension/local-db/mutations/change-follow-up';
import { createFollowUp } from '../../../extension/local-db/mutations/create-follow-up';
import { customer, freshDb } from '../local-db/helpers';
import { toLocalCustomer } from '../../../extension/local-db/local-rows';

// The UI language is read once when the i18n module loads: each language gets fresh modules.
async function renderIn(language: Language, db: LocalDb) {
  vi.resetModules();
  Object.defineProperty(window.navigator, 'language', { value: language, configurable: true });
  const { RejectedChanges } = await import('../../../extension/sidebar/components/rejected-changes');
  const { mount, waitFor, $ } = await import('./render-sidebar');
  const shown = mount(db, <RejectedChanges />);
  cleanup = shown.unmount;
  return waitFor(() => $(shown.root, '[data-testid="rejected-change"]'), 'a refused change');
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.resetModules();
});

/** A note the engine set aside as too large, as engine.pushOrIsolate leaves it. */
async function refusedAsTooLarge(): Promise<LocalDb> {
  const db = freshDb();
  const c = customer();
  await db.customers.add(toLocalCustomer(c));
  const noteId = await addNote(db, { customerId: c.id, text: '会议纪要（很长）', sourceRef: null });
  const entry = await db.outbox.where('entityId').equals(noteId).first();
  await db.outbox.update(entry!.id, { status: 'rejected', code: 'too_large', reason: '5.7 MB' });
  return db;
}

/** Ending a follow-up someone had ended with other words, as the server answers it. */
async function refusedAsAlreadyEnded(): Promise<LocalDb> {
  const db = freshDb();
  await setMeta(db, 'session', { userId: '01a20796-0000-7000-8000-0000000000aa', email: 'me@ourco.example', displayName: 'Mia Chen', organisationId: 'o', organisationName: 'Our Co' });
  const c = customer();
  await db.customers.add(toLocalCustomer(c));
  const id = await createFollowUp(db, { customerId: c.id, dueAt: new Date(Date.now() + 86_400_000).toISOString(), reason: '确认报价' });
  await completeFollowUp(db, id, { status: 'done', outcome: '客户要求再降价' });
  const entry = (await db.outbox.toArray()).find((e) => e.mutation.kind === 'followUp.complete');
  await db.outbox.update(entry!.id, { status: 'rejected', code: 'conflict', reason: 'It was already marked done, with another outcome or rating; reopen it to record yours.' });
  return db;
}

describe('refused changes in the sidebar', () => {
  it.each(['en', 'zh-CN'] as const)('say why a change was too large for the server (%s)', async (language) => {
    const item = await renderIn(language, await refusedAsTooLarge());
    expect(item.dataset.code).toBe('too_large');
    expect(item.textContent).toContain(dictionaries[language]['rejected.code.too_large']);
    expect(item.textContent).toContain('5.7 MB');
    expect(item.textContent).toContain('会议纪要（很长）');
  });

  it.each(['en', 'zh-CN'] as const)('say that a follow-up was already ended differently, with the words not saved (%s)', async (language) => {
    const item = await renderIn(language, await refusedAsAlreadyEnded());
    expect(item.dataset.code).toBe('conflict');
    expect(item.textContent).toContain(dictionaries[language]['mutation.followUp.complete']);
    expect(item.textContent).toContain(dictionaries[language]['rejected.followUp.complete.conflict']);
    expect(item.textContent).toContain('客户要求再降价');
    expect(item.querySelector('[data-testid="dismiss-rejected"]')).not.toBeNull();
  });
});
