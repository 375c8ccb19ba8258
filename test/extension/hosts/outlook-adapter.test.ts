// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { hostContextSchema, type HostContext } from '../../../shared/schemas/host-context';
import { readOutlookContext, readOutlookContextSafely } from '../../../extension/hosts/outlook/outlook-adapter';
import { dateValueOf, oldestFirst } from '../../../extension/hosts/outlook/outlook-order';
import { OutlookReadError } from '../../../extension/hosts/outlook/read-conversation';
import { readPerson } from '../../../extension/hosts/outlook/read-people';
import { watchOutlook } from '../../../extension/hosts/outlook/watch-outlook';
import { bootAppFixture, expectedContextsOf, pushState } from './load-fixture';

const expected = expectedContextsOf('outlook');
const urlOf = (description: RegExp) => expected.find((e) => description.test(e.description))!.url;
const boot = (url: string) => bootAppFixture('outlook', url);

describe('outlook adapter on the fixture pages', () => {
  it.each(expected.map((e) => [e.description, e] as const))('%s', async (_name, { url, expected: want }) => {
    await boot(url);
    const { context } = readOutlookContextSafely(document, location.href, 7);
    expect(hostContextSchema.safeParse(context).success).toBe(true);
    const { seq, url: read, ...rest } = context;
    expect(seq).toBe(7);
    expect(read).toBe(url);
    expect(rest).toEqual(want);
  });

  it('throws inside the adapter when the layout lost its ids', async () => {
    await boot(urlOf(/changed layout/));
    expect(() => readOutlookContext(document, location.href)).toThrow(OutlookReadError);
  });

  it('reads "not rendered yet" when the URL names another conversation of the list than the pane shows', async () => {
    await boot(urlOf(/Doe, John/));
    const other = document.querySelectorAll('[role="option"][data-convid]')[2]!.getAttribute('data-convid')!;
    const href = location.href.replace(/id\/.*$/, `id/${encodeURIComponent(other)}`);
    expect(() => readOutlookContext(document, href)).toThrow(/still shows conversation/);
  });

  it('accepts an item id in the URL beside the conversation the pane shows (single-message view)', async () => {
    await boot(urlOf(/Doe, John/));
    const href = location.href.replace(/id\/.*$/, 'id/AAMkAGI2TG93AAA%3D');
    expect(readOutlookContext(document, href)).toMatchObject({ kind: 'thread', threadId: expect.stringMatching(/^AAQk/) });
  });

  it('refuses to guess the conversation id when the pane has none and two rows are selected', async () => {
    await boot(urlOf(/Doe, John/));
    document.querySelector('#ConversationReadingPaneContainer')!.removeAttribute('data-convid');
    for (const row of document.querySelectorAll('[role="option"]')) row.setAttribute('aria-selected', 'true');
    expect(() => readOutlookContext(document, 'https://outlook.office.com/mail/inbox')).toThrow(/no conversation id/);
  });
});

describe('readPerson', () => {
  const chip = (attrs: Record<string, string>, text: string) => {
    const el = document.createElement('span');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.textContent = text;
    return el;
  };
  it.each([
    [chip({ 'aria-label': 'From: John Doe' }, 'John Doe<john@example.com>'), { email: 'john@example.com', name: 'John Doe' }],
    [chip({ 'aria-label': 'Von: sender@example.com' }, 'sender@example.com'), { email: 'sender@example.com', name: 'sender@example.com' }],
    [chip({ 'aria-label': '发件人: 张伟 <zhang.wei@steel.example.cn>' }, '张伟'), { email: 'zhang.wei@steel.example.cn', name: '张伟' }],
    [chip({ title: 'john.doe@x.example' }, 'Doe, John'), { email: 'john.doe@x.example', name: 'Doe, John' }],
    [chip({ title: 'x@y.example' }, '<img src=x onerror=alert(1)>'), { email: 'x@y.example', name: '<img src=x onerror=alert(1)>' }],
  ])('%#', (el, person) => {
    expect(readPerson(el)).toEqual(person);
  });
  it('gives no person for a name without an address', () => {
    expect(readPerson(chip({ 'aria-label': 'Procurement team' }, 'Procurement team'))).toBeNull();
  });
});

