import { watchHost, type HostWatcher, type WatchOptions } from '../dom/watch-host';
import { readGmailContextSafely } from './gmail-adapter';

/**
 * Gmail routes by hash, so hashchange + popstate + the observer see every navigation (WXT's
 * locationchange polls only every second, host-dom-facts §3). The attributes are those whose
 * change can mean another thread is shown.
 */
export const gmailWatcher: HostWatcher = {
  host: 'gmail',
  read: readGmailContextSafely,
  attributes: ['data-legacy-thread-id', 'data-thread-perm-id', 'email', 'hidden', 'style', 'role'],
};

export const watchGmail = (options: WatchOptions): void => void watchHost(gmailWatcher, options);
