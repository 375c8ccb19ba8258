// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { hostContextSchema, type HostContext } from '../../../shared/schemas/host-context';
import { readGmailContext, readGmailContextSafely } from '../../../extension/hosts/gmail/gmail-adapter';
import { GmailReadError, normaliseMessageId, readAccount } from '../../../extension/hosts/gmail/read-thread';
import { watchGmail } from '../../../extension/hosts/gmail/watch-gmail';
import { bootAppFixture } from './load-fixture';
import { bootFixture, expectedContexts, navigate } from './load-gmail-fixture';

describe('gmail adapter on the fixture pages', () => {
  it.each(expectedContexts.map((c) => [c.description, c] as const))('%s', async (_name, { url: at, expected }) => {
    await bootAppFixture('gmail', at);
    const { context } = readGmailContextSafely(document, location.href, 7);
    expect(hostContextSchema.safeParse(context).success).toBe(true);
    const { seq, url, ...rest } = context;
    expect(seq).toBe(7);
    expect(url).toBe(at);
    expect(rest).toEqual(expected);
  });

  it('throws inside the adapter for a thread view without its parts', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f7');
    expect(() => readGmailContext(document, location.href)).toThrow(GmailReadError);
  });

  it('refuses to guess between two visible subjects', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f1');
    const main = document.querySelector('div[role="main"]')!;
    main.append(document.querySelector('h2.hP')!.cloneNode(true));
    expect(() => readGmailContext(document, location.href)).toThrow(/ambiguous/);
  });
});

describe('unusual addresses', () => {
  it('keeps internationalised addresses and leaves out unusable ones instead of failing the thread', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f1');
    const header = document.querySelector('.hb')!;
    for (const email of ['用户@例子.中国', 'a@xn--fsqu00a.xn--fiqs8s', 'not-an-address', '<b>@x.com']) {
      const span = document.createElement('span');
      span.className = 'g2';
      span.setAttribute('email', email);
      span.setAttribute('name', email);
      header.append(span);
    }
    const context = readGmailContextSafely(document, location.href, 1).context;
    expect(context.kind).toBe('thread');
    if (context.kind !== 'thread') return;
    const emails = context.participants.map((p) => p.email);
    expect(emails).toContain('用户@例子.中国');
    expect(emails).toContain('a@xn--fsqu00a.xn--fiqs8s');
    expect(emails).not.toContain('not-an-address');
    expect(emails).not.toContain('<b>@x.com');
  });
});

