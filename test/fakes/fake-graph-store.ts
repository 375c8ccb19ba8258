import { createHash } from 'node:crypto';
import type { FakeMessageSpec } from './mail-spec';

export type StoredGraphMessage = { id: string; folder: string; spec: FakeMessageSpec; seq: number; removed: boolean };

/** Which folder a spec lands in (Gmail-style labels are the fakes' shared vocabulary). */
export function folderOf(spec: FakeMessageSpec): string {
  if (spec.labels.includes('SENT')) return 'sentitems';
  if (spec.labels.includes('SPAM')) return 'junkemail';
  if (spec.labels.includes('TRASH')) return 'deleteditems';
  return spec.labels.find((l) => l.startsWith('folder:'))?.slice('folder:'.length) ?? 'inbox';
}

/** One Outlook mailbox: messages per folder with a change sequence, and a delta generation. */
export class FakeGraphMailbox {
  seq = 0;
  /** Raised to invalidate every delta and next link (SyncStateNotFound). */
  generation = 1;
  readonly messages = new Map<string, StoredGraphMessage>();

  constructor(readonly address: string) {}

  add(spec: FakeMessageSpec): string {
    const id = `AAkAL${createHash('sha256').update(`${this.address}|${this.messages.size}|${spec.messageId}`).digest('base64url').slice(0, 40)}`;
    this.messages.set(id, { id, folder: folderOf(spec), spec, seq: ++this.seq, removed: false });
    return id;
  }

  move(id: string, folder: string): void {
    const m = this.messages.get(id);
    if (!m) throw new Error(`no message ${id}`);
    m.folder = folder;
    m.seq = ++this.seq;
  }

  remove(id: string): void {
    const m = this.messages.get(id);
    if (m) (m.removed = true), (m.seq = ++this.seq);
  }

  expireDeltas(): void {
    this.generation++;
  }
}
