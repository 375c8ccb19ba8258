import { createHash } from 'node:crypto';
import { gmailPayload, type GmailPart } from './gmail-payload';
import type { FakeMessageSpec } from './mail-spec';

export type StoredGmailMessage = {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: number;
  payload: GmailPart;
  sizeEstimate: number;
};

type HistoryRecord = {
  id: number;
  messagesAdded?: { message: { id: string; threadId: string; labelIds: string[] } }[];
  messagesDeleted?: { message: { id: string; threadId: string } }[];
  labelsAdded?: { message: { id: string; threadId: string; labelIds: string[] }; labelIds: string[] }[];
};

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** One Gmail mailbox: messages, and a history with gaps and an expiry floor (provider-facts §1.5). */
export class FakeGmailMailbox {
  historyId = 1000;
  /** History ids at or below this are "too old": history.list answers 404. */
  historyFloor = 0;
  readonly messages = new Map<string, StoredGmailMessage>();
  readonly history: HistoryRecord[] = [];

  constructor(readonly address: string) {}

  private nextHistoryId(): number {
    // Real ids increase with gaps.
    this.historyId += 1 + (this.history.length % 3);
    return this.historyId;
  }

  add(spec: FakeMessageSpec, id?: string): string {
    const messageId = id ?? shortHash(`${this.address}|${spec.messageId ?? ''}|${this.messages.size}|${spec.subject}`);
    const root = spec.references?.[0] ?? spec.inReplyTo ?? spec.messageId ?? messageId;
    const threadId = shortHash(`${this.address}|thread|${root}`);
    const historyId = this.nextHistoryId();
    const message: StoredGmailMessage = {
      id: messageId,
      threadId,
      labelIds: [...spec.labels],
      internalDate: spec.date.getTime(),
      historyId,
      payload: gmailPayload(spec, messageId),
      sizeEstimate: 2000 + (spec.text?.length ?? 0) + (spec.html?.length ?? 0),
    };
    this.messages.set(messageId, message);
    this.history.push({ id: historyId, messagesAdded: [{ message: { id: messageId, threadId, labelIds: message.labelIds } }] });
    return messageId;
  }

  addLabels(id: string, labelIds: string[]): void {
    const message = this.messages.get(id);
    if (!message) throw new Error(`no message ${id}`);
    message.labelIds = [...new Set([...message.labelIds, ...labelIds])];
    message.historyId = this.nextHistoryId();
    this.history.push({
      id: message.historyId,
      labelsAdded: [{ message: { id, threadId: message.threadId, labelIds: message.labelIds }, labelIds }],
    });
  }

  remove(id: string): void {
    const message = this.messages.get(id);
    if (!message) return;
    this.messages.delete(id);
    this.history.push({ id: this.nextHistoryId(), messagesDeleted: [{ message: { id, threadId: message.threadId } }] });
  }

  /** Every history id so far becomes too old (the next history.list with one gets 404). */
  expireHistory(): void {
    this.historyFloor = this.historyId;
  }

  historySince(startHistoryId: number, types: string[]): HistoryRecord[] {
    const wanted = new Set(types.length > 0 ? types : ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved']);
    return this.history
      .filter((r) => r.id > startHistoryId)
      .map((r) => ({
        id: r.id,
        ...(wanted.has('messageAdded') && r.messagesAdded ? { messagesAdded: r.messagesAdded } : {}),
        ...(wanted.has('messageDeleted') && r.messagesDeleted ? { messagesDeleted: r.messagesDeleted } : {}),
        ...(wanted.has('labelAdded') && r.labelsAdded ? { labelsAdded: r.labelsAdded } : {}),
      }))
      .filter((r) => Object.keys(r).length > 1);
  }

  /** messages.list's search: the operators ingestion uses (after:, before:, -category:, -in:, in:). */
  search(q: string, labelIds: string[], includeSpamTrash: boolean): StoredGmailMessage[] {
    const terms = q.split(/\s+/).filter(Boolean);
    const excluded = new Set<string>();
    const required = new Set(labelIds);
    let after = -Infinity;
    let before = Infinity;
    for (const term of terms) {
      const [, neg, op, value] = /^(-?)(\w+):(.+)$/.exec(term) ?? [];
      if (!op || !value) continue;
      const label = op === 'category' ? `CATEGORY_${value.toUpperCase()}` : value.toUpperCase();
      if (op === 'after') after = Number(value) * 1000;
      else if (op === 'before') before = Number(value) * 1000;
      else if (op === 'category' || op === 'in' || op === 'label') (neg ? excluded : required).add(label);
    }
    if (!includeSpamTrash) excluded.add('SPAM').add('TRASH');
    return [...this.messages.values()]
      .filter((m) => m.internalDate > after && m.internalDate < before)
      .filter((m) => [...required].every((l) => m.labelIds.includes(l)) && !m.labelIds.some((l) => excluded.has(l)))
      .sort((a, b) => b.internalDate - a.internalDate || (a.id < b.id ? -1 : 1));
  }
}