describe('message order', () => {
  it('reads the localised date texts Outlook shows', () => {
    expect(dateValueOf('Thu 9/17/2026 2:52 PM')! > dateValueOf('Thu 9/17/2026 11:52 AM')!).toBe(true);
    expect(dateValueOf('周四 2026/8/20 9:30')! < dateValueOf('周五 2026/8/21 9:30')!).toBe(true);
    expect(dateValueOf('Do 17.09.2026 14:52')).toBe(dateValueOf('Thu 9/17/2026 2:52 PM'));
    expect(dateValueOf('2026/8/20 下午 2:00')).toBe(dateValueOf('2026/8/20 14:00'));
    expect(dateValueOf('Yesterday')).toBeNull();
  });
  it('reverses a newest-first list and keeps an undated one as it is', () => {
    expect(oldestFirst(['b', 'a'], (x) => (x === 'a' ? '2026/1/1 9:00' : '2026/1/2 9:00'))).toEqual(['a', 'b']);
    expect(oldestFirst(['b', 'a'], () => null)).toEqual(['b', 'a']);
  });
});

describe('watchOutlook', () => {
  it('follows pushState navigation (polled) and never shows the previous conversation', async () => {
    await boot('https://outlook.office.com/mail/inbox');
    const seen: HostContext[] = [];
    const controller = new AbortController();
    watchOutlook({ win: window, signal: controller.signal, onContext: (c) => seen.push(c), delayMs: 5, graceMs: 0 });
    expect(seen.at(-1)?.kind).toBe('none');
    // A click on a row: the app pushes the URL and re-renders (no event a content script hears).
    (document.querySelectorAll('[role="option"]')[0] as HTMLElement).click();
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ kind: 'thread', subject: 'Quarterly pricing review' }));
    (document.querySelectorAll('[role="option"]')[1] as HTMLElement).click();
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ kind: 'thread', subject: '关于三季度订单的确认' }));
    await pushState('https://outlook.office.com/mail/inbox');
    await vi.waitFor(() => expect(seen.at(-1)?.kind).toBe('none'));
    controller.abort();
    expect(seen.map((c) => c.kind)).toEqual(['none', 'thread', 'thread', 'none']);
  });
});

describe('outlook compose', () => {
  it('a click on Reply: the compose context keeps the conversation and its messages', async () => {
    await boot(urlOf(/Doe, John/));
    expect(readOutlookContext(document, location.href).kind).toBe('thread');
    document.querySelector<HTMLElement>('[data-icon-name="ArrowReplyRegular"]')!.closest('button')!.click();
    expect(readOutlookContext(document, location.href)).toMatchObject({
      kind: 'compose',
      recipient: { email: 'priya.nair@lakeside-foods.example' },
      threadId: expect.stringMatching(/^AAQk/),
      messages: [{ id: 'QAEIJBK8QAA' }],
    });
    // Reading on (focus back in the page) shows the conversation again.
    (document.activeElement as HTMLElement).blur();
    expect(readOutlookContext(document, location.href).kind).toBe('thread');
  });

  it('an address typed into To (zh-CN labels) becomes the recipient', async () => {
    await boot(urlOf(/zh-CN UI with no recipient/));
    const to = document.querySelector<HTMLElement>('[contenteditable="true"][aria-label="收件人"]')!;
    to.textContent = 'li.na@huadong-trade.example.cn';
    to.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(readOutlookContext(document, location.href)).toMatchObject({ kind: 'compose', recipient: { email: 'li.na@huadong-trade.example.cn' } });
  });
});
