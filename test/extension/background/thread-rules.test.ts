import { describe, expect, it, vi } from 'vitest';
import { runThreadRules, type ThreadRule } from '../../../extension/background/thread-rules/index';
import { threadContext } from '../sidebar/render-sidebar';
import { freshDb } from '../local-db/helpers';

describe('thread rules runner', () => {
  it('runs every rule, reports a change if any rule made one, and survives a failing rule', async () => {
    const db = freshDb();
    const context = threadContext({ email: 'olivia.park@northwind.example', name: 'Olivia Park' });
    const seen: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rules: ThreadRule[] = [
      async (_db, c) => (seen.push(`first ${c.threadId}`), false),
      async () => Promise.reject(new Error('broken rule')),
      async () => (seen.push('third'), true),
    ];
    expect(await runThreadRules(db, context, rules)).toBe(true);
    expect(seen).toEqual(['first 18f3a2b4c5d6e7f1', 'third']);
    expect(warn).toHaveBeenCalledWith('[inbox-crm] a thread rule failed', expect.any(Error));
    expect(await runThreadRules(db, context, rules.slice(0, 2))).toBe(false);
    warn.mockRestore();
  });
});
