import { z } from 'zod';
import { calendarChoiceSchema, mailProviderSchema, neverLogEntrySchema } from '../../shared/schemas/mail-account';
import type { LocalDb } from '../local-db/db';
import type { ImportResult } from '../messaging/import-protocol';
import type { MailCall } from '../messaging/mail-protocol';
import { callServer } from './server-call';

/** Opens a tab; injected so the calls stay testable without a browser. */
export type OpenTab = (url: string) => Promise<void>;

/** Runs one mail call against the server; answers are parsed before they reach a page. */
export function runMailCall(db: LocalDb, call: MailCall, openTab: OpenTab): Promise<ImportResult<unknown>> {
  return callServer(db, async (api) => {
    switch (call.call) {
      case 'providers':
        return z.array(z.object({ id: mailProviderSchema, configured: z.boolean() })).parse(await api.mail.providers.query());
      case 'connect': {
        const { url } = z.object({ url: z.url() }).parse(await api.mail.connectUrl.mutate({ provider: call.provider }));
        // Only an http(s) page is ever opened: the server's own one-time connect page.
        if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('the server sent an unusable connect link');
        await openTab(url);
        return null;
      }
      case 'disconnect':
        return api.mail.disconnect.mutate({ accountId: call.accountId });
      case 'update':
        return api.mail.update.mutate(call.input);
      case 'calendars':
        return z.array(calendarChoiceSchema).parse(await api.mail.calendars.mutate({ accountId: call.accountId }));
      case 'sync-now':
        return api.mail.syncNow.mutate({ accountId: call.accountId });
      case 'never-log-list':
        return z.array(neverLogEntrySchema).parse(await api.mail.neverLogList.query());
      case 'never-log-add':
        return z.object({ entry: neverLogEntrySchema, removedItems: z.number() }).parse(await api.mail.neverLogAdd.mutate(call.input));
      case 'never-log-remove':
        return api.mail.neverLogRemove.mutate({ id: call.id });
    }
  });
}
