import { watchHost, type WatchOptions } from '../dom/watch-host';
import { readPortalContextSafely, type PortalSetup } from './portal-adapter';

/**
 * Portals are any kind of web app: pushState or hash routing, content that arrives late. The URL
 * is polled, and any change of the page is read again (batched and spaced by watchHost). `setup`
 * is read at every read, so a changed rule applies at the next one; the returned function reads
 * at once (after the rule changed).
 */
export function watchPortal(setup: () => PortalSetup, options: WatchOptions): () => void {
  return watchHost(
    {
      host: 'portal',
      read: (doc, href, seq) => readPortalContextSafely(doc, href, seq, setup()),
      attributes: ['href', 'value', 'data-email', 'title', 'hidden', 'style'],
      pollMs: 500,
    },
    options,
  );
}
