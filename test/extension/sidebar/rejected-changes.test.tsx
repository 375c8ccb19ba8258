// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dictionaries, type Language } from '../../../extension/i18n';
import type { LocalDb } from '../../../extension/local-db/db';
import { addNote } from '../../../extension/local-db/mutations/add-note';
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

describe('refused changes in the sidebar', () => {
  it.each(['en', 'zh-CN'] as const)('say why a change was too large for the server (%s)', async (language) => {
    const item = await renderIn(language, await refusedAsTooLarge());
    expect(item.dataset.code).toBe('too_large');
    expect(item.textContent).toContain(dictionaries[language]['rejected.code.too_large']);
    expect(item.textContent).toContain('5.7 MB');
    expect(item.textContent).toContain('会议纪要（很长）');
  });
});
