import type { Entity } from '../../shared/schemas/sync';
import type { ImportedItem, MailboxRef } from '../storage/repositories/imported-items';
import type { Repositories } from '../storage/repositories/index';
import type { SyncChannelRow } from '../storage/repositories/sync-channels';
import { externalAddresses, linkEvent, linkMessage, loadPageLookups, type OrgContext } from './link-items';
import { threadKeyOf, type MessageLinked } from './message-linked';
import type { IngestedEvent, IngestedMessage, Page } from './provider';

export type AnyPage = { kind: 'mail'; page: Page<IngestedMessage> } | { kind: 'calendar'; page: Page<IngestedEvent> };

/**
 * One provider page in one transaction: link, upsert, drop removed items, append the change log
 * and move the channel's checkpoint (or cursor). A crash before COMMIT leaves the old
 * checkpoint and no rows; after it, the new checkpoint and all rows: resuming never loses or
 * doubles anything (and the upserts would absorb a replay anyway).
 */
export async function storePage(
  repos: Repositories,
  box: MailboxRef & { address: string; webHost: string },
  channel: SyncChannelRow,
  org: OrgContext,
  input: AnyPage,
): Promise<{ linked: number; events: MessageLinked[] }> {
  const { page } = input;
  const parties = input.kind === 'mail'
    ? input.page.items.flatMap((m) => (m.skip ? [] : [m.from, ...m.to, ...m.cc].filter((p) => p !== null)))
    : input.page.items.flatMap((e) => [...(e.organizer ? [e.organizer] : []), ...e.attendees]);
  const lookups = await loadPageLookups(repos, box.orgId, box.userId, externalAddresses(org, parties));
  const scope = { provider: box.provider, accountId: box.accountId };
  const items: ImportedItem[] = [];
  const sources = new Map<string, IngestedMessage>();
  if (input.kind === 'mail') {
    for (const m of input.page.items) {
      const item = await linkMessage(org, lookups, scope, m);
      if (item) items.push(item), sources.set(item.dedupeKey, m);
    }
  } else {
    for (const e of input.page.items) {
      const item = await linkEvent(org, lookups, scope, e);
      if (item) items.push(item);
    }
  }
  // A message twice in one page (Gmail history replays) is stored once.
  const unique = [...new Map(items.map((i) => [i.dedupeKey, i])).values()];
  const result = await repos.importedItems.upsert(box, unique);
  const removed = await repos.importedItems.removeSources(box.accountId, page.removed);
  const log: { entity: Entity; entityId: string; op: 'upsert' | 'delete' }[] = [
    ...[...new Set([...result.changed, ...removed.updated])].map((id) => ({ entity: 'timelineItem' as const, entityId: id, op: 'upsert' as const })),
    ...removed.deleted.map((id) => ({ entity: 'timelineItem' as const, entityId: id, op: 'delete' as const })),
  ];
  await repos.changeLog.appendMany(box.orgId, log);
  const next = page.next;
  await repos.syncChannels.savePage(channel.id, {
    checkpoint: 'state' in next ? next.state : null,
    ...('cursor' in next ? { cursor: next.cursor } : {}),
    imported: unique.length,
    backlog: page.backlog,
  });
  // Per mailbox, not per organisation: the thread a follow-up or request watches is named by
  // one mailbox's ids, so a reply first imported from a colleague's copy must still reach it.
  const newHere = new Set(result.newInMailbox);
  const events: MessageLinked[] = [];
  for (const item of unique) {
    const id = result.idByKey.get(item.dedupeKey);
    const m = sources.get(item.dedupeKey);
    if (!id || !newHere.has(id) || !m || !item.direction) continue;
    events.push({
      orgId: box.orgId,
      customerId: item.customerId,
      timelineItemId: id,
      direction: item.direction,
      threadKey: threadKeyOf({ ...m, provider: box.provider }),
      threadRef: m.threadRef ? `${box.webHost}:${m.threadRef}` : null,
      providerThreadId: m.threadRef,
      providerId: m.providerId,
      messageId: m.messageId,
      inReplyTo: m.inReplyTo,
      references: m.references,
      fromAddress: m.from?.address ?? null,
      sentAt: m.sentAt,
      mailboxUserId: box.userId,
      accountId: box.accountId,
      mailboxAddress: box.address,
    });
  }
  return { linked: unique.length, events };
}
