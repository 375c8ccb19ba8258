// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailSelectors as S } from '../../../extension/hosts/gmail/gmail-selectors';
import { bootFixture, fixtureThreads } from './load-gmail-fixture';

// House rule 2: each selector is tied to how many elements it must match in the fixtures.
describe('gmail selectors match the documented counts', () => {
  it('list view', async () => {
    await bootFixture('#inbox');
    expect(document.querySelectorAll(S.main)).toHaveLength(1);
    expect(document.querySelectorAll(S.listRow)).toHaveLength(fixtureThreads.threads.length);
    expect(document.querySelectorAll(S.subject)).toHaveLength(0);
    expect(document.querySelectorAll(S.message)).toHaveLength(0);
  });

  it.each(fixtureThreads.threads.map((t) => [t.id, t] as const))('thread %s', async (_id, thread) => {
    await bootFixture(`#${thread.route}/${thread.id}`);
    expect(document.querySelectorAll(S.main)).toHaveLength(1);
    expect(document.querySelectorAll(S.listRow)).toHaveLength(0);
    expect(document.querySelectorAll(S.subject)).toHaveLength(thread.broken ? 0 : 1);
    const blocks = [...document.querySelectorAll(S.message)];
    expect(blocks).toHaveLength(thread.messages.length);
    for (const block of blocks) {
      expect(block.querySelectorAll(S.sender)).toHaveLength(thread.broken ? 0 : 1);
      if (!thread.broken) expect(block.querySelectorAll(S.recipients).length).toBeGreaterThanOrEqual(1);
    }
  });
});
