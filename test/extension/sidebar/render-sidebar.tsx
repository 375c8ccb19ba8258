import { render, type ComponentChildren } from 'preact';
import type { LocalDb } from '../../../extension/local-db/db';
import { setMeta } from '../../../extension/local-db/meta';
import { localSidebarData } from '../../../extension/sidebar/data/local-data';
import { SidebarDataContext } from '../../../extension/sidebar/data/sidebar-data';
import type { ComposeContext, HostContext, ThreadContext } from '../../../shared/schemas/host-context';
import { App } from '../../../extension/sidebar/app';

/**
 * Component tests render the real sidebar components on the real local-db queries and
 * mutations (fake-indexeddb), in happy-dom; only the host page is imagined.
 */
export function mount(db: LocalDb, children: ComponentChildren): { root: HTMLElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  render(<SidebarDataContext.Provider value={localSidebarData(db)}>{children}</SidebarDataContext.Provider>, root);
  return {
    root,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

export const ME = { userId: '01a20796-0000-7000-8000-0000000000aa', email: 'me@ourco.example' };

export async function signIn(db: LocalDb): Promise<void> {
  await setMeta(db, 'session', { ...ME, displayName: 'Mia Chen', organisationId: 'o', organisationName: 'Our Co' });
  // An administrator: the whole file is offered (what others are offered: access-aware tests).
  await db.members.put({ id: ME.userId, email: ME.email, displayName: 'Mia Chen', role: 'admin', departmentId: null, active: true });
  await setMeta(db, 'syncState', 'idle');
}

export function threadContext(sender: { email: string; name: string }, others: { email: string; name: string }[] = []): ThreadContext {
  return {
    host: 'gmail',
    kind: 'thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/18f3a2b4c5d6e7f1',
    seq: 1,
    threadId: '18f3a2b4c5d6e7f1',
    subject: 'Spring order',
    sender: { ...sender, role: 'from' },
    participants: [{ ...sender, role: 'from' }, { email: ME.email, name: 'Mia Chen', role: 'to' }, ...others.map((o) => ({ ...o, role: 'cc' as const }))],
    messages: [{ id: '18f3a2b4c5d6e7f1', from: sender.email }],
    account: ME.email,
  };
}

export function composeContext(to: { email: string; name: string } | null, threadId: string | null = null): ComposeContext {
  const recipients = to ? [{ ...to, role: 'to' as const }] : [];
  return {
    host: 'outlook',
    kind: 'compose',
    url: 'https://outlook.office.com/mail/deeplink/compose',
    seq: 1,
    threadId,
    subject: 'Price list',
    recipient: recipients[0] ?? null,
    recipients,
    messages: [],
    account: ME.email,
  };
}

/** The whole sidebar app showing one context, as the content script's feed would deliver it. */
export function mountApp(db: LocalDb, context: HostContext): { root: HTMLElement; unmount: () => void } {
  const feed = { current: () => context, subscribe: () => () => undefined };
  return mount(db, <App feed={feed} />);
}

/** Waits until `find` returns something (live queries answer asynchronously). */
export async function waitFor<T>(find: () => T | null | undefined | false, what = 'element', timeout = 3000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not appear; DOM:\n${document.body.innerHTML.slice(0, 20000)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function $(root: ParentNode, selector: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(selector);
}

/** Lets Preact render what the last event changed (it renders after a microtask/timeout). */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Types into an input, textarea or select the way a person does (input + change events). */
export async function type(element: Element | null, value: string): Promise<void> {
  if (!element) throw new Error('no element to type into');
  (element as HTMLInputElement).value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
}

export function click(element: Element | null): void {
  if (!element) throw new Error('no element to click');
  (element as HTMLElement).click();
}

/** Submits the form the element is in (happy-dom does not submit on a button click everywhere). */
export function submit(element: Element | null): void {
  const form = element?.closest('form');
  if (!form) throw new Error('no form to submit');
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}
