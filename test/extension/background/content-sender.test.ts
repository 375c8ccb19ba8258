import { fakeBrowser } from '../support/fake-chrome';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSenderOf } from '../../../extension/background/content-sender';
import { lastTabContext, storeTabContext } from '../../../extension/background/tab-state';

const sender = (url: string, extra: Record<string, unknown> = {}) => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: 7 } as never,
  ...extra,
});

const none = (url: string) => ({ host: 'gmail' as const, kind: 'none' as const, url, seq: 5 });

/** The approved portal of these tests (Chrome's scripting and permissions APIs stand in here). */
const APPROVED = 'https://support.acme-helpdesk.example';
function approveOnly(origin: string): void {
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async (filter?: { ids?: string[] }) =>
    (filter?.ids ?? [`portal:${origin}`]).filter((id) => id === `portal:${origin}`).map((id) => ({ id, js: [], matches: [] }))) as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async (p: { origins?: string[] }) =>
    (p.origins ?? []).every((o) => o === `${origin}/*`)) as never);
}

describe('contentSenderOf', () => {
  beforeEach(() => approveOnly(APPROVED));

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/inbox', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://partner.outlook.cn/mail/inbox', 'outlook'],
  ])('%s is the %s content script', async (url, host) => {
    expect(await contentSenderOf(sender(url))).toEqual({ tabId: 7, host, origin: new URL(url).origin });
  });

  it.each([
    ['a look-alike host', sender('https://mail.google.com.evil.example/mail/')],
    ['plain http', sender('http://mail.google.com/mail/')],
    ['a subframe', sender('https://mail.google.com/mail/', { frameId: 3 })],
    ['another extension', sender('https://mail.google.com/mail/', { id: 'someone-else' })],
    ['no tab', sender('https://mail.google.com/mail/', { tab: undefined })],
    ['a site nobody approved', sender('https://helpdesk.example/ticket/1')],
    ['a sub-domain of the approved portal', sender('https://evil.support.acme-helpdesk.example/tickets/1')],
  ])('refuses %s', async (_name, s) => {
    expect(await contentSenderOf(s)).toBeNull();
  });

  it('an approved portal is the portal host, on its own origin', async () => {
    expect(await contentSenderOf(sender(`${APPROVED}/tickets/4711.html`))).toEqual({ tabId: 7, host: 'portal', origin: APPROVED });
  });
});

describe('storeTabContext', () => {
  beforeEach(() => fakeBrowser.reset());
  const gmail = { tabId: 7, host: 'gmail' as const, origin: 'https://mail.google.com' };

  it('keeps a context of the sender host and origin', async () => {
    expect(await storeTabContext(gmail, none('https://mail.google.com/mail/u/0/#inbox'))).toMatchObject({ kind: 'none' });
    expect(await lastTabContext(7)).toMatchObject({ kind: 'none', host: 'gmail' });
  });

  it('drops a context that claims another host or another origin', async () => {
    expect(await storeTabContext(gmail, { ...none('https://mail.google.com/'), host: 'outlook' })).toBeNull();
    expect(await storeTabContext(gmail, none('https://outlook.office.com/mail/'))).toBeNull();
    expect(await lastTabContext(7)).toBeNull();
  });

  it('never lets a late context overwrite a newer one', async () => {
    expect(await storeTabContext(gmail, { ...none('https://mail.google.com/'), seq: 9 })).not.toBeNull();
    expect(await storeTabContext(gmail, { ...none('https://mail.google.com/#late'), seq: 8 })).toBeNull();
    expect((await lastTabContext(7))?.seq).toBe(9);
  });
});
