import { MAIL_SHARING_LEVELS, type MailSharing } from '../../shared/schemas/timeline';
import type { MailAccount } from '../../shared/schemas/mail-account';
import { channelErrorKindSchema, mailProviderSchema } from '../../shared/schemas/mail-account';
import type { MailAccountRow } from '../storage/repositories/mail-accounts';
import type { SyncChannelRow } from '../storage/repositories/sync-channels';

export const sharingName = (level: number): MailSharing => MAIL_SHARING_LEVELS[level] ?? 'private';
export const sharingLevel = (name: MailSharing): number => MAIL_SHARING_LEVELS.indexOf(name);

/** The synced health row of an account (mailAccount entity); null once disconnected. */
export function mailAccountView(account: MailAccountRow, channels: SyncChannelRow[]): MailAccount | null {
  if (account.status === 'disconnected') return null;
  return {
    id: account.id,
    provider: mailProviderSchema.parse(account.provider),
    address: account.address,
    status: account.status,
    sharing: sharingName(account.sharing),
    calendars: account.settings.calendars,
    mailFolders: account.settings.mailFolders,
    channels: channels
      .filter((c) => c.accountId === account.id && c.enabled)
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        lastSuccessAt: c.lastSuccessAt,
        itemsImported: c.itemsImported,
        backlog: c.backlog,
        errorKind: channelErrorKindSchema.safeParse(c.errorKind).data ?? (c.errorKind ? 'unknown' : null),
        error: c.errorMessage,
      })),
    updatedAt: account.updatedAt,
  };
}
