import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleProvider } from '../../../../server/ingestion/providers/google/google-provider';
import type { IngestedMessage, MailSource, Page } from '../../../../server/ingestion/provider';
import { withRetries } from '../../../../server/ingestion/handle-provider-error';
import { ProviderError } from '../../../../server/ingestion/provider-error';
import { grantThroughFake } from '../../../fakes/connect-fake';
import { FakeGoogle } from '../../../fakes/fake-google';
import { configForFakes } from '../../../fakes/provider-config';

const ME = 'mia@ourco.example';
const day = 24 * 3600 * 1000;
let fake: FakeGoogle;
let source: MailSource;

const spec = (n: number, extra: Partial<Parameters<FakeGoogle['addMessage']>[1]> = {}) => ({
  messageId: `m${n}@northwind.example`,
  from: { address: 'olivia@northwind.example', name: 'Olivia Park' },
  to: [{ address: ME, name: 'Mia' }],
  subject: `Order ${n}`,
  date: new Date(Date.now() - (n + 1) * 3600_000),
  text: `Hello ${n}`,
  labels: ['INBOX'],
  ...extra,
});

async function drain(request: { cursor: string | null }): Promise<{ items: IngestedMessage[]; removed: string[]; cursor: string }> {
  const items: IngestedMessage[] = [];
  const removed: string[] = [];
  let state: string | null = null;
  for (;;) {
    const page: Page<IngestedMessage> = await source.fetchPage({
      resource: 'mail',
      cursor: request.cursor,
      state,
      windowStart: new Date(Date.now() - 90 * day),
      signal: AbortSignal.timeout(10_000),
      attempt: (request) => request(),
    });
    items.push(...page.items);
    removed.push(...page.removed);
    if ('cursor' in page.next) return { items, removed, cursor: page.next.cursor };
    state = page.next.state;
  }
}

describe('Gmail through @googleapis/gmail against the fake', () => {
  beforeAll(async () => {
    fake = await new FakeGoogle().start();
    for (let n = 0; n < 230; n++) fake.addMessage(ME, spec(n));
    fake.addMessage(ME, spec(900, { labels: ['INBOX', 'CATEGORY_PROMOTIONS'], subject: 'Sale!' }));
    fake.addMessage(ME, spec(901, { labels: ['SPAM'], subject: 'Spam' }));
    fake.addMessage(ME, spec(902, { date: new Date(Date.now() - 120 * day), subject: 'Too old' }));
    const provider = googleProvider(configForFakes({ google: fake.url }));
    const granted = await grantThroughFake(provider, ME);
    expect(granted.address).toBe(ME);
    source = provider.connect(granted.refreshToken, { saveRefreshToken: async () => undefined }).mail;
  });
  afterAll(() => fake.close());

  it('imports the window in pages, skipping categories, spam and older mail, then follows history', async () => {
    const full = await drain({ cursor: null });
    expect(full.items).toHaveLength(230);
    expect(new Set(full.items.map((m) => m.subject)).has('Sale!')).toBe(false);
    expect(full.items.every((m) => m.from?.address === 'olivia@northwind.example')).toBe(true);

    const added = fake.addMessage(ME, spec(500, { subject: '新订单' }));
    const trashed = full.items[0]!.providerId;
    fake.mailbox(ME).addLabels(trashed, ['TRASH']);
    fake.addMessage(ME, spec(501, { labels: ['INBOX', 'CATEGORY_SOCIAL'] }));
    const next = await drain({ cursor: full.cursor });
    expect(next.items.filter((m) => m.skip === null).map((m) => m.providerId)).toEqual([added]);
    expect(next.items.find((m) => m.skip !== null)?.skip).toBe('category');
    expect(next.removed).toEqual([trashed]);
  });

  it('an expired historyId is cursor-invalid; a revoked grant is auth-revoked', async () => {
    const { cursor } = await drain({ cursor: null });
    fake.mailbox(ME).expireHistory();
    fake.addMessage(ME, spec(600));
    await expect(drain({ cursor })).rejects.toMatchObject({ kind: 'cursor-invalid' });
    fake.oauth.revoke(ME);
    fake.oauth.expireAccessTokens();
    // The first call meets a 401 (temporary: the access token is dropped); the handler's retry
    // refreshes and learns the grant is dead.
    const error = await withRetries(() => drain({ cursor: null }), { signal: new AbortController().signal, sleep: async () => undefined }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth-revoked' });
    fake.oauth.restore(ME);
  });
});
