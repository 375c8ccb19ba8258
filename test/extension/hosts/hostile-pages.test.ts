// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hostContextSchema, type HostContext } from '../../../shared/schemas/host-context';
import { watchHost } from '../../../extension/hosts/dom/watch-host';
import { readOutlookContextSafely } from '../../../extension/hosts/outlook/outlook-adapter';
import { pageText, recognise } from '../../../extension/hosts/portal/recognise';
import { bootAppFixture, expectedContextsOf } from './load-fixture';

// Hostile page content: script-like names stay text, and enormous pages or thousands of
// addresses cost bounded work (fixed caps on what is read, and reads batched and spaced).

const SCRIPTY = '<img src=x onerror="window.__pwned=1">';

describe('script-like names', () => {
  // (Gmail's: gmail-adapter.test.ts; one fixture app per test file, they share the window.)
  it('reach the context as plain text, never parsed (Outlook)', async () => {
    await bootAppFixture('outlook', expectedContextsOf('outlook').find((e) => /Doe, John/.test(e.description))!.url);
    const chip = document.querySelector('[id$="_FROM"] [role="button"]')!;
    chip.textContent = `${SCRIPTY}<priya.nair@lakeside-foods.example>`;
    const outlook = readOutlookContextSafely(document, location.href, 1).context;
    expect(outlook).toMatchObject({ kind: 'thread', sender: { name: SCRIPTY } });
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('enormous pages', () => {
  it('a thread with 3,000 messages and recipients is read up to the bounds the schema allows', async () => {
    await bootAppFixture('outlook', expectedContextsOf('outlook').find((e) => /Doe, John/.test(e.description))!.url);
    const list = document.querySelector('#ConversationReadingPaneContainer [role="list"]')!;
    for (let i = 0; i < 3000; i++) {
      const heading = document.createElement('span');
      heading.setAttribute('role', 'heading');
      heading.id = `MSG_K${i}_FROM`;
      heading.textContent = `Person ${i}<p${i}@bulk-${i % 7}.example>`;
      list.append(heading);
    }
    const context = readOutlookContextSafely(document, location.href, 1).context;
    expect(hostContextSchema.safeParse(context).success).toBe(true);
    if (context.kind !== 'thread') throw new Error(`expected a thread, got ${context.kind}`);
    expect(context.messages.length).toBeLessThanOrEqual(500);
    expect(context.participants.length).toBeLessThanOrEqual(500);
  });

  it('a portal page with 10,000 addresses and megabytes of text yields at most 50 clues from 200,000 characters', () => {
    const block = Array.from({ length: 10_000 }, (_, i) => `customer${i}@bulk.example`).join(' ');
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = `${block} ${'x'.repeat(3_000_000)}`;
    document.body.append(p);
    expect(pageText(document).length).toBeLessThanOrEqual(200_000);
    const { clues } = recognise(document, null);
    expect(clues.length).toBe(50);
  });
});

describe('a page that never stops mutating', () => {
  it('is read in batches spaced by the read cost, not once per mutation', async () => {
    document.body.replaceChildren();
    let reads = 0;
    let mutations = 0;
    const controller = new AbortController();
    const none = (seq: number): HostContext => ({ host: 'portal', kind: 'none', url: location.href, seq });
    watchHost(
      {
        host: 'portal',
        attributes: ['class'],
        read: (_doc, _href, seq) => {
          reads++;
          // A read that costs 4 ms (a large page): the next may come 40 ms later at the earliest.
          const until = performance.now() + 4;
          while (performance.now() < until);
          return { context: none(seq), error: null };
        },
      },
      { win: window, signal: controller.signal, onContext: () => undefined, delayMs: 5 },
    );
    const started = Date.now();
    while (Date.now() - started < 600) {
      for (let i = 0; i < 50; i++, mutations++) document.body.append(document.createElement('i'));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    controller.abort();
    expect(mutations).toBeGreaterThan(1000);
    // 600 ms / (10 × 4 ms) ≈ 15 reads, plus the first one; a read per mutation would be > 1,000.
    expect(reads).toBeLessThanOrEqual(20);
    expect(reads).toBeGreaterThanOrEqual(3);
  });
});

describe('a mail copied to thousands', () => {
  it('keeps its sender when the participants are cut to the bound', async () => {
    const { participantsOf } = await import('../../../extension/hosts/dom/thread-parts');
    const cc = Array.from({ length: 2000 }, (_, i) => ({ email: `p${i}@bulk.example`, name: `P ${i}` }));
    const participants = participantsOf([{ id: 'a', from: { email: 'writer@client.example', name: 'Writer' }, to: [], cc }]);
    expect(participants).toHaveLength(500);
    expect(participants[0]).toEqual({ email: 'writer@client.example', name: 'Writer', role: 'from' });
    expect(participants.at(-1)?.email).toBe('p1999@bulk.example');
  });
});
