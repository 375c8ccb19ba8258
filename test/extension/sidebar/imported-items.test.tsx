// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { MailHealth } from '../../../extension/sidebar/components/mail-health';
import { Timeline } from '../../../extension/sidebar/components/timeline';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import type { ImportedSource } from '../../../shared/schemas/timeline';
import { freshDb, timelineItem } from '../local-db/helpers';
import { $, mount, signIn, waitFor } from './render-sidebar';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const source = (over: Partial<ImportedSource> = {}): ImportedSource => ({
  provider: 'google',
  direction: 'inbound',
  subject: '投诉：第三批钢卷表面划伤',
  from: { address: 'wang.fang@baosteel.example', name: '王芳' },
  participants: [
    { address: 'wang.fang@baosteel.example', name: '王芳' },
    { address: 'me@ourco.example', name: 'Mia' },
  ],
  threadRef: 't1',
  endsAt: null,
  location: null,
  sharing: 'private',
  mine: true,
  body: '<img src=x onerror=alert(1)> 4 卷表面有明显划伤',
  ...over,
});

const account = (over: Partial<MailAccount> = {}): MailAccount => ({
  id: uuidv7(),
  provider: 'google',
  address: 'me@ourco.example',
  status: 'active',
  sharing: 'private',
  calendars: [],
  mailFolders: [],
  channels: [{ id: uuidv7(), kind: 'mail', label: 'Gmail', lastSuccessAt: '2026-03-02T09:15:00.000Z', itemsImported: 12, backlog: null, errorKind: null, error: null }],
  updatedAt: '2026-03-02T09:15:00.000Z',
  ...over,
});

describe('imported mail and meetings in the sidebar', () => {
  it('shows who, the subject and the owner’s body as text; a colleague without the subject sees that it is hidden', async () => {
    const db = freshDb();
    await signIn(db);
    const customerId = uuidv7();
    await db.timeline.bulkAdd([
      { ...timelineItem(customerId, { kind: 'email', summary: 'x' }), imported: source() },
      { ...timelineItem(customerId, { kind: 'email', summary: '', occurredAt: '2026-01-01T00:00:00.000Z' }), imported: source({ subject: null, body: null, mine: false, sharing: 'metadata', direction: 'outbound' }) },
    ]);
    const { root, unmount } = mount(db, <Timeline customerId={customerId} />);
    cleanup = unmount;
    const items = await waitFor(() => (root.querySelectorAll('[data-testid="imported"]').length === 2 ? root.querySelectorAll<HTMLElement>('[data-testid="imported"]') : null), 'imported items');
    expect(items[0]!.textContent).toContain('投诉：第三批钢卷表面划伤');
    expect(items[0]!.textContent).toContain('王芳');
    const body = $(items[0]!, '[data-testid="imported-body"]')!;
    expect(body.textContent).toBe('<img src=x onerror=alert(1)> 4 卷表面有明显划伤');
    expect(body.querySelector('img')).toBeNull();
    expect(items[1]!.getAttribute('data-direction')).toBe('outbound');
    expect($(items[1]!, '[data-testid="imported-body"]')).toBeNull();
    expect(items[1]!.textContent).toMatch(/subject not shared|主题未共享/);
  });

  it('the health line shows the last import, or the problem with a Reconnect button', async () => {
    const db = freshDb();
    await signIn(db);
    await db.mailAccounts.put(account());
    const { root, unmount } = mount(db, <MailHealth />);
    cleanup = unmount;
    const line = await waitFor(() => $(root, '[data-testid="mail-health"]'), 'mail health');
    expect(line.getAttribute('data-state')).toBe('ok');
    await db.mailAccounts.put(account({ address: 'old@ourco.example', status: 'reconnect' }));
    await waitFor(() => $(root, '[data-testid="mail-reconnect"]'), 'reconnect button');
    expect($(root, '[data-testid="mail-health"]')!.getAttribute('data-state')).toBe('problem');
    expect($(root, '[data-testid="mail-health"]')!.textContent).toContain('old@ourco.example');
  });
});
