// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../../extension/local-db/queries/search';
import { pinyinRomaniser } from '../../../extension/local-db/search/pinyin-romaniser';
import { setRomaniser } from '../../../extension/local-db/search/romaniser';
import { SearchBox } from '../../../extension/sidebar/components/search-box';
import { SelectedCustomer } from '../../../extension/sidebar/components/selected-customer';
import { localSidebarData } from '../../../extension/sidebar/data/local-data';
import { freshDb, localContact, localCustomer } from '../local-db/helpers';
import { $, mount, signIn, tick, type, waitFor } from './render-sidebar';

let cleanup: (() => void) | undefined;
beforeEach(() => setRomaniser(pinyinRomaniser));
afterEach(() => {
  cleanup?.();
  setRomaniser(null);
});

const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="search-result"]')];
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

async function withReplica() {
  const db = freshDb();
  await signIn(db);
  const bao = localCustomer({ name: '上海宝钢集团', customerClass: 'A', emailDomains: ['baosteel.example'] });
  const zwick = localCustomer({ name: 'Zwick Roell', customerClass: null, emailDomains: [] });
  await db.customers.bulkAdd([bao, zwick]);
  await db.contacts.add(localContact(bao.id, { name: '张伟', emails: ['wei.zhang@baosteel.example'] }));
  return { db, bao, zwick };
}

describe('search box', () => {
  it('shows customer, class, owner and the matching contact; arrows and Enter pick a result', async () => {
    const { db, bao } = await withReplica();
    const picked: SearchHit[] = [];
    const { root, unmount } = mount(db, <SearchBox search={localSidebarData(db).search} onPick={(h) => picked.push(h)} />);
    cleanup = unmount;
    const input = $(root, '[data-testid="search-input"]')!;
    await type(input, 'zw');
    await waitFor(() => $(root, '[data-testid="search-results"][data-query="zw"]'), 'results for zw');
    const [first, second] = items(root);
    expect(first!.textContent).toContain('Zwick Roell');
    expect(second!.getAttribute('data-kind')).toBe('contact');
    expect(second!.textContent).toContain('上海宝钢集团');
    expect(second!.textContent).toContain('张伟 <wei.zhang@baosteel.example>');
    expect(second!.querySelector('.badge')?.textContent).toBe('A');
    expect(first!.getAttribute('aria-selected')).toBe('true');

    key(input, 'ArrowDown');
    await tick();
    expect(items(root)[1]!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowDown'); // wraps around
    await tick();
    expect(items(root)[0]!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowUp');
    await tick();
    key(input, 'Enter');
    await tick();
    expect(picked.map((h) => h.customer.id)).toEqual([bao.id]);
    expect((input as HTMLInputElement).value).toBe('');
    expect(items(root)).toHaveLength(0);
  });

  it('says when nothing matches, and Escape clears the text', async () => {
    const { db } = await withReplica();
    const { root, unmount } = mount(db, <SearchBox search={localSidebarData(db).search} />);
    cleanup = unmount;
    const input = $(root, '[data-testid="search-input"]')!;
    await type(input, 'qqq');
    const status = await waitFor(() => $(root, '[data-testid="search-status"][data-state="none"]'), 'no results');
    expect(status.textContent).toContain('“qqq”');
    key(input, 'Escape');
    await tick();
    expect($(root, '[data-testid="search-status"]')).toBeNull();
  });

  it('runs one query at a time, asks for the newest text next, and never shows an older answer', async () => {
    const calls: { text: string; resolve: (hits: SearchHit[]) => void }[] = [];
    const search = vi.fn((text: string) => new Promise<SearchHit[]>((resolve) => calls.push({ text, resolve })));
    const db = freshDb();
    const { root, unmount } = mount(db, <SearchBox search={search} />);
    cleanup = unmount;
    const input = $(root, '[data-testid="search-input"]')!;
    await type(input, 'z');
    await type(input, 'zh');
    await type(input, 'zha');
    expect(calls.map((c) => c.text)).toEqual(['z']); // 'zh' is skipped: 'zha' is the newest when 'z' ends
    calls[0]!.resolve([]);
    await waitFor(() => calls.length === 2, 'second query');
    expect(calls[1]!.text).toBe('zha');
    // The answer for 'z' was dropped: it is not the text in the box.
    expect($(root, '[data-query="z"]')).toBeNull();
    calls[1]!.resolve([]);
    await waitFor(() => $(root, '[data-query="zha"]'), 'answer for zha');
    expect(search).toHaveBeenCalledTimes(2);
  });
});

describe('selected customer', () => {
  it('shows the customer found by search with its contacts, and goes back', async () => {
    const { db, bao } = await withReplica();
    const back = vi.fn();
    const { root, unmount } = mount(db, <SelectedCustomer id={bao.id} onBack={back} />);
    cleanup = unmount;
    await waitFor(() => $(root, '[data-testid="selected-customer-name"]'), 'selected customer');
    expect($(root, '[data-testid="selected-customer-name"]')!.textContent).toBe('上海宝钢集团');
    await waitFor(() => $(root, '[data-testid="contacts"]')?.textContent?.includes('张伟'), 'contacts');
    $(root, '[data-testid="search-back"]')!.click();
    expect(back).toHaveBeenCalledOnce();
  });
});
