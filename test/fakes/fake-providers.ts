import { FakeGoogle } from './fake-google';
import { FakeMicrosoft } from './fake-microsoft';
import type { FaultInjector } from './faults';
import type { FakeEventSpec, FakeMessageSpec } from './mail-spec';

/** What the provider contract suite and the e2e/demo worlds need from either fake, the same way. */
export type FakeProviderServer = {
  provider: 'google' | 'microsoft';
  url: string;
  faults: FaultInjector;
  addMessage(address: string, spec: FakeMessageSpec): string;
  addEvent(address: string, spec: FakeEventSpec): string[];
  cancelEvent(address: string, occurrenceId: string): void;
  /** Every mail cursor of the account goes stale (Gmail 404 historyId / Graph 410). */
  expireMailCursors(address: string): void;
  expireCalendarCursors(address: string): void;
  revoke(address: string): void;
  restore(address: string): void;
  close(): Promise<void>;
};

export async function startFakeGoogle(port = 0): Promise<FakeProviderServer & { fake: FakeGoogle }> {
  const fake = await new FakeGoogle().start(port);
  return {
    fake,
    provider: 'google',
    url: fake.url,
    faults: fake.faults,
    addMessage: (a, s) => fake.addMessage(a, s),
    addEvent: (a, s) => fake.addEvent(a, s),
    cancelEvent: (a, id) => fake.calendars.get(a)!.cancel('primary', id),
    expireMailCursors: (a) => fake.mailbox(a).expireHistory(),
    expireCalendarCursors: (a) => fake.calendars.get(a)!.expireTokens(),
    revoke: (a) => (fake.oauth.revoke(a), fake.oauth.expireAccessTokens()),
    restore: (a) => fake.oauth.restore(a),
    close: () => fake.close(),
  };
}

export async function startFakeMicrosoft(port = 0): Promise<FakeProviderServer & { fake: FakeMicrosoft }> {
  const fake = await new FakeMicrosoft().start(port);
  return {
    fake,
    provider: 'microsoft',
    url: fake.url,
    faults: fake.faults,
    addMessage: (a, s) => fake.addMessage(a, s),
    addEvent: (a, s) => fake.addEvent(a, s),
    cancelEvent: (a, id) => fake.calendars.get(a)!.cancel('default', id),
    expireMailCursors: (a) => fake.mailbox(a).expireDeltas(),
    expireCalendarCursors: (a) => fake.calendars.get(a)!.expireTokens(),
    revoke: (a) => (fake.oauth.revoke(a), fake.oauth.expireAccessTokens()),
    restore: (a) => fake.oauth.restore(a),
    close: () => fake.close(),
  };
}

export const fakeProviderStarters = { google: startFakeGoogle, microsoft: startFakeMicrosoft } as const;