describe('script-like names', () => {
  it('reach the context as plain text, never parsed', async () => {
    const scripty = '<img src=x onerror="window.__pwned=1">';
    await bootFixture('#inbox/18f3a2b4c5d6e7f1');
    document.querySelector('span.gD')!.setAttribute('name', scripty);
    expect(readGmailContextSafely(document, location.href, 1).context).toMatchObject({ kind: 'thread', sender: { name: scripty } });
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('stale DOM after navigation', () => {
  it('reads "not rendered yet" when the URL names another thread than the DOM shows', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f1');
    const other = location.href.replace('18f3a2b4c5d6e7f1', '18f3a2b4c5d6e7f2');
    expect(() => readGmailContext(document, other)).toThrow(/still shows thread 18f3a2b4c5d6e7f1/);
  });
});

describe('message ids', () => {
  it('reads legacy hex ids, decodes msg-f decimals and gives drafts no id', () => {
    expect(normaliseMessageId('18F3A2B4C5D6E7A1')).toBe('18f3a2b4c5d6e7a1');
    expect(normaliseMessageId('#msg-f:1797959573547968497')).toBe('18f3a2b4c5d6e7f1');
    expect(normaliseMessageId('#msg-a:r-123456')).toBeNull();
    expect(normaliseMessageId('undefined')).toBeNull();
    expect(normaliseMessageId('<img onerror=x>')).toBeNull();
  });

  it('lists a just-sent reply by its data-message-id and leaves a draft out', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f5');
    const blocks = [...document.querySelectorAll('div.adn')];
    // Gmail gives a just-sent reply only data-message-id until it syncs (host-dom-facts §2).
    blocks[3]!.removeAttribute('data-legacy-message-id');
    blocks[2]!.setAttribute('data-legacy-message-id', '');
    blocks[2]!.setAttribute('data-message-id', '#msg-a:r-42');
    const context = readGmailContext(document, location.href);
    if (context.kind !== 'thread') throw new Error('expected a thread');
    expect(context.messages.map((m) => m.id)).toEqual(['18f3a2b4c5d6e7a1', '18f3a2b4c5d6e7a2', '18f3a2b4c5d6e7a4']);
    expect(context.messages.map((m) => m.from)).toEqual([
      'daniel.kim@northwind.example',
      'ben.wright@ourco.example',
      'daniel.kim@northwind.example',
    ]);
  });
});

describe('readAccount', () => {
  it('reads the address before the product name', () => {
    expect(readAccount('Inbox - someone@company.com - Gmail')).toBe('someone@company.com');
    expect(readAccount('Re: a - b - x@y.com - Gmail')).toBe('x@y.com');
    expect(readAccount('Gmail')).toBeNull();
  });
});

describe('watchGmail', () => {
  it('follows SPA navigation and emits each context once with increasing seq', async () => {
    await bootFixture('#inbox');
    const seen: HostContext[] = [];
    const controller = new AbortController();
    // popstate comes before the app's render on hashchange: that first read sees the old thread,
    // which within the grace period shows 'none' (never the old thread) and is read again.
    watchGmail({ win: window, signal: controller.signal, onContext: (c) => seen.push(c), delayMs: 5, graceMs: 150 });
    await navigate('#inbox/18f3a2b4c5d6e7f2');
    await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('thread'));
    await navigate('#inbox/18f3a2b4c5d6e7f3');
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ threadId: '18f3a2b4c5d6e7f3' }));
    // Navigation is read at once, so the warning can come during navigate() itself.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await navigate('#inbox/18f3a2b4c5d6e7f7');
    await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('unreadable'));
    controller.abort();
    const kinds = seen.map((c) => c.kind).filter((kind, i) => i === 0 || kind !== 'none');
    expect(kinds, JSON.stringify(seen.map((c) => [c.kind, c.url]))).toEqual(['none', 'thread', 'thread', 'unreadable']);
    expect(seen.filter((c) => c.kind === 'thread').map((c) => c.kind === 'thread' && c.threadId)).toEqual(['18f3a2b4c5d6e7f2', '18f3a2b4c5d6e7f3']);
    const seqs = seen.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows "none" (never the previous thread) while a new thread is still rendering', async () => {
    await bootFixture('#inbox/18f3a2b4c5d6e7f1');
    const seen: HostContext[] = [];
    const controller = new AbortController();
    watchGmail({ win: window, signal: controller.signal, onContext: (c) => seen.push(c), delayMs: 5, graceMs: 200 });
    expect(seen.at(-1)?.kind).toBe('thread');
    // Navigation is read at once, so the warning can come during navigate() itself.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await navigate('#inbox/18f3a2b4c5d6e7f7');
    await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('none'));
    await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('unreadable'), { timeout: 1000 });
    controller.abort();
    warn.mockRestore();
  });
});

describe('compose windows', () => {
  const B = 'https://mail.google.com/mail/u/0/';

  it('a compose window left open while reading another thread does not hide that thread', async () => {
    await bootAppFixture('gmail', `${B}#inbox/18f3a2b4c5d6e7f1?compose=new`);
    // The fixture focuses the new compose window, as Gmail does when it opens one.
    expect(readGmailContext(document, location.href)).toMatchObject({ kind: 'compose', recipient: { email: 'olivia.park@northwind.example' } });
    (document.activeElement as HTMLElement).blur();
    expect(readGmailContext(document, location.href)).toMatchObject({ kind: 'thread', threadId: '18f3a2b4c5d6e7f1' });
  });

  it('focus in our own sidebar keeps the compose the user was writing', async () => {
    await bootAppFixture('gmail', `${B}#inbox/18f3a2b4c5d6e7f1?compose=new`);
    expect(readGmailContext(document, location.href).kind).toBe('compose');
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-inbox-crm-wrapper', 'sidebar');
    const button = document.createElement('button');
    wrapper.append(button);
    document.body.append(wrapper);
    button.focus();
    expect(readGmailContext(document, location.href).kind).toBe('compose');
  });

  it('a recipient typed into the compose window is read at once', async () => {
    await bootAppFixture('gmail', `${B}#inbox?compose=empty`);
    const seen: HostContext[] = [];
    const controller = new AbortController();
    watchGmail({ win: window, signal: controller.signal, onContext: (c) => seen.push(c), delayMs: 5, graceMs: 0 });
    expect(seen.at(-1)).toMatchObject({ kind: 'compose', recipient: null });
    const input = document.querySelector<HTMLInputElement>('.anm[name="to"] input')!;
    input.value = 'marco.rossi@newco-trading.example';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ kind: 'compose', recipient: { email: 'marco.rossi@newco-trading.example' } }), { timeout: 3000 });
    controller.abort();
  });
});
