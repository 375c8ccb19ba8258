import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { z } from 'zod';
import type { GoogleConfig } from '../../ingestion-config';
import { createPacer, mapLimited } from '../../pace';
import type { IngestedMessage, MailSource, Page, PageRequest } from '../../provider';
import { dropTokenOn401, googleCall, type GoogleAuthClient } from './google-auth';
import { mapGmailMessage } from './map-gmail-message';
import { gmailBatchGet } from './gmail-batch';
import { toProviderError } from './to-provider-error';
import { ProviderError } from '../../provider-error';

// provider-facts.md §1.7: what each call costs of the 250 units/user/second.
const UNITS = { profile: 1, list: 5, get: 5, history: 2 } as const;
const PAGE_SIZE = 500;
const PARALLEL_BATCHES = 4;
/** One query skips what issue 5 never imports, so it costs no messages.get (spam/trash are excluded by default). */
const SKIP_QUERY = '-category:promotions -category:social -category:updates -category:forums';

const fullState = z.object({ phase: z.literal('full'), historyId: z.string(), pageToken: z.string().nullable() });
const historyState = z.object({ phase: z.literal('history'), startHistoryId: z.string(), pageToken: z.string() });

export function gmailSource(config: GoogleConfig, auth: GoogleAuthClient, timeoutMs: number): MailSource {
  // retry:false: the Google clients would retry 429/5xx three times themselves, ignoring
  // Retry-After; the ingestion's one error handler decides instead (DESIGN.md "Providers").
  const api = gmail({ version: 'v1', auth, rootUrl: `${config.apiUrl}/`, retry: false, timeout: timeoutMs });
  const pacer = createPacer(config.unitsPerSecond);

  /** One request: paced for its quota units, errors mapped, retried as the handler decides. */
  function call<T>(request: PageRequest, units: number, run: () => Promise<T>, cursorCall = false): Promise<T> {
    return request.attempt(async () => {
      await pacer.take(units, request.signal);
      return googleCall(auth, run, cursorCall);
    });
  }

  // Batches of up to 50 (provider-facts §1.6: more is not recommended); under a tight quota
  // smaller ones, so a one-second window fills evenly instead of waiting for a whole batch.
  const batchSize = Math.max(1, Math.min(50, Math.floor(config.unitsPerSecond / UNITS.get / 10)));

  /** Full messages by batch; one that vanished since it was listed (404) is simply not there. */
  async function getMessages(request: PageRequest, ids: string[]): Promise<{ items: IngestedMessage[]; gone: string[] }> {
    const { signal } = request;
    const fetched = new Map<string, unknown>();
    const gone: string[] = [];
    const batches = Array.from({ length: Math.ceil(ids.length / batchSize) }, (_, i) => ids.slice(i * batchSize, (i + 1) * batchSize));
    await mapLimited(batches, PARALLEL_BATCHES, async (batch) => {
      let remaining = batch;
      // Retried as the handler decides; each attempt asks again only for what failed.
      await request.attempt(async () => {
        await pacer.take(UNITS.get * remaining.length, signal);
        let token: string | null | undefined;
        try {
          token = (await auth.getAccessToken()).token;
        } catch (error) {
          throw toProviderError(error);
        }
        const paths = remaining.map((id) => `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?format=full`);
        const answers = await gmailBatchGet(config.apiUrl, token ?? '', paths, AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]));
        const failed: string[] = [];
        let failure: ProviderError | null = null;
        answers.forEach((answer, i) => {
          const id = remaining[i]!;
          if (answer.status === 200) fetched.set(id, answer.body);
          else if (answer.status === 404) gone.push(id);
          else {
            failed.push(id);
            const message = (answer.body as { error?: { message?: string } } | null)?.error?.message ?? `status ${answer.status}`;
            failure ??= toProviderError({ status: answer.status, message, response: { status: answer.status, data: answer.body } });
          }
        });
        remaining = failed;
        if (failure) throw dropTokenOn401(auth, failure);
      });
    });
    const items: IngestedMessage[] = [];
    for (const id of ids) {
      const raw = fetched.get(id);
      if (raw === undefined) continue;
      try {
        items.push(mapGmailMessage(raw));
      } catch (error) {
        // No id at all: nothing to import and nothing to point at; never stops the channel.
        console.warn('[ingestion] skipped a Gmail message without a usable id:', error);
      }
    }
    return { items, gone };
  }

  async function fullPage(request: PageRequest): Promise<Page<IngestedMessage>> {
    const { signal } = request;
    const state = request.state
      ? fullState.parse(JSON.parse(request.state))
      : {
          phase: 'full' as const,
          // Taken before listing: changes during the pass are replayed by history afterwards.
          historyId: String((await call(request, UNITS.profile, () => api.users.getProfile({ userId: 'me' }, { signal }))).data.historyId),
          pageToken: null,
        };
    const after = Math.floor(request.windowStart.getTime() / 1000);
    const list: gmail_v1.Schema$ListMessagesResponse = (
      await call(request, UNITS.list, () =>
        api.users.messages.list(
          { userId: 'me', q: `after:${after} ${SKIP_QUERY}`, maxResults: PAGE_SIZE, pageToken: state.pageToken ?? undefined },
          { signal },
        ),
      )
    ).data;
    const ids = (list.messages ?? []).map((m) => m.id).filter((id): id is string => Boolean(id));
    const { items } = await getMessages(request, ids);
    return {
      items,
      removed: [],
      next: list.nextPageToken ? { state: JSON.stringify({ ...state, pageToken: list.nextPageToken }) } : { cursor: state.historyId },
      backlog: list.nextPageToken ? Math.max(0, (list.resultSizeEstimate ?? 0) - ids.length) : 0,
    };
  }

  async function historyPage(request: PageRequest & { cursor: string }): Promise<Page<IngestedMessage>> {
    const { signal } = request;
    const state = request.state ? historyState.parse(JSON.parse(request.state)) : null;
    const startHistoryId = state?.startHistoryId ?? request.cursor;
    const res = (
      await call(
        request,
        UNITS.history,
        () =>
          api.users.history.list(
            {
              userId: 'me',
              startHistoryId,
              historyTypes: ['messageAdded', 'messageDeleted', 'labelAdded'],
              maxResults: 500,
              pageToken: state?.pageToken,
            },
            { signal },
          ),
        true,
      )
    ).data;
    const added = new Set<string>();
    const removed = new Set<string>();
    for (const record of res.history ?? []) {
      for (const a of record.messagesAdded ?? []) if (a.message?.id) added.add(a.message.id);
      for (const d of record.messagesDeleted ?? []) if (d.message?.id) removed.add(d.message.id);
      // provider-facts §1.5: trash shows as labelsAdded TRASH; spam likewise.
      for (const l of record.labelsAdded ?? []) {
        if (l.message?.id && (l.labelIds ?? []).some((id) => id === 'TRASH' || id === 'SPAM')) removed.add(l.message.id);
      }
    }
    for (const id of removed) added.delete(id);
    const { items, gone } = await getMessages(request, [...added]);
    return {
      items,
      removed: [...removed, ...gone],
      next: res.nextPageToken
        ? { state: JSON.stringify({ phase: 'history', startHistoryId, pageToken: res.nextPageToken }) }
        : { cursor: String(res.historyId ?? startHistoryId) },
      backlog: null,
    };
  }

  return {
    fetchPage(request) {
      return request.cursor === null ? fullPage(request) : historyPage({ ...request, cursor: request.cursor });
    },
  };
}
