import { watchHost, type HostWatcher, type WatchOptions } from '../dom/watch-host';
import { readOutlookContextSafely } from './outlook-adapter';

/**
 * OWA navigates with pushState, which an isolated-world content script cannot hook: the URL is
 * polled (a string comparison every 250 ms) and the observer watches the selection and the ids
 * that change when another conversation is shown (host-dom-facts §4 "SPA / timing").
 */
export const outlookWatcher: HostWatcher = {
  host: 'outlook',
  read: readOutlookContextSafely,
  attributes: ['aria-selected', 'data-convid', 'id', 'title', 'hidden', 'style'],
  pollMs: 250,
};

export const watchOutlook = (options: WatchOptions): void => void watchHost(outlookWatcher, options);
