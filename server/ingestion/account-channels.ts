import { v7 as uuidv7 } from 'uuid';
import type { AccountSettings, Provider } from './provider';

/** The channel rows an account should have for its settings (new ids; reconcile keeps existing ones). */
export function channelRowsFor(provider: Provider, settings: AccountSettings) {
  return provider.channels(settings).map((spec) => ({ id: uuidv7(), ...spec }));
}
