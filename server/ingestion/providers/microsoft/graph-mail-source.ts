import type { IngestedMessage, MailSource, Page } from '../../provider';
import type { GraphGet } from './graph-client';
import { mapGraphMessage } from './map-graph-message';

// Immutable ids survive folder moves (provider-facts §3.3); sent on every page, see graph-client.ts.
const PREFER = ['odata.maxpagesize=100', 'IdType="ImmutableId"'];
const SELECT = [
  'id', 'internetMessageId', 'conversationId', 'subject', 'body', 'from', 'sender', 'toRecipients', 'ccRecipients',
  'sentDateTime', 'receivedDateTime', 'isDraft', 'internetMessageHeaders',
].join(',');

/**
 * Outlook mail by delta, one channel per folder (delta is per folder): Inbox, Sent Items and
 * the folders the user chose. The first round is bounded by receivedDateTime (the window); its
 * deltaLink is the cursor. `@removed` entries are not deletions we can trust for mail (a move to
 * another folder looks the same), so removed mail stays on the timeline.
 */
export function graphMailSource(get: GraphGet): MailSource {
  return {
    async fetchPage({ resource, cursor, state, windowStart, signal, attempt }): Promise<Page<IngestedMessage>> {
      const first = `/me/mailFolders/${encodeURIComponent(resource)}/messages/delta?$select=${SELECT}&$filter=${encodeURIComponent(`receivedDateTime ge ${windowStart.toISOString()}`)}`;
      const page = await attempt(() => get(state ?? cursor ?? first, PREFER, signal));
      const items: IngestedMessage[] = [];
      for (const raw of Array.isArray(page.value) ? page.value : []) {
        if (raw && typeof raw === 'object' && '@removed' in raw) continue;
        try {
          items.push(mapGraphMessage(raw, { sent: resource === 'sentitems' }));
        } catch (error) {
          console.warn('[ingestion] skipped an Outlook message without a usable id:', error);
        }
      }
      const nextLink = typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : null;
      const deltaLink = typeof page['@odata.deltaLink'] === 'string' ? page['@odata.deltaLink'] : null;
      return {
        items,
        removed: [],
        next: nextLink ? { state: nextLink } : { cursor: deltaLink ?? cursor ?? first },
        backlog: null,
      };
    },
  };
}
