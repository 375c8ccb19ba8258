import { watchHost, type HostWatcher, type WatchOptions } from '../dom/watch-host';
import { readPortalContextSafely, type PortalSetup } from './portal-adapter';

/**
 * Portals are any kind of web app: pushState or hash routing, content that arrives late. The URL
 * is polled, and any change of the page is read again (batched and spaced by watchHost). `setup`
 * is read at every read, so a changed rule applies at the next one.
 */
export function portalWatcher(setup: () => PortalSetup): HostWatcher {
  return {
    host: 'portal',
    read: (doc, href, seq) => readPortalContextSafely(doc, href, seq, setup()),
    attributes: ['href', 'value', 'data-email', 'title', 'hidden', 'style'],
    pollMs: 500,
  };
}

/** Returns a function that reads at once (after the rule changed). */
export const watchPortal = (setup: () => PortalSetup, options: WatchOptions): (() => void) => watchHost(portalWatcher(setup), options);
